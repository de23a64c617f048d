// The probe catalogue: every value a runbook may test. Runbooks name these ids; loading refuses any other.
import type { FactValue } from '../../report.js';
import type { DiagnosisContext } from '../context.js';
import type { Probe } from './probe.js';
import { CPU_PROBES } from './cpu.js';
import { MEMORY_PROBES } from './memory.js';
import { RINGBUF_PROBES } from './ringbuf.js';
import { DROP_PROBES } from './drops.js';
import { OTHER_PROBES } from './other.js';

export type { Probe, Unit } from './probe.js';

export const PROBES = {
  ...CPU_PROBES,
  ...MEMORY_PROBES,
  ...RINGBUF_PROBES,
  ...DROP_PROBES,
  ...OTHER_PROBES,
} satisfies Record<string, Probe>;

export type ProbeId = keyof typeof PROBES;

export function isProbeId(id: string): id is ProbeId {
  return Object.hasOwn(PROBES, id);
}

export function computeFacts(ctx: DiagnosisContext): Record<ProbeId, FactValue> {
  const out = {} as Record<ProbeId, FactValue>;
  for (const [id, p] of Object.entries(PROBES) as [ProbeId, Probe][]) out[id] = p.compute(ctx);
  return out;
}
