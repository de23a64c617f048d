// Falco's counters across a reload: a reload opens a new inspector, so /metrics starts again from zero.
// Real Falco 0.42.1 showed the harm: a re-measure right after a reload read the restarted counters as "no
// drops" (a fix "verified: drops 59,062 → 0") while the next diagnosis counted 38,231 drops in 15 s.
import { describe, expect, it } from 'vitest';
import { droppedInWindow, promDelta } from '../../src/core/diagnosis/counters.js';
import type { DiagnosisContext } from '../../src/core/diagnosis/context.js';
import { parsePrometheus } from '../../src/core/falco/parse/prometheus.js';

const prom = (evts: number, drops: number) =>
  parsePrometheus(`# TYPE falcosecurity_scap_n_evts_total counter\nfalcosecurity_scap_n_evts_total ${evts}\nfalcosecurity_scap_n_drops_total ${drops}\n`);

function ctx(start: [number, number], end: [number, number]): DiagnosisContext {
  return { promStart: prom(...start), promEnd: prom(...end), metricsSnapshots: [], windowSeconds: 10 } as unknown as DiagnosisContext;
}

describe('drop counters across a reload', () => {
  it('a window in which Falco counted no event measured no drops: not measured, never 0', () => {
    // read before the reload, then again while the new probe loads: both counters back at 0
    expect(droppedInWindow(ctx([3_500_000, 59_062], [0, 0]))).toBeNull();
  });

  it('counters that restarted and count again: the increase is what was counted since the restart', () => {
    expect(promDelta(ctx([3_500_000, 59_062], [210_000, 7_400]), 'falcosecurity_scap_n_drops_total')).toBe(7_400);
    expect(droppedInWindow(ctx([3_500_000, 59_062], [210_000, 7_400]))).toBe(7_400);
  });

  it('no reload: end − start, and a quiet Falco that counts events and no drop measured 0 drops', () => {
    expect(droppedInWindow(ctx([1_000_000, 500], [1_250_000, 900]))).toBe(400);
    expect(droppedInWindow(ctx([1_000_000, 500], [1_250_000, 500]))).toBe(0);
  });
});
