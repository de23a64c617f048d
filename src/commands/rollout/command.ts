// `falco-doctor rollout [status|next|abort]` from the parsed command line: the request (args.ts), the
// Docker client, and the y/N the baseline asks before it stops Falco.
import { createInterface } from 'node:readline/promises';
import type { ExitCode } from '../../core/errors.js';
import { connectDocker, io, readCatalogue } from '../cli-context.js';
import { toolVersion } from '../../version.js';
import { toRolloutRequest, type RolloutArgs } from './args.js';
import { runRolloutCommand } from './rollout.js';

/** y/N on the terminal; without one the answer is no (use --yes). */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export async function rolloutCommand(args: RolloutArgs): Promise<ExitCode> {
  const req = toRolloutRequest(args, await readCatalogue(), toolVersion());
  return runRolloutCommand(req, { docker: await connectDocker(), io, confirm });
}
