// checklists/production.yaml: each item is an automatic check — runbook probes with tests (the same
// closed vocabulary as the runbooks) or one of the built-in checks below — plus the fixes that would
// make it pass, and optionally a question the operator may answer instead, with a note.
import { z } from 'zod';
import { TestSchema } from '../runbook/schema.js';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by "-"');

/** Checks that read more than one probe can say: Falco's outputs, the rollout state, the journal. */
export const BUILTINS = ['outputs-minimal', 'monitoring', 'alerting', 'rollout-baseline', 'rollout-gate-passed', 'rollback-ready'] as const;
export type BuiltinId = (typeof BUILTINS)[number];

/** Evidence that is not a probe of the diagnosis but a record in the state dir: the last canary's proof. */
export const RECORD_EVIDENCE = ['detection.last_proof'] as const;
export type RecordEvidence = (typeof RECORD_EVIDENCE)[number];
export const isRecordEvidence = (id: string): id is RecordEvidence => (RECORD_EVIDENCE as readonly string[]).includes(id);

export const CheckSpecSchema = z.union([z.strictObject({ probes: z.array(TestSchema).min(1) }), z.strictObject({ builtin: z.enum(BUILTINS) })]);
export type CheckSpec = z.infer<typeof CheckSpecSchema>;

export const ItemSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  why: z.string().min(1),
  check: CheckSpecSchema,
  /** probes (or RECORD_EVIDENCE) shown as evidence beside the tested ones */
  evidence: z.array(z.string()).default([]),
  fixes: z.array(Id).default([]),
  /** what to do when no fix in fixes.yaml covers it */
  remedy: z.string().optional(),
  /** the question an operator may answer (with a note) when the automatic check cannot pass */
  confirm: z.string().optional(),
});
export type ChecklistItem = z.infer<typeof ItemSchema>;

export const ChecklistSchema = z.strictObject({ items: z.array(ItemSchema).min(1) });
export type Checklist = z.infer<typeof ChecklistSchema>;
