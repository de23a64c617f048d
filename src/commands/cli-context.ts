// What the commands share, built from the parsed arguments: the collector's options, the fix request,
// the adapters loaded on demand, and the process's output streams. src/cli/cli.tsx and the home loop
// (src/commands/home-loop.ts) both use it.
import type { CollectArgs, FixSettings, TimingArgs } from '../cli/requests.js';
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

export function fixRequest(args: FixSettings, fixId: string, container: string | null, catalogue: Catalogue): FixRequest {
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
  };
}
