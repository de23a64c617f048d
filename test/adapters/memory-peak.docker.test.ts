// The memory peak read from a real container's cgroup (issue 19: real Falco peaks at ~500 MiB while its
// eBPF probe loads, then settles at 25–28 MiB; the samples never see it). A throwaway container of the
// real Falco 0.42.1 image runs busybox instead of Falco: at its first start `dd bs=64M` holds a 64 MiB
// buffer for a moment, then it sleeps at a few hundred KiB. Labelled falco-doctor.test=drops-memory-helper
// and removed afterwards. Run under `flock /tmp/falco-doctor-docker.lock` like every Docker test here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDocker } from '../../src/adapters/docker/client.js';
import { cgroupSample, findCgroup, openSampler, readCgroup, readMemoryPeak } from '../../src/adapters/docker/cgroup-stats.js';
import { collectSnapshot } from '../../src/adapters/collect.js';
import { execOutput } from '../../src/adapters/docker/exec.js';
import { ensureRealFalcoImage, REAL_FALCO_IMAGE, realFalcoUnavailable } from '../lab/real/image.js';

const docker = connectDocker();
const MiB = 2 ** 20;
const HOST_MEM = 2 ** 50;
// the lab's import of the real Falco image (busybox inside), never an operator's falcosecurity/falco tag
const IMAGE = REAL_FALCO_IMAGE;
const unavailable = realFalcoUnavailable();
if (unavailable) console.log(`memory-peak docker test skipped: ${unavailable}`);
const NAME = `fd-memory-peak-test-${process.pid}`;
// the 64 MiB transient only at the first start: /tmp survives a restart, so the second start stays small
const SCRIPT =
  'rm -f /tmp/ready; if [ ! -e /tmp/loaded ]; then touch /tmp/loaded; busybox dd if=/dev/zero of=/dev/null bs=64M count=1; fi; touch /tmp/ready; exec busybox sleep 600';
let id = '';

/** Until the start script is past dd (execOutput is null while `test` fails). */
async function untilReady(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await execOutput(docker, id, ['/bin/busybox', 'test', '-e', '/tmp/ready'])) !== null) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the container never got past dd');
}

beforeAll(async () => {
  if (unavailable) return;
  await ensureRealFalcoImage();
  const c = await docker.createContainer({
    Image: IMAGE,
    Entrypoint: ['/bin/busybox', 'sh', '-c', SCRIPT],
    Cmd: [],
    name: NAME,
    Labels: { 'falco-doctor.test': 'drops-memory-helper' },
    HostConfig: { Memory: 256 * MiB },
  });
  id = c.id;
  await c.start();
  await untilReady();
}, 60_000);
afterAll(async () => {
  if (id) await docker.getContainer(id).remove({ force: true });
});

describe.skipIf(unavailable !== null)('the memory cgroup peak of a live container', () => {
  it('holds the 64 MiB transient that the current usage (what the samples see) no longer shows', async () => {
    const paths = findCgroup(id)!;
    const peak = await readMemoryPeak(paths);
    const now = cgroupSample(await readCgroup(paths), null, HOST_MEM);
    expect(peak).not.toBeNull();
    expect(peak!.bytes).toBeGreaterThanOrEqual(64 * MiB);
    expect(peak!.bytes).toBeLessThan(256 * MiB);
    expect(now.memUsageBytes).toBeLessThan(16 * MiB);
    if (paths.version === 1) {
      expect(peak!.source).toBe('memory.max_usage_in_bytes');
      // kernel memory of its own (page tables, the dd's pipe and task structures): far below the peak
      expect(peak!.kernelBytes).toBeGreaterThan(0);
      expect(peak!.kernelBytes!).toBeLessThan(peak!.bytes);
    } else expect(peak!.source).toBe('memory.peak');
  });

  it('the stats API gives the same peak on cgroup v1 (max_usage) and none on v2', async () => {
    const paths = findCgroup(id)!;
    const api = await (await openSampler(docker, id, HOST_MEM, { hostVisible: false })).peak();
    const files = await readMemoryPeak(paths);
    if (paths.version === 1) {
      expect(api?.source).toBe('stats-api max_usage');
      expect(api!.bytes).toBe(files!.bytes); // a high-water mark does not move while the container sleeps
    } else expect(api).toBeNull();
  });

  it('collectSnapshot puts it in the Snapshot and says it in the sampling step', async () => {
    const details: string[] = [];
    const s = await collectSnapshot(
      docker,
      { container: NAME, windowMs: 1500, sampleEveryMs: 500, lookbackMs: 60_000, toolVersion: 't', hostVisible: true },
      (e) => {
        if (e.type === 'step-finished' && e.id === 'sample') details.push(e.detail);
      },
    );
    expect(s.memoryPeak?.bytes).toBeGreaterThanOrEqual(64 * MiB);
    expect(Math.max(...s.samples.map((x) => x.memUsageBytes))).toBeLessThan(16 * MiB);
    expect(details[0]).toMatch(/; memory peak since start \d+(\.\d)? MB;/);
  });

  it('a restart starts a new cgroup: the peak is that of the new start (runc makes the cgroup at each start)', async () => {
    await docker.getContainer(id).restart({ t: 0 });
    await untilReady();
    const peak = await readMemoryPeak(findCgroup(id)!);
    expect(peak!.bytes).toBeLessThan(32 * MiB);
  });
});
