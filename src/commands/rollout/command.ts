// `falco-doctor rollout [status|next|abort]` from the parsed command line: the request (args.ts), the
// Docker client, and the y/N the baseline asks before it stops Falco.
import { confirm } from '../../ui/confirm.js';
import type { ExitCode } from '../../core/errors.js';
import { connectDocker, io, readCatalogue } from '../cli-context.js';
import { toolVersion } from '../../version.js';
import { toRolloutRequest } from './args.js';
import type { RolloutArgs } from '../../cli/requests.js';
import { runRolloutCommand } from './rollout.js';

export async function rolloutCommand(args: RolloutArgs): Promise<ExitCode> {
  const req = toRolloutRequest(args, await readCatalogue(), toolVersion());
  return runRolloutCommand(req, { docker: await connectDocker(), io, confirm });
}
