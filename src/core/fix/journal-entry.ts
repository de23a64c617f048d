// One journal entry per transaction: the intent (what will change and the exact before-state) is
// written and fsynced before anything changes; the same record then carries the outcome. Parsed with
// this schema whenever it is read back, from any session.
import { z } from 'zod';

export const JOURNAL_SCHEMA_VERSION = 1;

/** A file as it was before the change: enough to put it back byte for byte, with mode and owner. */
export const FileBeforeSchema = z.object({
  /** host path that is written */
  path: z.string(),
  /** the path as Falco sees it inside the container, when there is one */
  containerPath: z.string().nullable(),
  /** false: the change creates the file, so the undo removes it */
  existed: z.boolean(),
  bytesBase64: z.string(),
  mode: z.number(),
  uid: z.number(),
  gid: z.number(),
  /** folder the path must stay inside (symlinks leading elsewhere are refused) */
  root: z.string(),
});
export type FileBefore = z.infer<typeof FileBeforeSchema>;

/** Docker's resource fields as they were; restored verbatim. */
export const LimitsSchema = z.object({
  nanoCpus: z.number(),
  cpuQuota: z.number(),
  cpuPeriod: z.number(),
  memoryBytes: z.number(),
  memorySwapBytes: z.number(),
});
export type Limits = z.infer<typeof LimitsSchema>;

/** A change of Falco's command line: the container is replaced (adapters/apply/recreate.ts). Names,
 *  ids and the two command lines; never environment values. */
export const RecreateSchema = z.object({
  name: z.string(),
  beforeId: z.string(),
  parkedName: z.string(),
  cmdBefore: z.array(z.string()).nullable(),
  cmdAfter: z.array(z.string()),
  afterId: z.string().nullable(),
});
export type Recreate = z.infer<typeof RecreateSchema>;

const TemplateFieldsSchema = z.object({ annotation: z.string().nullable(), resources: z.string(), args: z.array(z.string()).nullable() });

/** A change made through the Kubernetes API (fix --kube): the ConfigMap key's text and the DaemonSet
 *  template fields before and after, and how to reach the cluster again from another session. Only the
 *  fields the fix touches are kept: never the pod template's env values. */
export const KubeChangeSchema = z.object({
  kubeconfig: z.string().nullable(),
  context: z.string(),
  server: z.string(),
  namespace: z.string(),
  /** the node whose finding the fix answers (the change itself reaches every node) */
  node: z.string(),
  configMap: z.object({ name: z.string(), key: z.string(), before: z.string(), after: z.string() }).nullable(),
  daemonSet: z.object({ name: z.string(), container: z.string(), before: TemplateFieldsSchema, after: TemplateFieldsSchema }),
});
export type KubeChange = z.infer<typeof KubeChangeSchema>;

export const ENTRY_STATES = ['intent', 'applied', 'verified', 'reverted', 'rolled-back', 'rollback-incomplete'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const MeasureSchema = z.object({
  fact: z.string(),
  label: z.string(),
  before: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  after: z.union([z.number(), z.string(), z.boolean(), z.null()]),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const JournalEntrySchema = z.object({
  schemaVersion: z.literal(JOURNAL_SCHEMA_VERSION),
  id: z.string(),
  fixId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  state: z.enum(ENTRY_STATES),
  /** who wrote it: a later session tells a crashed transaction from a running one */
  pid: z.number(),
  container: z.object({
    id: z.string(),
    name: z.string(),
    /** how to check Falco's health later, from any session (null: webserver off or unreachable) */
    healthzUrl: z.string().nullable(),
    watchConfig: z.boolean(),
  }),
  /** one line per planned change, as describeChange renders it */
  changes: z.array(z.string()),
  files: z.array(FileBeforeSchema),
  limitsBefore: LimitsSchema,
  /** set when the limits are part of the change */
  limitsAfter: LimitsSchema.nullable(),
  /** set when the change re-creates the container with another command line */
  recreate: RecreateSchema.nullable().default(null),
  /** set when the change went through the Kubernetes API (then files, limits and recreate are empty) */
  kube: KubeChangeSchema.nullable().default(null),
  /** ms since epoch when the first byte changed; null while nothing has */
  appliedAt: z.number().nullable(),
  measures: z.array(MeasureSchema).default([]),
  /** what happened, in order: shown by `history` and used in the exit message */
  log: z.array(z.object({ t: z.string(), message: z.string() })).default([]),
  finishedAt: z.string().nullable().default(null),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** Not finished: the process that wrote it died (or still runs) mid-transaction. */
export function isIncomplete(e: JournalEntry): boolean {
  return e.state === 'intent' || e.state === 'applied';
}
