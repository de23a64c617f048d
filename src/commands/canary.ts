// `falco-doctor canary`: proves Falco still detects. One run of adapters/canary/prove.ts (measure the
// target, pick a canary, ask, pace, fire it in a throwaway container, wait for the alert, judge it) and
// its report as text or JSON. Exit 0 detected, 3 not detected.
import { confirm } from '../ui/confirm.js';
import { EXIT, type ExitCode } from '../core/errors.js';
import { formatCanary } from '../core/canary/format.js';
import type { DockerClient } from '../adapters/docker/client.js';
import { stateDir as resolveStateDir } from '../adapters/paths.js';
import { proveDetection } from '../adapters/canary/prove.js';
import type { CanaryArgs } from '../cli/requests.js';
import type { CommandIo } from './fix/fix.js';

export async function canaryCommand(args: CanaryArgs): Promise<ExitCode> {
  const { connectDocker, io } = await import('./cli-context.js');
  const { toolVersion } = await import('../version.js');
  if (args.kube) {
    const { runKubeCanary } = await import('./canary-kube.js');
    return runKubeCanary({ ...args, kube: args.kube }, { io, confirm, toolVersion: toolVersion() });
  }
  return runCanary(args, { docker: await connectDocker(), io, confirm, toolVersion: toolVersion() });
}

export async function runCanary(
  args: CanaryArgs,
  deps: { docker: DockerClient; io: CommandIo; confirm: (q: string) => Promise<boolean>; toolVersion: string },
): Promise<ExitCode> {
  const report = await proveDetection(deps.docker, {
    container: args.container,
    stateDir: resolveStateDir(process.env, args.stateDir),
    timeoutMs: args.timeoutSeconds * 1000,
    toolVersion: deps.toolVersion,
    by: 'canary',
    force: args.force,
    ...(args.yes ? {} : { confirm: deps.confirm }),
    onFire: (argv) => {
      if (args.format !== 'json') deps.io.err(`firing: ${argv.join(' ')}\n`);
    },
  });
  deps.io.out(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatCanary(report));
  return report.verdict.detected ? EXIT.ok : EXIT.findings;
}
