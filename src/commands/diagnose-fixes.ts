// The diagnose → fix flow: the fixes chosen with f/e/w on the diagnose screen, each previewed, applied,
// verified and undoable in the fix screen, planned on the snapshot the diagnosis just measured. One flow
// for `falco-doctor diagnose` and the diagnosis opened from the home screen (d).
import type { FixSettings } from '../cli/requests.js';
import { EXIT, type ExitCode } from '../core/errors.js';
import type { Catalogue } from '../core/runbook/load.js';
import type { Snapshot } from '../core/snapshot.js';
import type { DockerClient } from '../adapters/docker/client.js';
import type { FixRequest, PreparedFix } from './fix/fix.js';
import { connectDocker, detectionFor, fixRequest } from './cli-context.js';

export async function runFixFlow(docker: DockerClient, prepared: PreparedFix, req: FixRequest, args: Pick<FixSettings, 'noColor'>): Promise<ExitCode> {
  const { fixUiModel } = await import('./fix/ui.js');
  const { runFixUi } = await import('../ui/fix/run.js');
  const { preview, actions } = fixUiModel(docker, prepared, req);
  const r = await runFixUi(preview, actions, { noColor: args.noColor });
  if (r.outcome === 'reverted') return EXIT.fixReverted;
  if (r.outcome === 'rollback-incomplete' || r.phase === 'undo-failed') return EXIT.rollbackIncomplete;
  return EXIT.ok;
}

/** Each chosen fix in turn; the worst exit code of them. */
export async function applyChosenFixes(ids: readonly string[], snapshot: Snapshot | null, args: FixSettings, catalogue: Catalogue): Promise<ExitCode> {
  if (!snapshot) return EXIT.runtime;
  const { prepareFixFor, runOf } = await import('./fix/fix.js');
  const { judgeSnapshot } = await import('./diagnose.js');
  const docker = await connectDocker();
  const detection = await detectionFor(docker, args, snapshot.target.name, false);
  let worst: ExitCode = EXIT.ok;
  for (const fixId of ids) {
    const req = fixRequest(args, fixId, snapshot.target.name, catalogue, detection);
    const code = await runFixFlow(docker, await prepareFixFor(docker, req, judgeSnapshot(snapshot, runOf(req), 'live')), req, args);
    if (code !== EXIT.ok) worst = code;
  }
  return worst;
}
