// checklists/staged-rollout.yaml: the phases (each a Falco `rules:` selection), the monitor windows,
// the acceptance criteria and the fixes offered when one fails. Closed vocabulary, validated by zod.
import { z } from 'zod';
import { STATISTICS } from './stats.js';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by "-"');
/** "500ms", "10s", "5m", "24h" */
export const Duration = z.string().regex(/^\d+(\.\d+)?(ms|s|m|h)$/, 'a duration such as 10s, 5m or 24h');

/** One entry of Falco's `rules:` selection block (0.38+): enable or disable by rule name or tag. */
const Target = z.union([z.strictObject({ rule: z.string().min(1) }), z.strictObject({ tag: z.string().min(1) })]);
export const SelectionEntrySchema = z.union([z.strictObject({ enable: Target }), z.strictObject({ disable: Target })]);
export type SelectionEntry = z.infer<typeof SelectionEntrySchema>;

export const PhaseSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  /** entries put before the operator's own selection; empty = the operator's configuration as it is */
  rules: z.array(SelectionEntrySchema),
  /** overrides monitor.window for this phase */
  window: Duration.optional(),
});
export type Phase = z.infer<typeof PhaseSchema>;

export const CRITERIA = ['latency', 'cpu', 'memory', 'disk-io', 'network-latency', 'drops'] as const;
export type CriterionId = (typeof CRITERIA)[number];

export const CriteriaSchema = z.strictObject({
  latency: z.strictObject({ statistic: z.enum(STATISTICS), maxIncreaseMs: z.number().positive(), maxIncreasePercent: z.number().positive() }),
  /** percentage points of one CPU (as docker stats shows it), Falco + service together */
  cpu: z.strictObject({ maxIncreasePoints: z.number().positive() }),
  /** MiB, Falco + service together */
  memory: z.strictObject({ maxIncreaseMb: z.number().positive() }),
  /** block I/O of Falco + service; an increase under floorBytesPerSec is never judged (20 % of nothing is noise) */
  'disk-io': z.strictObject({ maxIncreasePercent: z.number().positive(), floorBytesPerSec: z.number().nonnegative() }),
  /** TCP connect time to the service, p50 */
  'network-latency': z.strictObject({ maxIncreaseMs: z.number().positive() }),
  drops: z.strictObject({ max: z.number().int().nonnegative() }),
});
export type Criteria = z.infer<typeof CriteriaSchema>;

export const RolloutPlanSchema = z.strictObject({
  baseline: z.strictObject({ window: Duration }),
  monitor: z.strictObject({
    window: Duration,
    /** how often CPU, memory, block I/O and TCP connect time are sampled */
    sampleEvery: Duration,
    /** how often the service's latency probe runs */
    probeEvery: Duration,
  }),
  statistics: z.strictObject({
    confidence: z.number().gt(0.5).lt(1),
    resamples: z.number().int().min(200).max(20000),
    /** fewer samples than this in a window: the criterion is inconclusive */
    minSamples: z.number().int().min(3),
    /** samples kept per series and window (reservoir): bounds the state file and the bootstrap's cost */
    keep: z.number().int().min(100).max(20000),
  }),
  criteria: CriteriaSchema,
  phases: z.array(PhaseSchema).min(1),
  /** fixes from runbooks/fixes.yaml offered when a criterion fails */
  fixes: z.partialRecord(z.enum(CRITERIA), z.array(Id)),
});
export type RolloutPlan = z.infer<typeof RolloutPlanSchema>;

export function durationMs(d: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(d);
  if (!m) throw new Error(`not a duration: ${d}`);
  return Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const)[m[2] as 'ms' | 's' | 'm' | 'h'];
}
