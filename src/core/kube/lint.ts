// `falco-doctor lint` on Kubernetes input, the pure part: the Falco workload (from manifests or Helm
// values), the lint of the falco.yaml it runs (the same lintRun as on a VPS, lines mapped back to the
// manifest or values file), the ring-buffer budget per node size, HA settings and privileges.
import { effectiveConfigOfFiles } from '../falco/config/from-files.js';
import { engineKind } from '../falco/engine.js';
import { lintRefused, lintRun, type LintRunReport } from '../falco/lint-run.js';
import { bufferBudget, budgetIssues, type Budget } from './budget.js';
import { privilegeIssues } from './privileges.js';
import type { FalcoWorkload, KubeIssue } from './types.js';

export interface KubeLintReport {
  workload: Omit<FalcoWorkload, 'falcoYaml' | 'issues'> & { falcoYamlOrigin: string | null; engineKind: string | null };
  /** the falco.yaml lint, lines as in the input files; null when no falco.yaml was found */
  falco: LintRunReport | null;
  budget: Budget | null;
  issues: KubeIssue[];
}

export function kubeLint(w: FalcoWorkload, nodeCpus: readonly number[]): KubeLintReport {
  const y = w.falcoYaml;
  const version = w.falcoVersion;
  const file = { path: y?.file ?? '(none)', text: y?.text ?? '' };
  const falco = y
    ? remapLines(
        lintRun({
          configs: [file],
          overrides: [],
          rules: [],
          version,
          versionNote: version ? `from the image tag (${w.image ?? ''})` : 'no version in the image tag',
        }),
        w,
      )
    : null;
  const config = y ? effectiveConfigOfFiles([file], []) : null;
  const kind = config ? engineKind(config, version) : null;
  const budget = config ? bufferBudget(w, config, nodeCpus) : null;
  const { falcoYaml: _y, issues: own, ...rest } = w;
  return {
    workload: { ...rest, falcoYamlOrigin: y?.origin ?? null, engineKind: kind },
    falco,
    budget,
    issues: [...own, ...(budget ? budgetIssues(w, budget) : []), ...privilegeIssues(w, kind)],
  };
}

/** falco.yaml lines -> lines of the file the operator edits (ConfigMap block offset, or the values key). */
function remapLines(r: LintRunReport, w: FalcoWorkload): LintRunReport {
  const y = w.falcoYaml;
  if (!y) return r;
  const map = (line: number | null, key: string | null): number | null => {
    if (y.lineOffset !== null) return line === null ? null : line + y.lineOffset;
    return key ? (y.keyLines?.[key] ?? null) : null;
  };
  return {
    ...r,
    files: r.files.map((f) => ({ ...f, path: y.file, issues: f.issues.map((i) => ({ ...i, file: y.file, line: map(i.line, i.key) })) })),
    configErrors: r.configErrors.map((e) => ({ ...e, file: y.file, line: map(e.line, e.key) })),
  };
}

export function kubeRefused(r: KubeLintReport): boolean {
  return (r.falco !== null && lintRefused(r.falco)) || r.issues.some((i) => i.code === 'FD-KUBE-CHART-REFUSED');
}
