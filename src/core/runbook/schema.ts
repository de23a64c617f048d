// The shape of runbooks/*.yaml, fixes.yaml and codes.yaml. A closed vocabulary: a check names a probe
// from the catalogue (src/core/diagnosis/probes/), an operator from OPS, and fixes from fixes.yaml —
// never a command line.
import { z } from 'zod';
import { SEVERITIES } from '../findings.js';

export const OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'regex'] as const;
export type Op = (typeof OPS)[number];

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by "-"');
const Code = z.string().regex(/^FD-[A-Z]+(-[A-Z0-9]+)+$/, 'a code like FD-DROP-BUFFER');

/** A literal, or `$name` naming one of the runbook's thresholds. */
const Operand = z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

export const TestSchema = z.strictObject({
  probe: z.string(),
  op: z.enum(OPS),
  value: Operand,
});
export type Test = z.infer<typeof TestSchema>;

export const CheckSchema = z.strictObject({
  id: Id,
  code: Code,
  /** the cause this check names, e.g. buffer-capacity */
  cause: Id,
  title: z.string().min(1),
  /** all must hold for the finding to be raised */
  when: z.array(TestSchema).min(1),
  /** text with {probe.id} placeholders, filled with measured values */
  explain: z.string().min(1),
  /** probes shown as evidence, beside the ones in `when` */
  evidence: z.array(z.string()).default([]),
  fixes: z.array(Id).default([]),
});
export type Check = z.infer<typeof CheckSchema>;

export const ThresholdSchema = z.strictObject({
  default: z.number(),
  description: z.string(),
});

export const RunbookSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string(),
  thresholds: z.record(z.string(), ThresholdSchema).default({}),
  checks: z.array(CheckSchema).min(1),
});
export type Runbook = z.infer<typeof RunbookSchema>;

export const CodeEntrySchema = z.strictObject({
  family: z.enum(['cpu', 'memory', 'drops', 'config', 'container', 'rollout', 'kubernetes']),
  severity: z.enum(SEVERITIES),
  title: z.string(),
});
export const CodesSchema = z.strictObject({ codes: z.record(Code, CodeEntrySchema) });
export type CodeEntry = z.infer<typeof CodeEntrySchema>;
