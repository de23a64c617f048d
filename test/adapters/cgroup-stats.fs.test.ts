// The cgroup reader on folders laid out as the kernel does (v1 cgroupfs driver, v2 systemd driver),
// written to a temp folder: layout detection, parsing, and the sample's arithmetic.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cgroupSample, findCgroup, readCgroup, readMemoryPeak } from '../../src/adapters/docker/cgroup-stats.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-cgroup-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const id = 'a'.repeat(64);
const write = (dir: string, files: Record<string, string>) => {
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
};

describe('cgroup v1 (cgroupfs driver)', () => {
  const r = path.join(root, 'v1');
  write(path.join(r, 'cpuacct/docker', id), { 'cpuacct.usage': '2000000000\n' });
  write(path.join(r, 'cpu/docker', id), { 'cpu.stat': 'nr_periods 46\nnr_throttled 44\nthrottled_time 4422038306\nnr_bursts 0\n' });
  write(path.join(r, 'memory/docker', id), {
    'memory.usage_in_bytes': '388997120\n',
    'memory.limit_in_bytes': '536870912\n',
    'memory.stat': 'cache 4096\nrss 386686976\ntotal_cache 8192\ntotal_inactive_file 4096\n',
  });

  it('finds the three controllers and reads them as docker stats would', async () => {
    const p = findCgroup(id, r);
    expect(p).toEqual({
      version: 1,
      cpuacct: path.join(r, 'cpuacct/docker', id),
      cpu: path.join(r, 'cpu/docker', id),
      memory: path.join(r, 'memory/docker', id),
    });
    const cur = await readCgroup(p!);
    const prev = { ...cur, wallNs: cur.wallNs - 1_000_000_000n, usageNs: cur.usageNs - 200_000_000 };
    expect(cgroupSample(cur, prev, 24 * 2 ** 30)).toEqual({
      t: cur.t,
      cpuPercent: 20,
      memUsageBytes: 388997120 - 4096,
      memLimitBytes: 536870912,
      memCacheBytes: 8192,
      periods: 46,
      throttledPeriods: 44,
      throttledTimeNs: 4422038306,
    });
  });

  it('reports no limit for the page-rounded LONG_MAX, and null when the container is not there', async () => {
    fs.writeFileSync(path.join(r, 'memory/docker', id, 'memory.limit_in_bytes'), '9223372036854771712\n');
    expect(cgroupSample(await readCgroup(findCgroup(id, r)!), null, 2 ** 34)).toMatchObject({ cpuPercent: 0, memLimitBytes: 0 });
    expect(findCgroup('b'.repeat(64), r)).toBeNull();
  });

  it('reads the peak and the kernel memory peak; a kmem of 0 (not accounted) is unknown, not 0; no file, no peak', async () => {
    const p = findCgroup(id, r)!;
    const mem = path.join(r, 'memory/docker', id);
    expect(await readMemoryPeak(p)).toBeNull();
    // the figures of a real Falco 0.42.1 loading its modern eBPF probe (../shared/real-falco/README.md)
    write(mem, { 'memory.max_usage_in_bytes': `${503 * 2 ** 20}\n`, 'memory.kmem.max_usage_in_bytes': `${477 * 2 ** 20}\n` });
    expect(await readMemoryPeak(p)).toEqual({ bytes: 503 * 2 ** 20, kernelBytes: 477 * 2 ** 20, source: 'memory.max_usage_in_bytes' });
    write(mem, { 'memory.kmem.max_usage_in_bytes': '0\n' });
    expect((await readMemoryPeak(p))?.kernelBytes).toBeNull();
  });
});

describe('cgroup v2 (systemd driver)', () => {
  const r = path.join(root, 'v2');
  write(r, { 'cgroup.controllers': 'cpu memory\n' });
  const dir = path.join(r, 'system.slice', `docker-${id}.scope`);
  write(dir, {
    'cpu.stat': 'usage_usec 5000000\nuser_usec 4000000\nsystem_usec 1000000\nnr_periods 10\nnr_throttled 3\nthrottled_usec 250000\n',
    'memory.current': '104857600\n',
    'memory.max': 'max\n',
    'memory.stat': 'anon 90000000\nfile 14857600\ninactive_file 4857600\n',
  });

  it('reads cpu.stat, memory.current and memory.stat', async () => {
    expect(findCgroup(id, r)).toEqual({ version: 2, dir });
    const cur = await readCgroup({ version: 2, dir });
    expect(cur).toMatchObject({
      usageNs: 5_000_000_000,
      memUsageBytes: 104857600,
      inactiveFileBytes: 4857600,
      cacheBytes: 14857600,
      limitBytes: 0,
      periods: 10,
      throttledPeriods: 3,
      throttledTimeNs: 250_000_000,
    });
    expect(cgroupSample(cur, null, 2 ** 34).memUsageBytes).toBe(100_000_000);
  });

  it('reads memory.peak (Linux 5.19+), and null on a kernel without it', async () => {
    expect(await readMemoryPeak({ version: 2, dir })).toBeNull();
    write(dir, { 'memory.peak': '524288000\n' });
    expect(await readMemoryPeak({ version: 2, dir })).toEqual({ bytes: 524288000, kernelBytes: null, source: 'memory.peak' });
  });
});
