// `falco-doctor lint [FILE...] [--falco-version V] [--override KEY=VALUE] [--rules PATH] [--json]`:
// the config and rules checks of diagnose, offline, on files (no Docker). Exit codes as diagnose:
// 2 when Falco would not start (invalid YAML, a refused setting or rules file), 3 for findings at or
// above --fail-on (default warning), 0 otherwise. Nothing is written.
import { EXIT, type ExitCode } from '../core/errors.js';
import { severityRank, type Severity } from '../core/findings.js';
import { lintRefused, lintRun } from '../core/falco/lint-run.js';
import { detectVersion } from '../core/falco/version.js';
import { readLintInputs } from '../adapters/files/lint-inputs.js';
import { lintText } from '../report/lint-text.js';

export interface LintArgs {
  files: string[];
  falcoVersion: string | null;
  overrides: string[];
  rules: string[];
  json: boolean;
  failOn: Severity | 'none';
}

const RANK = { error: 'critical', warning: 'warning', info: 'info' } as const;

export async function runLint(a: LintArgs, out: (s: string) => void): Promise<ExitCode> {
  // the version first: which folders and keys Falco reads depends on it
  const first = a.files[0];
  let version = a.falcoVersion;
  let note = a.falcoVersion ? 'from --falco-version' : '';
  if (!version && first) {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(first, 'utf8').catch(() => null);
    const d = detectVersion({ image: null, versionOutput: null, startupLines: [], configText: text });
    version = d.version;
    note = d.version ? `${d.note}; give --falco-version for an exact judgement` : 'no --falco-version and none inferable: keys of any release are accepted';
  }
  const inputs = await readLintInputs(a.files, a.rules, a.overrides, version);
  const report = lintRun({ ...inputs, overrides: a.overrides, version, versionNote: note });
  out(a.json ? `${JSON.stringify(report, null, 2)}\n` : lintText(report));
  if (lintRefused(report)) return EXIT.usage;
  if (a.failOn === 'none') return EXIT.ok;
  const bar = severityRank(a.failOn);
  const worst = report.files.flatMap((f) => f.issues).some((i) => severityRank(RANK[i.severity]) >= bar);
  const rulesErrors = (report.rules?.errors.length ?? 0) > 0 && bar <= severityRank('warning');
  return worst || rulesErrors ? EXIT.findings : EXIT.ok;
}
