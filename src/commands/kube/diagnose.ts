// `falco-doctor diagnose --kube`: the Falco pods of a cluster, node by node, through the kubeconfig.
// The same runbooks as for one container; the nodes worst first; the node list on a terminal (Enter opens
// a node's findings), JSON or markdown elsewhere; the exit code the worst node earns.
import { EXIT, type ExitCode } from '../../core/errors.js';
import { severityRank } from '../../core/findings.js';
import type { KubeDiagnosis } from '../../core/kube/live/nodes.js';
import type { DiagnoseArgs } from '../../cli/requests.js';
import { kubeToMarkdown } from '../../report/kube-markdown.js';
import { runKubeDiagnosis, type KubeRun } from './run.js';

export async function kubeDiagnoseCommand(args: DiagnoseArgs): Promise<ExitCode> {
  if (args.format !== 'ui') {
    const result = await runKubeDiagnosis(args, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(args.format === 'json' ? `${JSON.stringify(result.report, null, 2)}\n` : kubeToMarkdown(result.report));
    return kubeExitFor(result, args);
  }
  // the screen mounts first and shows the collection's progress; the diagnosis is kept for f
  let result: KubeRun | null = null;
  const { runKubeUi } = await import('../../ui/kube/run.js');
  const left = await runKubeUi(
    (progress) =>
      runKubeDiagnosis(args, progress).then((r) => {
        result = r;
        return r.report;
      }),
    { noColor: args.noColor },
  );
  if (left.error) throw left.error;
  const done = result as KubeRun | null;
  if (!done) return EXIT.interrupted;
  if (left.state?.fixRequest) {
    const { fixFromScreen } = await import('./fix-from-screen.js');
    return fixFromScreen(done, left.state.fixRequest, args);
  }
  return kubeExitFor(done, args);
}

/** 2 when a node's Falco config is refused, 5 when no node could be read, else the --fail-on bar. */
export function kubeExitFor({ report }: KubeDiagnosis, args: Pick<DiagnoseArgs, 'failOn'>): ExitCode {
  const refused = report.nodes.filter((n) => (n.report?.configErrors.length ?? 0) > 0);
  if (refused.length > 0) {
    process.stderr.write(
      `falco-doctor: Falco's configuration is invalid on ${refused.map((n) => n.node).join(', ')}: ${refused[0]?.report?.configErrors.join('; ')}\n`,
    );
    return EXIT.usage;
  }
  if (report.nodes.every((n) => !n.report)) {
    process.stderr.write(`falco-doctor: no Falco pod could be read: ${report.nodes[0]?.error ?? 'none found'}\n`);
    return EXIT.unreachable;
  }
  if (args.failOn === 'none') return EXIT.ok;
  const bar = severityRank(args.failOn);
  return report.nodes.some((n) => n.worst === 'unreadable' || (n.report?.findings ?? []).some((f) => severityRank(f.severity) >= bar))
    ? EXIT.findings
    : EXIT.ok;
}
