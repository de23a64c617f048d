// runbooks/fixes.yaml: each fix is a list of declarative operations. Because an operation says what
// it sets (not how), its undo is computed from the snapshot taken before it runs.
import { z } from 'zod';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/** A literal, or a value derived from a measured probe: probe × mul + add, clamped to [min, max]. */
export const ValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.string()),
  z.strictObject({
    probe: z.string(),
    add: z.number().default(0),
    mul: z.number().default(1),
    min: z.number().optional(),
    max: z.number().optional(),
    round: z.boolean().default(true),
  }),
  /** the event types the enabled rules need (for base_syscalls.custom_set) */
  z.strictObject({ derived: z.literal('rules-event-types') }),
]);
export type ValueSpec = z.infer<typeof ValueSchema>;

export const FixOpSchema = z.discriminatedUnion('op', [
  /** key may contain {engine.kind}, filled with the engine in use */
  z.strictObject({ op: z.literal('set'), key: z.string(), value: ValueSchema }),
  z.strictObject({ op: z.literal('unset'), key: z.string() }),
  /** disable rules the supported way (override entries in a local rules file), chosen by priority */
  z.strictObject({
    op: z.literal('disable-rules'),
    priorityBelow: z.enum(['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug']),
  }),
  /** arguments added to Falco's command line (e.g. -U): Docker cannot change a container's command, so
   *  the container is re-created with them, and the compose file's `command:` gains them too */
  z.strictObject({ op: z.literal('add-args'), args: z.array(z.string().regex(/^-/)).min(1) }),
  /** Docker resource limits, applied live and persisted in the compose file when one is found */
  z.strictObject({
    op: z.literal('update-limits'),
    cpus: ValueSchema.optional(),
    memoryMb: ValueSchema.optional(),
  }),
]);
export type FixOp = z.infer<typeof FixOpSchema>;

export const FixSchema = z.strictObject({
  title: z.string().min(1),
  /** why this helps, and its cost */
  why: z.string().min(1),
  /** where upstream documents the key */
  doc: z.string().min(1),
  ops: z.array(FixOpSchema).min(1),
  /** engine kinds the fix applies to; absent = any */
  engines: z.array(z.string()).optional(),
  /** refuse or warn when the change would push ring-buffer memory toward the container's limit */
  guard: z.enum(['ring-buffer-memory']).optional(),
});
export type Fix = z.infer<typeof FixSchema>;

export const FixCatalogueSchema = z.strictObject({ fixes: z.record(Id, FixSchema) });
export type FixCatalogue = z.infer<typeof FixCatalogueSchema>['fixes'];
