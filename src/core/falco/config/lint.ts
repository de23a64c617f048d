// Lint one Falco config file (falco.yaml or a drop-in) for the mistakes that circulate in tuning
// guides and for keys the given Falco version does not read. YAML syntax errors are not lint issues:
// they are reported by computeEffectiveConfig().errors (and parseYamlSource) with file and line.
import { lintBaseSyscalls } from './lint/syscalls.js';
import { lintContradictions } from './lint/contradictions.js';
import type { LintContext } from './lint/context.js';
import type { LintIssue } from './lint/issue.js';
import { lintKeys } from './lint/keys.js';
import { lintPerformance } from './lint/performance.js';
import { lintValues } from './lint/values.js';
import { lintSchema, type SchemaVerdict } from './lint/schema.js';
import type { SourceFile } from './types.js';
import { parseYamlSource } from './yaml-source.js';
import { ALL_ENGINE_KINDS, isEngineKind } from './model.js';
import { didYouMean } from '../../text/did-you-mean.js';

export type { LintClass, LintIssue, LintSeverity } from './lint/issue.js';
export { explainShellAdvice, type ShellAdvice } from './lint/shell-advice.js';

export interface LintOptions {
  version: string | null;
  enabledRuleEventTypes?: string[];
  /** Engine kind in effect when the file does not set one (e.g. a drop-in); default modern_ebpf, as shipped since 0.38. */
  engineKind?: string;
  /** Validate against the release's config schema as Falco does (0.39+); default true. */
  schema?: boolean;
}

/** The kind whose options count; a misspelt kind (reported by the value checks) is read as its closest real kind. */
function effectiveKind(fileKind: unknown, fallback: string | undefined): string {
  if (typeof fileKind !== 'string') return fallback ?? 'modern_ebpf';
  if (isEngineKind(fileKind)) return fileKind;
  return didYouMean(fileKind, ALL_ENGINE_KINDS) ?? fallback ?? 'modern_ebpf';
}

export function lintConfig(file: SourceFile, opts: LintOptions): LintIssue[] {
  return lintFile(file, opts).issues;
}

/** The lint of one file and Falco's schema verdict on it (null: no schema for the release, switched
 *  off, or YAML that does not parse), from one parse and one validation. */
export function lintFile(file: SourceFile, opts: LintOptions): { issues: LintIssue[]; schema: SchemaVerdict | null } {
  const parsed = parseYamlSource(file);
  const engine = parsed.value['engine'];
  const fileKind = engine && typeof engine === 'object' ? (engine as Record<string, unknown>)['kind'] : undefined;
  const ctx: LintContext = {
    file,
    version: opts.version,
    parsed,
    kind: effectiveKind(fileKind, opts.engineKind),
    issues: [],
    enabledRuleEventTypes: opts.enabledRuleEventTypes,
  };
  lintKeys(ctx);
  lintValues(ctx);
  lintContradictions(ctx);
  lintPerformance(ctx);
  lintBaseSyscalls(ctx);
  const verdict = opts.schema !== false ? lintSchema(ctx) : null;
  return { issues: ctx.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), schema: parsed.errors.length === 0 ? verdict : null };
}
