// Value checks for known keys: type as Falco converts it (yaml-cpp is lenient: "4" is an integer,
// "yes" a boolean, a scalar is a one-item list), ranges and enumerations.
import { didYouMean } from '../../../text/did-you-mean.js';
import { knownKeysFor, engineKindsFor, type KeySpec } from '../model.js';
import { durationMs } from './convert.js';
import { report, valueAt, type LintContext } from './context.js';
import { YAML_CPP_FALSE, YAML_CPP_TRUE } from '../yaml-cpp-bool.js';

const isNumeric = (v: unknown): boolean => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)));
const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

function typeError(spec: KeySpec, v: unknown): string | null {
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean' || (typeof v === 'string' && (YAML_CPP_TRUE.test(v) || YAML_CPP_FALSE.test(v))) ? null : 'a boolean (true/false)';
    case 'integer':
      return isNumeric(v) && Number.isInteger(Number(v)) ? null : 'an integer';
    case 'number':
      return isNumeric(v) ? null : 'a number';
    case 'string':
      return isScalar(v) && v !== null ? null : 'a string';
    case 'duration':
      return durationMs(v) !== null ? null : 'a duration such as 30s, 15m or 1h';
    case 'string[]':
      return Array.isArray(v) ? (v.every(isScalar) ? null : 'a list of strings') : isScalar(v) ? null : 'a list of strings';
    case 'sequence':
      return Array.isArray(v) || v === null ? null : 'a list';
    case 'map':
      return (v !== null && typeof v === 'object' && !Array.isArray(v)) || v === null ? null : 'a map';
    case 'any':
      return null;
  }
}

export function lintValues(ctx: LintContext): void {
  const known = knownKeysFor(ctx.version);
  for (const [path, line] of ctx.parsed.leaves) {
    const spec = known.get(path);
    if (!spec) continue;
    const v = valueAt(ctx, path);
    if (v === null && spec.type !== 'string') continue; // `key:` with no value: Falco falls back to the default
    const expected = typeError(spec, v);
    if (expected) {
      report(ctx, { class: 'wrong-type', severity: 'error', key: path, line, message: `${path} must be ${expected}, got ${JSON.stringify(v)}.` });
      continue;
    }
    checkRange(ctx, spec, path, line, v);
  }
}

function checkRange(ctx: LintContext, spec: KeySpec, path: string, line: number, v: unknown): void {
  const allowed = path === 'engine.kind' ? engineKindsFor(ctx.version) : spec.oneOf;
  const values = Array.isArray(v) ? v : [v];
  if (allowed) {
    for (const item of values) {
      const s = String(item);
      const ok = allowed.includes(path === 'priority' ? s.toLowerCase() : s);
      if (!ok) {
        const dym = didYouMean(s, allowed);
        report(ctx, {
          class: 'out-of-range',
          severity: 'error',
          key: path,
          line,
          message: `${path}: "${s}" is not one of ${allowed.join(', ')}${ctx.version ? ` (Falco ${ctx.version})` : ''}.` + (dym ? ` Did you mean ${dym}?` : ''),
          didYouMean: dym,
        });
      }
    }
    return;
  }
  if (typeof v !== 'number' && !isNumeric(v)) return;
  const n = Number(v);
  const preset = path.endsWith('buf_size_preset') || path === 'syscall_buf_size_preset';
  if (preset && n === 0) {
    report(ctx, {
      class: 'out-of-range',
      severity: 'error',
      key: path,
      line,
      message: `${path}: preset 0 is reserved; use 1 (1 MB) to 10 (512 MB), default 4 (8 MB).`,
    });
    return;
  }
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    const range = `${spec.min ?? '-inf'}..${spec.max ?? 'inf'}`;
    report(ctx, { class: 'out-of-range', severity: 'error', key: path, line, message: `${path}: ${n} is outside ${range}.` });
  }
}
