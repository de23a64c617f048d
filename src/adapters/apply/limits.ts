// The container's CPU and memory limits through Docker's update API (live, no restart), read back
// after every update: Docker ignores some zero values, so "what we asked" is not proof.
import type { DockerClient } from '../docker/client.js';
import { inspectContainer, type Inspect } from '../docker/inspect.js';
import type { Limits } from '../../core/fix/journal-entry.js';
import { sameLimits, describeLimits } from '../../core/fix/limits.js';
import { ExternalError } from '../../core/errors.js';

export async function readLimits(docker: DockerClient, id: string): Promise<Limits> {
  return limitsOf(await inspectContainer(docker, id));
}

/** The limits `docker update` sets, as the inspect shows them. */
export function limitsOf(i: Inspect): Limits {
  const h = i.HostConfig;
  return { nanoCpus: h.NanoCpus, cpuQuota: h.CpuQuota, cpuPeriod: h.CpuPeriod, memoryBytes: h.Memory, memorySwapBytes: h.MemorySwap };
}

/** Sets the limits and checks they took; throws an ExternalError saying which field Docker kept. */
export async function updateLimits(docker: DockerClient, id: string, want: Limits): Promise<void> {
  const cur = await readLimits(docker, id);
  if (sameLimits(cur, want)) return;
  const body: Record<string, number> = {};
  if (want.nanoCpus !== cur.nanoCpus) body['NanoCpus'] = want.nanoCpus;
  if (want.cpuQuota !== cur.cpuQuota) body['CpuQuota'] = want.cpuQuota;
  if (want.cpuPeriod !== cur.cpuPeriod) body['CpuPeriod'] = want.cpuPeriod;
  if (want.memoryBytes !== cur.memoryBytes || want.memorySwapBytes !== cur.memorySwapBytes) {
    body['Memory'] = want.memoryBytes;
    body['MemorySwap'] = want.memorySwapBytes;
  }
  try {
    await docker.getContainer(id).update(body);
  } catch (e) {
    throw Object.assign(new ExternalError(`docker update ${id.slice(0, 12)} (${JSON.stringify(body)}) failed: ${(e as Error).message}`), { cause: e });
  }
  const got = await readLimits(docker, id);
  if (!sameLimits(got, want))
    throw new ExternalError(
      `docker update left the container at ${describeLimits(got)} instead of ${describeLimits(want)} (Docker cannot remove a limit with update; recreate the container to do that)`,
    );
}
