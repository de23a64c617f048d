// `falco-doctor fix ID`: --yes or no terminal applies at once (commands/fix/fix.ts); in a terminal, the fix
// screen previews the diff first (the same flow as f on the diagnose screen).
import type { FixArgs } from '../../cli/requests.js';
import type { ExitCode } from '../../core/errors.js';
import { connectDocker, detectionFor, fixRequest, io, readCatalogue } from '../cli-context.js';

export async function fixCommand(args: FixArgs): Promise<ExitCode> {
  const { runFixCommand, prepareFix } = await import('./fix.js');
  const docker = await connectDocker();
  // only a fix that may be applied asks about (or fires) canaries: a preview without --yes changes nothing
  const applies = args.yes || args.format === 'ui';
  const detection = applies ? await detectionFor(docker, args, args.container, args.yes) : undefined;
  const req = fixRequest(args, args.fixId, args.container, await readCatalogue(), detection);
  if (args.format !== 'ui' || args.yes) return runFixCommand(docker, req, args.yes, io);
  const prepared = await prepareFix(docker, req, (l) => io.err(`${l}\n`));
  const { runFixFlow } = await import('../diagnose-fixes.js');
  return runFixFlow(docker, prepared, req, args);
}
