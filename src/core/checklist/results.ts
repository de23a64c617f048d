// Checklist results are separate from the definitions and carry their evidence. The file in the state
// dir keeps the last runs and every operator confirmation with who and when.
import { z } from 'zod';

export const ITEM_STATUSES = ['pass', 'fail', 'unknown', 'confirmed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const EvidenceSchema = z.object({ label: z.string(), observed: z.string(), expected: z.string().optional(), source: z.string() });
export type ChecklistEvidence = z.infer<typeof EvidenceSchema>;

export const ConfirmationSchema = z.object({ by: z.string(), at: z.string(), note: z.string().min(1) });
export type Confirmation = z.infer<typeof ConfirmationSchema>;

// `refused` came with issue #14: results saved before it have none (read as applicable).
export const FixSuggestionSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  refused: z.object({ reason: z.string() }).nullable().default(null),
});

export const ItemResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(ITEM_STATUSES),
  /** what the automatic check said, before any confirmation */
  automatic: z.enum(['pass', 'fail', 'unknown']),
  evidence: z.array(EvidenceSchema),
  fixes: z.array(FixSuggestionSchema),
  remedy: z.string().nullable(),
  /** the question, when the operator may confirm this item */
  confirm: z.string().nullable(),
  confirmation: ConfirmationSchema.nullable(),
});
export type ItemResult = z.infer<typeof ItemResultSchema>;

export const RunSchema = z.object({ at: z.string(), by: z.string(), target: z.string(), results: z.array(ItemResultSchema) });
export type ChecklistRun = z.infer<typeof RunSchema>;

export const CHECKLIST_SCHEMA_VERSION = 1;
export const ResultsFileSchema = z.object({
  schemaVersion: z.literal(CHECKLIST_SCHEMA_VERSION),
  /** newest last, capped */
  runs: z.array(RunSchema),
  confirmations: z.record(z.string(), ConfirmationSchema),
});
export type ResultsFile = z.infer<typeof ResultsFileSchema>;

export const KEEP_RUNS = 20;
