// `falco-doctor lint [FILE...] [--falco-version V] [--override KEY=VALUE] [--rules PATH] [--json]`:
// the config and rules checks of diagnose, offline, on files (no Docker). Exit codes as diagnose:
// 2 when Falco would not start (invalid YAML, a refused setting or rules file), 3 for findings at or
// above --fail-on (default warning), 0 otherwise. Nothing is written.
import { EXIT, UserError, type ExitCode } from '../core/errors.js';
import { severityRank } from '../core/findings.js';
import type { LintArgs } from '../cli/requests.js';
import { lintRefused, lintRun } from '../core/falco/lint-run.js';
import { detectVersion } from '../core/falco/version.js';
import { readLintInputs } from '../adapters/files/lint-inputs.js';
import { lintText } from '../report/lint-text.js';
import { kubeLintText } from '../report/kube-lint-text.js';
import { readNamedFiles } from '../adapters/files/kube-inputs.js';
import type { SourceFile } from '../core/falco/config/types.js';
import { kubeInputKind } from '../core/kube/detect.js';
import { workloadFromManifests } from '../core/kube/manifests.js';
import { workloadFromHelmValues } from '../core/kube/helm.js';
import { DEFAULT_NODE_CPUS } from '../core/kube/budget.js';
import { kubeLint, kubeRefused } from '../core/kube/lint.js';

/** The lint's part of its request (nodeCpus null: DEFAULT_NODE_CPUS). */
type LintInput = Omit<LintArgs, 'command' | 'noColor'>;

const RANK = { error: 'critical', warning: 'warning', info: 'info' } as const;

/** A DaemonSet + ConfigMap or Helm values: the falco.yaml inside, the budget per node size, HA, privileges. */
function runKubeLint(kind: 'manifests' | 'helm-values', files: SourceFile[], a: LintInput, out: (s: string) => void): ExitCode {
  if (a.overrides.length > 0 || a.rules.length > 0)
    throw new UserError('--override and --rules are for falco.yaml input; on Kubernetes input the falco.yaml comes from the ConfigMap or the values');
  const w = kind === 'manifests' ? workloadFromManifests(files) : workloadFromHelmValues(files[0] as SourceFile);
  if (a.falcoVersion) w.falcoVersion = a.falcoVersion;
  const report = kubeLint(w, a.nodeCpus ?? DEFAULT_NODE_CPUS);
  out(a.json ? `${JSON.stringify(report, null, 2)}\n` : kubeLintText(report));
  if (kubeRefused(report)) return EXIT.usage;
  if (a.failOn === 'none') return EXIT.ok;
  const bar = severityRank(a.failOn);
  const issues = [...(report.falco?.files.flatMap((f) => f.issues) ?? []), ...report.issues];
  return issues.some((i) => severityRank(RANK[i.severity]) >= bar) ? EXIT.findings : EXIT.ok;
}

export async function runLint(a: LintInput, out: (s: string) => void): Promise<ExitCode> {
  const named = a.files.length > 0 ? await readNamedFiles(a.files) : [];
  const kube = kubeInputKind(named);
  if (kube) return runKubeLint(kube, named, a, out);
  if (a.nodeCpus) throw new UserError('--node-cpus is for Kubernetes input (a DaemonSet and its ConfigMap, or Helm values)');
  // the version first: which folders and keys Falco reads depends on it
  const first = named[0];
  let version = a.falcoVersion;
  let note = a.falcoVersion ? 'from --falco-version' : '';
  if (!version && first) {
    const d = detectVersion({ image: null, versionOutput: null, startupLines: [], configText: first.text });
    version = d.version;
    note = d.version ? `${d.note}; give --falco-version for an exact judgement` : 'no --falco-version and none inferable: keys of any release are accepted';
  }
  const inputs = await readLintInputs(a.files, a.rules, a.overrides, version, named);
  const report = lintRun({ ...inputs, overrides: a.overrides, version, versionNote: note });
  out(a.json ? `${JSON.stringify(report, null, 2)}\n` : lintText(report));
  if (lintRefused(report)) return EXIT.usage;
  if (a.failOn === 'none') return EXIT.ok;
  const bar = severityRank(a.failOn);
  const worst = report.files.flatMap((f) => f.issues).some((i) => severityRank(RANK[i.severity]) >= bar);
  const rulesErrors = (report.rules?.errors.length ?? 0) > 0 && bar <= severityRank('warning');
  return worst || rulesErrors ? EXIT.findings : EXIT.ok;
}
