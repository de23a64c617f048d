// `falco-doctor rollout [status|next|abort]` from the parsed command line: the request (args.ts), the
// Docker client, and the y/N the baseline asks before it stops Falco.
import { confirm } from '../../ui/confirm.js';
import type { ExitCode } from '../../core/errors.js';
import { connectDocker, detectionFor, io, readCatalogue } from '../cli-context.js';
import { toolVersion } from '../../version.js';
import { toRolloutRequest } from './args.js';
import type { RolloutArgs } from '../../cli/requests.js';
import { runRolloutCommand } from './rollout.js';

export async function rolloutCommand(args: RolloutArgs): Promise<ExitCode> {
  const req = toRolloutRequest(args, await readCatalogue(), toolVersion());
  const docker = await connectDocker();
  // a phase switch and the abort change the rules: the canary around them (status changes nothing)
  const detection = req.action === 'status' ? undefined : await detectionFor(docker, args, args.container, args.yes);
  return runRolloutCommand(req, { docker, io, confirm, ...(detection ? { detection } : {}) });
}
