// `falco-doctor bundle [-o FILE]`: measure as diagnose does and save the (redacted) snapshot.
import type { BundleArgs } from '../cli/requests.js';
import { EXIT, type ExitCode } from '../core/errors.js';
import { progressLine } from '../report/progress.js';
import { collectOptions, connectDocker } from './cli-context.js';

export async function runBundleCommand(args: BundleArgs): Promise<ExitCode> {
  const out = args.output ?? `falco-doctor-bundle-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  const { collectSnapshot } = await import('../adapters/collect.js');
  const snapshot = await collectSnapshot(await connectDocker(), collectOptions(args), (e) => {
    const line = progressLine(e);
    if (line) process.stderr.write(`${line}\n`);
  });
  const { writeBundle } = await import('../adapters/bundle-file.js');
  await writeBundle(out, snapshot);
  process.stderr.write(`bundle written to ${out} (redacted)\n`);
  return EXIT.ok;
}
