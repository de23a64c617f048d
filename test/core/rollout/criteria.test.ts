import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../../src/core/rollout/criteria.js';
import { noisy, shippedPlan, windowOf } from './helpers.js';

const plan = shippedPlan();
const steady = (seed: number) => ({
  latencyMs: noisy(300, 2, 0.02, seed),
  cpuPercent: noisy(60, 5, 0.5, seed + 1),
  memMb: noisy(60, 40, 1, seed + 2),
  ioBytesPerSec: noisy(60, 0, 0, seed + 3),
  connectMs: noisy(60, 0.3, 0.02, seed + 4),
});

describe('acceptance criteria', () => {
  it('passes when every increase is confidently under its limit', () => {
    const g = evaluateGate(windowOf(steady(1)), windowOf({ ...steady(10), cpuPercent: noisy(60, 12, 0.5, 99), memMb: noisy(60, 80, 1, 98) }), plan);
    expect(g.results.map((r) => [r.criterion, r.verdict])).toEqual([
      ['latency', 'pass'],
      ['cpu', 'pass'],
      ['memory', 'pass'],
      ['disk-io', 'pass'],
      ['network-latency', 'pass'],
      ['drops', 'pass'],
    ]);
    expect(g.verdict).toBe('passed');
  });

  it('fails on the criterion that is over its limit, names it, and offers its fixes', () => {
    const g = evaluateGate(windowOf(steady(1)), windowOf({ ...steady(10), cpuPercent: noisy(60, 26, 0.5, 5) }), plan);
    expect(g.verdict).toBe('failed');
    expect(g.failing).toEqual(['cpu']);
    const cpu = g.results.find((r) => r.criterion === 'cpu')!;
    expect(cpu.summary).toMatch(/^CPU \(Falco \+ service\) \+21\.\d %.*limit \+15\.0 %: fail$/);
    expect(cpu.fixes).toContain('disable-noncritical-rules');
  });

  it('latency: the limit is the smaller of 5 ms and 10 % of the baseline', () => {
    // baseline p95 ≈ 2 ms → limit 0.2 ms; +0.5 ms fails although it is far under 5 ms
    const g = evaluateGate(windowOf(steady(1)), windowOf({ ...steady(10), latencyMs: noisy(300, 2.5, 0.02, 4) }), plan);
    const lat = g.results.find((r) => r.criterion === 'latency')!;
    expect(lat.limit).toBeCloseTo(0.2, 1);
    expect(lat.verdict).toBe('fail');
  });

  it('says inconclusive instead of judging noise', () => {
    const base = { ...steady(1), latencyMs: noisy(40, 2, 1.5, 11) };
    const phase = { ...steady(10), latencyMs: noisy(40, 2.2, 1.5, 12) };
    const g = evaluateGate(windowOf(base), windowOf(phase), plan);
    const lat = g.results.find((r) => r.criterion === 'latency')!;
    expect(lat.verdict).toBe('inconclusive');
    expect(lat.summary).toContain('inconclusive: noise larger than the effect');
    expect(g.verdict).toBe('inconclusive');
  });

  it('too few samples is inconclusive, never a pass', () => {
    const g = evaluateGate(windowOf(steady(1)), windowOf({ ...steady(10), memMb: [40, 41] }), plan);
    expect(g.results.find((r) => r.criterion === 'memory')!.summary).toMatch(/too few samples \(baseline 60, phase 2, need 5\)/);
  });

  it('drops: any over the limit fails; nothing reporting drops is inconclusive', () => {
    expect(evaluateGate(windowOf(steady(1)), windowOf(steady(2), 12), plan).failing).toEqual(['drops']);
    expect(evaluateGate(windowOf(steady(1)), windowOf(steady(2), null), plan).results.find((r) => r.criterion === 'drops')!.verdict).toBe('inconclusive');
  });

  it('a series measured in neither window (no TCP target) is left out, not failed', () => {
    const { connectMs: _c, ...rest } = steady(1);
    const g = evaluateGate(windowOf(rest), windowOf(rest), plan);
    expect(g.results.map((r) => r.criterion)).not.toContain('network-latency');
  });

  it('the same windows always give the same verdict (the bootstrap is seeded by the data)', () => {
    const a = evaluateGate(windowOf(steady(1)), windowOf(steady(2)), plan);
    const b = evaluateGate(windowOf(steady(1)), windowOf(steady(2)), plan);
    expect(a).toEqual(b);
  });
});
