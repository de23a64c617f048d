// The rollout's state at its first step: the protected service (running, and how its latency is
// probed), the Falco target and its rules selection as found, nothing measured yet.
import { UserError } from '../../core/errors.js';
import { ROLLOUT_SCHEMA_VERSION, type RolloutState } from '../../core/rollout/state.js';
import type { DockerClient } from '../../adapters/docker/client.js';
import { resolveRolloutTarget, serviceId } from '../../adapters/rollout/target.js';
import type { RolloutRequest } from './request.js';

export async function startState(req: RolloutRequest, docker: DockerClient): Promise<RolloutState> {
  if (!req.service || !req.probe)
    throw new UserError(
      'the baseline needs the protected service and how to probe its latency',
      'e.g. rollout next --service ai-trading-bot --probe-url http://127.0.0.1:18080/quote (or --probe-tcp HOST:PORT, or --probe-exec -- CMD ARGS)',
    );
  await serviceId(docker, req.service);
  const { target, original } = await resolveRolloutTarget(docker, req.container, req.toolVersion);
  const connect =
    req.connect ?? (req.probe.kind === 'http' ? hostPort(req.probe.url) : req.probe.kind === 'tcp' ? { host: req.probe.host, port: req.probe.port } : null);
  const now = Date.now();
  return {
    schemaVersion: ROLLOUT_SCHEMA_VERSION,
    createdAt: now,
    updatedAt: now,
    planPath: req.planPath ?? 'checklists/staged-rollout.yaml',
    target,
    service: { container: req.service, probe: req.probe, connect },
    original,
    baseline: null,
    phases: [],
    status: 'ready',
    abortJournalId: null,
    log: [],
  };
}

function hostPort(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)) };
}
