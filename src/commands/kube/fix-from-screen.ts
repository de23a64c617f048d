// f / e / w on a node's findings in the diagnose --kube screen: the fixes core/fix/select.ts chooses (the
// same as on the Docker diagnose screen: the open finding's, else every finding's, the criticals' or the
// warnings'), each through the fix --kube flow (preview, y to apply, verify) in turn, the later ones
// planned on a fresh diagnosis of the cluster; after each, u undoes it at once, any other key keeps it.
import { EXIT, UserError, type ExitCode } from '../../core/errors.js';
import { selectFixes } from '../../core/fix/select.js';
import type { DiagnoseArgs } from '../../cli/requests.js';
import type { KubeScreenState } from '../../ui/kube/state.js';
import { runKubeDiagnosis, type KubeRun } from './run.js';
import { kubeFixOn } from './fix.js';
import { runRollbackCommand } from '../rollback.js';
import { DEFAULT_TIMINGS } from '../../adapters/change/session.js';
import { io } from '../cli-context.js';

export async function fixFromScreen(d: KubeRun, req: NonNullable<KubeScreenState['fixRequest']>, args: DiagnoseArgs): Promise<ExitCode> {
  const node = d.report.nodes[req.node];
  const ids = selectFixes(node?.report?.findings ?? [], req.intent, req.open);
  if (!node || ids.length === 0)
    throw new UserError(`no fix applies to ${node ? `the chosen findings on ${node.node}` : 'that node'}`, 'diagnose --kube lists each finding with its fixes');
  const { oneKey } = await import('../../ui/confirm.js');
  let worst: ExitCode = EXIT.ok;
  for (const [i, fixId] of ids.entries()) {
    // the change before this one rolled the DaemonSet: plan on what the cluster runs now
    const before = i === 0 ? d : await runKubeDiagnosis(args, (l) => io.err(`${l}\n`), d);
    const r = await kubeFixOn(before, fixId, { ...args, fixId, node: node.node, yes: false });
    if (r.code !== EXIT.ok && r.code !== EXIT.findings) return r.code;
    if (r.code !== EXIT.ok) worst = r.code;
    if (!r.journalId || (await oneKey('press u to undo it now, any other key to keep it: ')) !== 'u') continue;
    const timings = { ...DEFAULT_TIMINGS, reloadTimeoutSeconds: args.reloadTimeoutSeconds };
    const undone = await runRollbackCommand(null, { id: r.journalId, last: false, stateDir: args.stateDir, timings }, io);
    if (undone !== EXIT.ok) return undone;
  }
  return worst;
}
