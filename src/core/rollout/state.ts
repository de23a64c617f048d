// The rollout's persisted state: where it stands, what each phase changed (journal ids) and measured.
// Written atomically after every step and parsed with this schema on every read, so `rollout status`
// from another SSH session, or after a crash, sees exactly what the last step wrote.
import { z } from 'zod';
import { CRITERIA } from './plan-schema.js';
import { VERDICTS } from './criteria.js';
import { WindowSchema } from './window.js';

export const ROLLOUT_SCHEMA_VERSION = 1;

export const ProbeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('http'), url: z.string().url() }),
  z.object({ kind: z.literal('tcp'), host: z.string(), port: z.number().int().min(1).max(65535) }),
  /** argv run inside the service's container (docker exec): no shell in between */
  z.object({ kind: z.literal('exec'), argv: z.array(z.string()).min(1) }),
]);
export type LatencyProbe = z.infer<typeof ProbeSchema>;

const IntervalSchema = z.object({ estimate: z.number(), lo: z.number(), hi: z.number(), confidence: z.number() });
export const CriterionResultSchema = z.object({
  criterion: z.enum(CRITERIA),
  verdict: z.enum(VERDICTS),
  label: z.string(),
  unit: z.enum(['ms', 'points', 'MiB', 'B/s', 'events']),
  baseline: z.number().nullable(),
  phase: z.number().nullable(),
  increase: IntervalSchema.nullable(),
  limit: z.number(),
  summary: z.string(),
  fixes: z.array(z.string()),
});
export const GateSchema = z.object({
  verdict: z.enum(['passed', 'failed', 'inconclusive']),
  results: z.array(CriterionResultSchema),
  failing: z.array(z.enum(CRITERIA)),
  evaluatedAt: z.number(),
});
export type PersistedGate = z.infer<typeof GateSchema>;

export const PhaseStateSchema = z.object({
  id: z.string(),
  /** the journaled change that switched the rule selection to this phase; null: nothing to change */
  journalId: z.string().nullable(),
  window: WindowSchema.nullable(),
  gate: GateSchema.nullable(),
  /** how many windows were measured (a re-measure after a fix, or more samples after an inconclusive gate) */
  rounds: z.number().int().nonnegative(),
});
export type PhaseState = z.infer<typeof PhaseStateSchema>;

export const STATUSES = ['monitoring', 'gate-passed', 'gate-failed', 'gate-inconclusive', 'complete', 'aborted', 'ready'] as const;
export type RolloutStatus = (typeof STATUSES)[number];

export const RolloutStateSchema = z.object({
  schemaVersion: z.literal(ROLLOUT_SCHEMA_VERSION),
  createdAt: z.number(),
  updatedAt: z.number(),
  planPath: z.string(),
  target: z.object({
    id: z.string(),
    name: z.string(),
    /** host path of falco.yaml (bind mount), the file the phases edit */
    configHostPath: z.string(),
    configPath: z.string(),
    /** folder writes must stay inside */
    configRoot: z.string(),
    healthzUrl: z.string().nullable(),
    watchConfig: z.boolean(),
    /** Read from states written before 0.1.1, no longer used: a window without a drop alert is no proof of
     *  no drop (Falco alerts only above its threshold, its log action writes at debug level). */
    dropActionsLog: z.boolean().optional(),
  }),
  service: z.object({ container: z.string(), probe: ProbeSchema, connect: z.object({ host: z.string(), port: z.number() }).nullable() }),
  /** the `rules:` selection before the rollout: the last phase and abort put it back */
  original: z.object({ present: z.boolean(), rules: z.unknown() }),
  baseline: z.object({ journalId: z.string(), window: WindowSchema }).nullable(),
  phases: z.array(PhaseStateSchema),
  status: z.enum(STATUSES),
  /** set when aborted: the journaled change that restored the selection */
  abortJournalId: z.string().nullable(),
  log: z.array(z.object({ t: z.number(), message: z.string() })),
});
export type RolloutState = z.infer<typeof RolloutStateSchema>;
