// The memory peak the samples miss (issue 19): while a real Falco 0.42.1 loads its modern eBPF probe its
// container's memory cgroup peaked at 503 MiB (477 MiB of it kernel memory) under a 1 GiB limit, then
// settled at 25–28 MiB; under 512 MiB it was OOM-killed at a reload (../shared/real-falco/README.md).
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import type { Catalogue } from '../../src/core/runbook/load.js';
import { SnapshotSchema, type MemoryPeak, type Snapshot } from '../../src/core/snapshot.js';
import { setKey } from '../../src/core/falco/config/edit.js';
import { fixture, REPO } from './helpers/fixtures.js';
import { makeSnapshot } from './helpers/snapshot.js';

const MiB = 1024 * 1024;
const MEASURED: MemoryPeak = { bytes: 503 * MiB, kernelBytes: 477 * MiB, source: 'memory.max_usage_in_bytes' };
let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
});

function run(s: Snapshot) {
  return diagnose(s, catalogue, { toolVersion: 't', source: 'bundle', thresholds: {}, only: [], now: new Date(0) }).report;
}
/** Falco at its steady 28 MiB under `limitMiB`, with the given peak (undefined: not recorded). */
function snap(limitMiB: number, peak: MemoryPeak | null | undefined, opts: { oomKilled?: boolean; falcoYaml?: string } = {}): Snapshot {
  const s = makeSnapshot({ cpuPercent: 3, memBytes: 28 * MiB, memoryLimit: limitMiB * MiB, ...(opts.falcoYaml ? { falcoYaml: opts.falcoYaml } : {}) });
  if (peak !== undefined) s.memoryPeak = peak;
  if (opts.oomKilled) s.target.state = { ...s.target.state, oomKilled: true, restartCount: 3 };
  return s;
}
const memCodes = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.runbook === 'memory-pressure').map((f) => f.code);

describe('the memory peak against the limit', () => {
  it('the measured 503 MiB peak under a 512 MiB limit warns before the next start is OOM-killed (FD-MEM-PEAK)', () => {
    const r = run(snap(512, MEASURED));
    expect(memCodes(r)).toEqual(['FD-MEM-PEAK']);
    const f = r.findings.find((x) => x.code === 'FD-MEM-PEAK')!;
    expect(f.severity).toBe('warning');
    expect(f.title).toBe("Falco's memory peaked at 98.2 % of its limit since it started");
    expect(f.explanation).toContain('peaked at 503 MB of the 512 MB limit (477 MB of it kernel memory)');
    expect(f.explanation).toContain('uses 28 MB now');
    expect(f.fixes.map((x) => [x.id, x.summary])).toEqual([['raise-memory-limit', 'memory 512 MB → 768 MB']]);
    expect(r.facts['mem.peak_limit_percent']).toBeCloseTo(98.24, 1);
  });

  it('the same peak under 1 GiB leaves room: nothing raised', () => {
    expect(memCodes(run(snap(1024, MEASURED)))).toEqual([]);
  });

  it('OOM-killed with the peak at the limit: FD-MEM-OOM is explained by the peak, not only the 8 MB of ring buffers', () => {
    const r = run(snap(512, { ...MEASURED, bytes: 511 * MiB }, { oomKilled: true }));
    expect(memCodes(r)).toEqual(['FD-MEM-OOM']);
    const f = r.findings.find((x) => x.code === 'FD-MEM-OOM')!;
    expect(f.title).toBe('Falco was OOM-killed (restarted 3 times); its memory peaks at 99.8 % of the limit');
    expect(f.explanation).toContain('peaked at 511 MB (477 MB of it kernel memory) although Falco uses 28 MB now');
    expect(f.explanation).toContain('its ring buffers are only 8 MB');
    expect(f.fixes.map((x) => x.id)).toEqual(['raise-memory-limit']);
  });

  it('OOM-killed with a low peak since the restart: the kill came from growth, not from the start', () => {
    const r = run(snap(512, { bytes: 90 * MiB, kernelBytes: 40 * MiB, source: 'memory.peak' }, { oomKilled: true }));
    const f = r.findings.find((x) => x.code === 'FD-MEM-OOM')!;
    expect(f.explanation).toContain('peaked at 90 MB only');
    expect(f.fixes.map((x) => x.id)).toEqual(['outputs-queue-capacity', 'lower-buffer-preset', 'raise-memory-limit']);
  });

  it('OOM-killed with no memory limit of its own (the host ran out): FD-MEM-OOM once, whether the peak is read or not', () => {
    for (const peak of [{ bytes: 300 * MiB, kernelBytes: 200 * MiB, source: 'memory.peak' as const }, null]) {
      const r = run(snap(0, peak, { oomKilled: true }));
      expect(memCodes(r).filter((c) => c === 'FD-MEM-OOM')).toHaveLength(1);
      const f = r.findings.find((x) => x.code === 'FD-MEM-OOM')!;
      expect(f.title).toContain('without a memory limit of its own');
      expect(f.fixes[0]?.id).toBe('set-memory-limit');
    }
  });

  it('OOM-killed, peak not read: says so, and what a probe load was measured to need', () => {
    const r = run(snap(512, null, { oomKilled: true }));
    const f = r.findings.find((x) => x.code === 'FD-MEM-OOM')!;
    expect(f.explanation).toContain('its memory peak could not be read here');
    expect(f.explanation).toContain('~500 MiB at load, 477 MiB of it kernel memory');
    expect(f.evidence.find((e) => e.fact === 'mem.peak_known')?.observed).toBe('no');
  });
});

describe('the peak unknown', () => {
  it('modern eBPF under 640 MiB: an info that the probe load needs a few hundred MiB (measured, cited)', () => {
    const r = run(snap(512, null));
    expect(memCodes(r)).toEqual(['FD-MEM-PEAK-UNKNOWN']);
    const f = r.findings.find((x) => x.code === 'FD-MEM-PEAK-UNKNOWN')!;
    expect(f.severity).toBe('info');
    expect(f.explanation).toContain('README "The lab"');
    expect(f.evidence.find((e) => e.fact === 'mem.peak_bytes')).toBeUndefined();
    expect(r.facts['mem.peak_bytes']).toBeNull();
  });

  it('not under 1 GiB, and not for the kernel module', () => {
    expect(memCodes(run(snap(1024, null)))).toEqual([]);
    const kmod = setKey(fixture('releases/falco-0.42.1.yaml'), ['engine', 'kind'], 'kmod');
    const r = run(snap(512, null, { falcoYaml: kmod }));
    expect(r.facts['engine.kind']).toBe('kmod');
    expect(memCodes(r)).toEqual([]);
  });

  it('a bundle recorded before the peak was read stays valid: the peak is "not measured", never 0', () => {
    const old = JSON.parse(JSON.stringify(snap(512, undefined))) as Record<string, unknown>;
    expect(old).not.toHaveProperty('memoryPeak');
    const s = SnapshotSchema.parse(old);
    const r = run(s);
    expect(r.facts['mem.peak_bytes']).toBeNull();
    expect(r.facts['mem.peak_known']).toBe(false);
  });
});
