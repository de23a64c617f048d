import { describe, expect, it } from 'vitest';
import { computeEffectiveConfig, engineKind, parseStartupLog, ringBufferBudget } from '../../../src/core/falco/index.js';
import { falcoYaml, sample } from '../helpers/fixtures.js';

const MB = 1024 * 1024;
const cfgOf = (v: string, overrides: string[] = []) => computeEffectiveConfig(falcoYaml(v), [], overrides);

describe('engineKind', () => {
  it('reads engine.kind, defaults to kmod from 0.37, and is null before the engine block', () => {
    expect(engineKind(cfgOf('0.44.1'), '0.44.1')).toBe('modern_ebpf');
    expect(engineKind(cfgOf('0.38.0', ['engine.kind=kmod']), '0.38.0')).toBe('kmod');
    expect(engineKind(computeEffectiveConfig({ path: 'f', text: 'engine: {}\n' }, [], []), '0.40.0')).toBe('kmod');
    expect(engineKind(cfgOf('0.36.2'), '0.36.2')).toBeNull();
  });
});

describe('ringBufferBudget', () => {
  it('modern_ebpf: one buffer every 2 CPUs by default (0.44.1 defaults)', () => {
    const b = ringBufferBudget(cfgOf('0.44.1'), 8, '0.44.1');
    expect(b).toMatchObject({
      kind: 'modern_ebpf',
      preset: 4,
      bytesPerBuffer: 8 * MB,
      buffers: 4,
      totalBytes: 32 * MB,
      cpusForEachBuffer: 2,
      presetKey: 'engine.modern_ebpf.buf_size_preset',
    });
    expect(b?.explanation).toContain('64 MB of virtual memory');
    expect(ringBufferBudget(cfgOf('0.44.1'), 7, '0.44.1')?.buffers).toBe(4); // ceil(7 / 2)
  });

  it('agrees with the real 0.42.1 startup log (8 MB buffer, one ring buffer every 2 CPUs, 2 CPUs)', () => {
    const log = parseStartupLog(sample('startup-log.txt').split('\n'));
    const b = ringBufferBudget(cfgOf('0.44.1'), 2, '0.42.1');
    expect(b?.bytesPerBuffer).toBe(log.bufferBytes);
    expect(b?.cpusForEachBuffer).toBe(log.ringBufferEveryCpus);
    expect(b?.buffers).toBe(1);
  });

  it('cpus_for_each_buffer 0 is one shared buffer, 1 is one per CPU', () => {
    expect(ringBufferBudget(cfgOf('0.44.1', ['engine.modern_ebpf.cpus_for_each_buffer=0']), 16, '0.44.1')?.buffers).toBe(1);
    expect(ringBufferBudget(cfgOf('0.44.1', ['engine.modern_ebpf.cpus_for_each_buffer=1']), 16, '0.44.1')?.buffers).toBe(16);
  });

  it('kmod and ebpf: one buffer per online CPU, preset from engine.<kind>', () => {
    const b = ringBufferBudget(cfgOf('0.38.0', ['engine.kind=kmod', 'engine.kmod.buf_size_preset=6']), 8, '0.38.0');
    expect(b).toMatchObject({
      kind: 'kmod',
      preset: 6,
      bytesPerBuffer: 32 * MB,
      buffers: 8,
      totalBytes: 256 * MB,
      cpusForEachBuffer: null,
      presetKey: 'engine.kmod.buf_size_preset',
    });
    expect(ringBufferBudget(cfgOf('0.38.0', ['engine.kind=ebpf']), 4, '0.38.0')).toMatchObject({ kind: 'ebpf', buffers: 4, totalBytes: 32 * MB });
  });

  it('pre-0.38 files use the top-level keys', () => {
    const cfg = cfgOf('0.36.2', ['syscall_buf_size_preset=3', 'modern_bpf.cpus_for_each_syscall_buffer=4']);
    expect(ringBufferBudget(cfg, 8, '0.36.2', 'modern_ebpf')).toMatchObject({
      kind: 'modern_ebpf',
      preset: 3,
      bytesPerBuffer: 4 * MB,
      buffers: 2,
      cpusForEachBuffer: 4,
      presetKey: 'syscall_buf_size_preset',
    });
    expect(ringBufferBudget(cfg, 8, '0.36.2')).toMatchObject({ kind: 'kmod', buffers: 8, presetKey: 'syscall_buf_size_preset' });
  });

  it('is null for kinds without a kernel ring buffer', () => {
    for (const k of ['replay', 'gvisor', 'nodriver']) expect(ringBufferBudget(cfgOf('0.38.0', [`engine.kind=${k}`]), 8, '0.38.0')).toBeNull();
  });

  it('explains an invalid preset instead of inventing a size', () => {
    const b = ringBufferBudget(cfgOf('0.44.1', ['engine.modern_ebpf.buf_size_preset=0']), 4, '0.44.1');
    expect(b?.bytesPerBuffer).toBe(0);
    expect(b?.explanation).toContain('not a valid preset');
  });
});
