// The cgroup reader against a real container (a throwaway one, not the shared lab): a CPU-bound
// loop under a 0.5-CPU quota and 128 MB limit, read from the cgroup files and from the stats API
// over the same seconds. Run under `flock /tmp/fd-lab.lock` like every Docker test here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDocker } from '../../src/adapters/docker/client.js';
import { cgroupSample, findCgroup, openSampler, readCgroup } from '../../src/adapters/docker/cgroup-stats.js';
import { readStats, toSample } from '../../src/adapters/docker/stats.js';
import { BOT_IMAGE } from '../lab/images.js';

const docker = connectDocker();
const HOST_MEM = 2 ** 50;
let id = '';

beforeAll(async () => {
  const c = await docker.createContainer({
    Image: BOT_IMAGE,
    Entrypoint: ['/usr/bin/node', '-e', 'const a = Buffer.alloc(48 << 20, 1); for (;;) a[0]++'],
    name: `fd-cgroup-test-${process.pid}`,
    Labels: { 'falco-doctor.test': 'cgroup-stats' },
    HostConfig: { NanoCpus: 0.5e9, Memory: 128 * 2 ** 20, AutoRemove: false },
  });
  id = c.id;
  await c.start();
  await new Promise((r) => setTimeout(r, 1500)); // let the loop reach its quota
}, 60_000);
afterAll(async () => {
  if (id) await docker.getContainer(id).remove({ force: true });
});

describe('cgroup stats on a live container', () => {
  it("finds the container's cgroup on this host", () => {
    expect(findCgroup(id)).not.toBeNull();
  });

  it('agrees with the stats API: CPU within 10 points of a core, memory within 8 MB, same limit and CFS counters', async () => {
    const paths = findCgroup(id)!;
    const [c0, a0] = await Promise.all([readCgroup(paths), readStats(docker, id)]);
    await new Promise((r) => setTimeout(r, 2000));
    const [c1, a1] = await Promise.all([readCgroup(paths), readStats(docker, id)]);
    const ours = cgroupSample(c1, c0, HOST_MEM);
    const api = toSample(a1, a0, HOST_MEM);
    expect(api.cpuPercent).toBeGreaterThan(30); // the quota is 50 %
    expect(Math.abs(ours.cpuPercent - api.cpuPercent)).toBeLessThan(10);
    expect(Math.abs(ours.memUsageBytes - api.memUsageBytes)).toBeLessThan(8 * 2 ** 20);
    expect(ours.memLimitBytes).toBe(api.memLimitBytes);
    expect(ours.memLimitBytes).toBe(128 * 2 ** 20);
    expect(ours.periods).toBeGreaterThanOrEqual(api.periods);
    expect(ours.periods - api.periods).toBeLessThan(20); // 100 ms periods: read within a second of each other
  });

  it('openSampler takes the cgroup files when they are visible, and the API when told the host is not', async () => {
    const local = await openSampler(docker, id, HOST_MEM);
    const remote = await openSampler(docker, id, HOST_MEM, { hostVisible: false });
    expect([local.source, remote.source]).toEqual(['cgroup', 'stats-api']);
    await Promise.all([local.next(), remote.next()]);
    await new Promise((r) => setTimeout(r, 1000));
    const [l, r] = await Promise.all([local.next(), remote.next()]);
    expect(Math.abs(l.cpuPercent - r.cpuPercent)).toBeLessThan(15);
  });
});
