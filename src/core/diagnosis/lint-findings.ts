// The config lint as a built-in runbook: every falco.yaml problem (a key Falco does not have, one it
// renamed, options under the wrong engine kind, ...) becomes a finding with its file and line.
import type { DiagnosisContext } from './context.js';
import type { Finding, Severity } from '../findings.js';
import { lintConfig } from '../falco/config/lint.js';
import { codeFor, type LintIssue } from '../falco/config/lint/issue.js';
import { resolveRelease } from '../falco/catalogue/index.js';

export const LINT_RUNBOOK = { id: 'config-lint', title: 'Configuration lint' } as const;

const SEVERITY: Record<LintIssue['severity'], Severity> = { error: 'warning', warning: 'warning', info: 'info' };

/** Configurations Falco refuses to start with: critical findings (and configErrors, exit 2, in diagnose). */
export function refusalFindings(ctx: DiagnosisContext): Finding[] {
  return ctx.refusals.map((r) => ({
    code: 'FD-CONF-REFUSED',
    severity: 'critical',
    runbook: LINT_RUNBOOK.id,
    title: `Falco refuses to start: ${r.message}`,
    cause: 'refused',
    explanation: `Falco stops at startup with "${r.message}" (${r.source}).`,
    evidence: [{ fact: 'config.key', label: r.key, observed: provenanceOf(ctx, r.key), source: 'falco.yaml' }],
    fixes: [],
  }));
}

function provenanceOf(ctx: DiagnosisContext, key: string): string {
  const p = ctx.config.provenance[key];
  return p ? `${p.source}${p.line ? `:${p.line}` : ''}` : "not set (the default in Falco's code applies)";
}

/** A version that is not a known release is judged by the nearest one: an info finding says so. */
function versionNote(version: string | null): Finding[] {
  if (version === null) return [];
  const r = resolveRelease(version);
  if (r.exact || !r.note) return [];
  return [
    {
      code: codeFor('version-approx'),
      severity: 'info',
      runbook: LINT_RUNBOOK.id,
      title: r.note,
      cause: 'version-approx',
      explanation: r.note,
      evidence: [{ fact: 'falco.version', label: 'falco version', observed: version, source: 'catalogue' }],
      fixes: [],
    },
  ];
}

export function lintFindings(ctx: DiagnosisContext): Finding[] {
  const version = ctx.version.version;
  const enabledRuleEventTypes = ctx.rules.requiredEventTypes;
  return [...versionNote(version), ...refusalFindings(ctx), ...fileFindings(ctx, version, enabledRuleEventTypes)];
}

function fileFindings(ctx: DiagnosisContext, version: string | null, enabledRuleEventTypes: string[] | undefined): Finding[] {
  return ctx.snapshot.falco.configFiles.flatMap((f) =>
    lintConfig({ path: f.hostPath ?? f.path, text: f.text }, { version, enabledRuleEventTypes, engineKind: ctx.engineKind ?? undefined }).map((i): Finding => ({
      code: i.code,
      severity: SEVERITY[i.severity],
      runbook: LINT_RUNBOOK.id,
      title: i.message.split('\n')[0] ?? i.message,
      cause: i.class,
      explanation: [i.message, i.replacement ? `Use instead: ${i.replacement}.` : null, i.didYouMean ? `Did you mean ${i.didYouMean}?` : null]
        .filter(Boolean)
        .join(' '),
      evidence: [{ fact: 'config.key', label: i.key, observed: `${i.file}${i.line ? `:${i.line}` : ''}`, source: 'falco.yaml' }],
      fixes: [],
    })),
  );
}
