// The config lint as a built-in runbook: every falco.yaml problem (a key Falco does not have, one it
// renamed, options under the wrong engine kind, ...) becomes a finding with its file and line.
import type { DiagnosisContext } from './context.js';
import type { Finding, Severity } from '../findings.js';
import { lintConfig } from '../falco/config/lint.js';
import type { LintIssue } from '../falco/config/lint/issue.js';

export const LINT_RUNBOOK = { id: 'config-lint', title: 'Configuration lint' } as const;

const SEVERITY: Record<LintIssue['severity'], Severity> = { error: 'warning', warning: 'warning', info: 'info' };

export function lintFindings(ctx: DiagnosisContext): Finding[] {
  const version = ctx.version.version;
  const enabledRuleEventTypes = ctx.rules.requiredEventTypes;
  return ctx.snapshot.falco.configFiles.flatMap((f) =>
    lintConfig({ path: f.hostPath ?? f.path, text: f.text }, { version, enabledRuleEventTypes, engineKind: ctx.engineKind ?? undefined }).map(
      (i): Finding => ({
        code: i.code,
        severity: SEVERITY[i.severity],
        runbook: LINT_RUNBOOK.id,
        title: i.message.split('\n')[0] ?? i.message,
        cause: i.class,
        explanation: [
          i.message,
          i.replacement ? `Use instead: ${i.replacement}.` : null,
          i.didYouMean ? `Did you mean ${i.didYouMean}?` : null,
        ]
          .filter(Boolean)
          .join(' '),
        evidence: [{ fact: 'config.key', label: i.key, observed: `${i.file}${i.line ? `:${i.line}` : ''}`, source: 'falco.yaml' }],
        fixes: [],
      }),
    ),
  );
}
