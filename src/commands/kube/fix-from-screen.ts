// f / e / w on a node's findings in the diagnose --kube screen: the first fix that applies to the chosen
// finding (f) or to the node's first critical (e) or warning (w) finding, through the same fix --kube
// flow (preview, y to apply, verify); then u undoes it at once, any other key keeps it.
import { EXIT, UserError, type ExitCode } from '../../core/errors.js';
import type { KubeScreenState } from '../../ui/kube/state.js';
import type { KubeDiagnoseArgs, KubeRun } from './diagnose.js';
import { kubeFixOn } from './fix.js';
import { runRollbackCommand } from '../rollback.js';
import { DEFAULT_TIMINGS } from '../../adapters/change/session.js';

export async function fixFromScreen(d: KubeRun, req: NonNullable<KubeScreenState['fixRequest']>, args: KubeDiagnoseArgs): Promise<ExitCode> {
  const node = d.report.nodes[req.node];
  const findings = node?.report?.findings ?? [];
  const pick =
    req.intent === 'fix-all'
      ? findings.slice(req.finding, req.finding + 1)
      : findings.filter((f) => f.severity === (req.intent === 'fix-critical' ? 'critical' : 'warning'));
  const fix = pick.flatMap((f) => f.fixes).find((x) => x.refused === null);
  if (!node || !fix)
    throw new UserError(`no fix applies to ${node ? `the chosen finding on ${node.node}` : 'that node'}`, 'diagnose --kube lists each finding with its fixes');
  const r = await kubeFixOn(d, fix.id, { ...args, operand: fix.id, node: node.node, yes: false });
  if (r.code !== EXIT.ok && r.code !== EXIT.findings) return r.code;
  if (!r.journalId || !process.stdin.isTTY) return r.code;
  process.stderr.write('press u to undo it now, any other key to keep it: ');
  const key = await oneKey();
  process.stderr.write('\n');
  if (key !== 'u') return r.code;
  return runRollbackCommand(
    null,
    { id: r.journalId, last: false, stateDir: args.stateDir, timings: { ...DEFAULT_TIMINGS, reloadTimeoutSeconds: args.reloadTimeoutSeconds } },
    { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
  );
}

function oneKey(): Promise<string> {
  return new Promise((resolve) => {
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.once('data', (b: Buffer) => {
      process.stdin.setRawMode(false);
      process.stdin.pause();
      resolve(b.toString());
    });
  });
}
