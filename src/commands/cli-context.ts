// What the commands share, built from the parsed arguments: the collector's options, the fix request,
// the adapters loaded on demand, and the process's output streams. src/cli/cli.tsx and the home loop
// (src/commands/home-loop.ts) both use it.
import type { CollectArgs, DetectionArgs, FixSettings, TimingArgs } from '../cli/requests.js';
import type { DetectionWiring } from './detection.js';
import type { DockerClient } from '../adapters/docker/client.js';
import type { CollectOptions } from '../adapters/collect.js';
import type { Catalogue } from '../core/runbook/load.js';
import type { FixRequest } from './fix/fix.js';
import { toolVersion } from '../version.js';
import { hostVisible } from '../adapters/docker/endpoint.js';
import { liveCollectOptions } from '../adapters/collect-options.js';

export function collectOptions(args: CollectArgs): CollectOptions {
  return liveCollectOptions({
    container: args.container,
    windowMs: args.windowSeconds * 1000,
    lookbackMs: args.lookbackSeconds * 1000,
    toolVersion: toolVersion(),
  });
}

// Loaded when a command needs them, so that the TUI's first frame (and --help) does not wait for
// them: Docker's client (dockerode and docker-modem), the runbooks' loader (YAML and zod schemas),
// bundles, and the evaluation.
export const connectDocker = async (): Promise<DockerClient> => (await import('../adapters/docker/client.js')).connectDocker();
export const readCatalogue = async (): Promise<Catalogue> => (await import('../adapters/catalogue-files.js')).readCatalogue();
export const runDiagnosis: typeof import('./diagnose.js').runDiagnosis = async (...a) => (await import('./diagnose.js')).runDiagnosis(...a);

export const io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };
export const timings = (args: TimingArgs) => ({ settleSeconds: args.settleSeconds, reloadTimeoutSeconds: args.reloadTimeoutSeconds });

/** Whether this command's changes prove detection (commands/detection.ts), decided once; --yes never waits on a question. */
export async function detectionFor(
  docker: DockerClient,
  args: DetectionArgs & { stateDir: string | null },
  container: string | null,
  yes: boolean,
): Promise<DetectionWiring> {
  const { decideDetection } = await import('./detection.js');
  const { confirm } = await import('../ui/confirm.js');
  return decideDetection(docker, {
    ...args,
    container,
    toolVersion: toolVersion(),
    isTty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    ...(yes ? {} : { ask: confirm }),
    say: (l) => io.err(`${l}\n`),
  });
}

/** The fix request of one fix, with its detection checks when detection is on. */
export function fixRequest(args: FixSettings, fixId: string, container: string | null, catalogue: Catalogue, detection?: DetectionWiring): FixRequest {
  return {
    fixId,
    container,
    stateDir: args.stateDir,
    windowSeconds: args.windowSeconds,
    lookbackSeconds: args.lookbackSeconds,
    maxChangesPerHour: args.maxChangesPerHour,
    timings: timings(args),
    toolVersion: toolVersion(),
    hostVisible: hostVisible(),
    thresholds: args.thresholds,
    catalogue,
    checks: detection?.checksFor(`fix ${fixId}`) ?? [],
    accept: detection?.accept ?? false,
  };
}
