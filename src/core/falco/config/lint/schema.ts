// Falco's own schema check, as it runs it (userspace/engine/yaml_helper.h@0.42.1 validate_node): each
// config file is validated on its own against the schema compiled into that release (`falco
// --config-schema`, knowledge/config-schema/, 0.39+), with valijson's weak types (a YAML scalar "4"
// passes as an integer). A failure is a WARNING in Falco's startup log ("<file> | schema validation:
// failed for …"), never a refusal to start. ajv with coerceTypes stands in for valijson's weak types;
// the wording of each failure is ajv's, not valijson's.
import { Ajv, type ValidateFunction } from 'ajv';
import s0392 from '../../../../../knowledge/config-schema/falco-0.39.2.schema.json' with { type: 'json' };
import s0400 from '../../../../../knowledge/config-schema/falco-0.40.0.schema.json' with { type: 'json' };
import s0413 from '../../../../../knowledge/config-schema/falco-0.41.3.schema.json' with { type: 'json' };
import s0421 from '../../../../../knowledge/config-schema/falco-0.42.1.schema.json' with { type: 'json' };
import s0431 from '../../../../../knowledge/config-schema/falco-0.43.1.schema.json' with { type: 'json' };
import s0441 from '../../../../../knowledge/config-schema/falco-0.44.1.schema.json' with { type: 'json' };
import { CATALOGUE, resolveRelease } from '../../catalogue/index.js';
import { report, type LintContext } from './context.js';
import { YAML_CPP_FALSE, YAML_CPP_TRUE } from '../yaml-cpp-bool.js';

const SCHEMAS: Record<string, unknown> = { '0.39.2': s0392, '0.40.0': s0400, '0.41.3': s0413, '0.42.1': s0421, '0.43.1': s0431, '0.44.1': s0441 };
const compiled = new Map<string, ValidateFunction>();

/** The schema version Falco `version` validates with (that of its minor series), or null before 0.39. */
export function schemaVersionFor(version: string | null): string | null {
  if (version === null) return null;
  return CATALOGUE.schemaOf[resolveRelease(version).release] ?? null;
}

function validatorFor(schemaVersion: string): ValidateFunction | null {
  const hit = compiled.get(schemaVersion);
  if (hit) return hit;
  const raw = SCHEMAS[schemaVersion];
  if (!raw) return null;
  const { $schema: _draft, ...schema } = raw as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: true, validateSchema: false, validateFormats: false, logger: false });
  const fn = ajv.compile(schema);
  compiled.set(schemaVersion, fn);
  return fn;
}

function yamlCppBooleans(v: unknown): unknown {
  if (typeof v === 'string') return YAML_CPP_TRUE.test(v) ? true : YAML_CPP_FALSE.test(v) ? false : v;
  if (Array.isArray(v)) return v.map(yamlCppBooleans);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, yamlCppBooleans(x)]));
  return v;
}

export interface SchemaVerdict {
  schemaVersion: string;
  ok: boolean;
  failures: { path: string; message: string }[];
}

/** Validate one parsed file; null when the release has no schema. */
export function validateAgainstSchema(value: unknown, version: string | null): SchemaVerdict | null {
  const schemaVersion = schemaVersionFor(version);
  if (!schemaVersion) return null;
  const validate = validatorFor(schemaVersion);
  if (!validate) return null;
  // coerceTypes rewrites the data it validates: give it a copy, with yaml-cpp's boolean spellings
  // (yes/no/on/off, read as strings by a YAML 1.2 parser) as the booleans yaml-cpp makes of them.
  const ok = validate(yamlCppBooleans(value)) as boolean;
  const failures = (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
      if (e.keyword === 'additionalProperties') {
        const prop = String((e.params as { additionalProperty?: string }).additionalProperty);
        return { path: base ? `${base}.${prop}` : prop, message: `not allowed by the schema (additionalProperties: false)` };
      }
      return { path: base || '<root>', message: e.message ?? e.keyword };
    });
  return { schemaVersion, ok, failures };
}

/** Each schema failure as the warning Falco would log for this file; returns the whole verdict. */
export function lintSchema(ctx: LintContext): SchemaVerdict | null {
  const verdict = validateAgainstSchema(ctx.parsed.value, ctx.version);
  if (!verdict || verdict.ok) return verdict;
  // A key the doctor already explained (unknown, wrong type...) is not reported twice: the schema's
  // failure for it is the same fact in Falco's words. lint --json keeps the whole verdict (schemaVerdict).
  const explained = new Set(ctx.issues.map((i) => i.key));
  for (const f of verdict.failures) {
    const key = f.path === '<root>' ? '' : f.path.replace(/\.\d+(\.|$)/g, '$1');
    if ([...explained].some((k) => key === k || key.startsWith(`${k}.`) || k.startsWith(`${key}.`))) continue;
    report(ctx, {
      class: 'schema',
      severity: 'warning',
      key: f.path,
      line: ctx.parsed.keyLines.get(key) ?? null,
      message: `${ctx.file.path} | schema validation: failed for ${f.path}: ${f.message} (schema of Falco ${verdict.schemaVersion}; Falco logs this as a warning and starts anyway).`,
    });
  }
  return verdict;
}
