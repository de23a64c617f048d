// One journal entry per transaction: the intent (what will change and the exact before-state) is
// written and fsynced before anything changes; the same record then carries the outcome. Parsed with
// this schema whenever it is read back, from any session. Where the change was made (`target`) and
// what it changed (`change`) are tagged unions: each kind of change holds only its own fields. Entries
// written by schema 1 are converted on read (journal-v1.ts), so an existing journal still rolls back.
import { z } from 'zod';

export const JOURNAL_SCHEMA_VERSION = 2;

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

/** A Falco container on this Docker host. */
export const ContainerTargetSchema = z.object({
  kind: z.literal('container'),
  id: z.string(),
  name: z.string(),
  /** how to check Falco's health later, from any session (null: webserver off or unreachable) */
  healthzUrl: z.string().nullable(),
  watchConfig: z.boolean(),
});
export type ContainerTarget = z.infer<typeof ContainerTargetSchema>;

/** A Falco DaemonSet, and how to reach its cluster again from another session. */
export const KubeTargetSchema = z.object({
  kind: z.literal('kube'),
  kubeconfig: z.string().nullable(),
  context: z.string(),
  server: z.string(),
  namespace: z.string(),
  daemonSet: z.string(),
  /** the node whose finding the change answers (the change itself reaches every node) */
  node: z.string(),
});
export type KubeTarget = z.infer<typeof KubeTargetSchema>;

export const TargetSchema = z.discriminatedUnion('kind', [ContainerTargetSchema, KubeTargetSchema]);
export type Target = z.infer<typeof TargetSchema>;

/** Files, limits, command line of a container (a fix, a rollout's config edit). */
export const DockerChangeSchema = z.object({
  kind: z.literal('docker'),
  files: z.array(FileBeforeSchema),
  /** set when the limits are part of the change */
  limits: z.object({ before: LimitsSchema, after: LimitsSchema }).nullable(),
  /** set when the change re-creates the container with another command line */
  recreate: RecreateSchema.nullable(),
});

/** Falco stopped for a while (the rollout's baseline) and started again: the undo starts it. */
export const FalcoStoppedChangeSchema = z.object({ kind: z.literal('falco-stopped') });

const TemplateFieldsSchema = z.object({ annotation: z.string().nullable(), resources: z.string(), args: z.array(z.string()).nullable() });

/** The ConfigMap key's text and the DaemonSet template fields before and after (fix --kube). Only the
 *  fields the fix touches are kept: never the pod template's env values. */
export const KubePatchChangeSchema = z.object({
  kind: z.literal('kube-patch'),
  configMap: z.object({ name: z.string(), key: z.string(), before: z.string(), after: z.string() }).nullable(),
  daemonSet: z.object({ container: z.string(), before: TemplateFieldsSchema, after: TemplateFieldsSchema }),
});

export const ChangeSchema = z.discriminatedUnion('kind', [DockerChangeSchema, FalcoStoppedChangeSchema, KubePatchChangeSchema]);
export type Change = z.infer<typeof ChangeSchema>;
export type ChangeKindName = Change['kind'];
export type ChangeOf<K extends ChangeKindName> = Extract<Change, { kind: K }>;

export const ENTRY_STATES = ['intent', 'applied', 'verified', 'reverted', 'rolled-back', 'rollback-incomplete'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const MeasureSchema = z.object({
  fact: z.string(),
  label: z.string(),
  before: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  after: z.union([z.number(), z.string(), z.boolean(), z.null()]),
});
export type Measure = z.infer<typeof MeasureSchema>;

/** Where each kind of change is made. */
export const TARGET_KIND = { docker: 'container', 'falco-stopped': 'container', 'kube-patch': 'kube' } as const satisfies Record<
  ChangeKindName,
  Target['kind']
>;
export type TargetOf<K extends ChangeKindName> = Extract<Target, { kind: (typeof TARGET_KIND)[K] }>;

/** The fields every schema of the journal has had, schema 1 (journal-v1.ts) included. */
export const ENTRY_COMMON_FIELDS = {
  id: z.string(),
  fixId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  state: z.enum(ENTRY_STATES),
  /** who wrote it: a later session tells a crashed transaction from a running one */
  pid: z.number(),
  /** one line per planned change, as describeChange renders it */
  changes: z.array(z.string()),
  /** ms since epoch when the first byte changed; null while nothing has */
  appliedAt: z.number().nullable(),
  measures: z.array(MeasureSchema).default([]),
  /** what happened, in order: shown by `history` and used in the exit message */
  log: z.array(z.object({ t: z.string(), message: z.string() })).default([]),
  finishedAt: z.string().nullable().default(null),
};

export const JournalEntrySchema = z
  .object({
    schemaVersion: z.literal(JOURNAL_SCHEMA_VERSION),
    ...ENTRY_COMMON_FIELDS,
    target: TargetSchema,
    change: ChangeSchema,
  })
  .refine((e) => e.target.kind === TARGET_KIND[e.change.kind], { message: 'this kind of change is made to another kind of target', path: ['target', 'kind'] });
export type JournalEntry = z.infer<typeof JournalEntrySchema>;
/** An entry of one kind of change, with the target that kind is made to (the schema checks the pair). */
export type EntryOf<K extends ChangeKindName> = Omit<JournalEntry, 'target' | 'change'> & { target: TargetOf<K>; change: ChangeOf<K> };

/** Not finished: the process that wrote it died (or still runs) mid-transaction. */
export function isIncomplete(e: JournalEntry): boolean {
  return e.state === 'intent' || e.state === 'applied';
}

/** The name an operator knows the target by: the container's, or the DaemonSet's with its namespace. */
export function targetName(t: Target): string {
  return t.kind === 'container' ? t.name : `${t.namespace}/${t.daemonSet} (DaemonSet)`;
}
