// Journal entries written by schema 1 (one flat shape for every kind, Kubernetes changes carrying
// Docker placeholders) read as schema 2, so that an operator's existing journal still shows in
// history and still rolls back. Pure; the journal applies it to every file it reads.
import { z } from 'zod';
import { ENTRY_COMMON_FIELDS, FileBeforeSchema, JournalEntrySchema, LimitsSchema, RecreateSchema, type JournalEntry } from './journal-entry.js';

const TemplateFieldsSchema = z.object({ annotation: z.string().nullable(), resources: z.string(), args: z.array(z.string()).nullable() });

export const JournalEntryV1Schema = z.object({
  schemaVersion: z.literal(1),
  ...ENTRY_COMMON_FIELDS,
  container: z.object({ id: z.string(), name: z.string(), healthzUrl: z.string().nullable(), watchConfig: z.boolean() }),
  files: z.array(FileBeforeSchema),
  limitsBefore: LimitsSchema,
  limitsAfter: LimitsSchema.nullable(),
  recreate: RecreateSchema.nullable().default(null),
  kube: z
    .object({
      kubeconfig: z.string().nullable(),
      context: z.string(),
      server: z.string(),
      namespace: z.string(),
      node: z.string(),
      configMap: z.object({ name: z.string(), key: z.string(), before: z.string(), after: z.string() }).nullable(),
      daemonSet: z.object({ name: z.string(), container: z.string(), before: TemplateFieldsSchema, after: TemplateFieldsSchema }),
    })
    .nullable()
    .default(null),
});
export type JournalEntryV1 = z.infer<typeof JournalEntryV1Schema>;

/** The fix id schema 1's rollout wrote for "Falco stopped, then started again". */
const V1_BASELINE = 'rollout-baseline';

export function fromV1(v1: JournalEntryV1): JournalEntry {
  const { container, files, limitsBefore, limitsAfter, recreate, kube, ...common } = v1;
  const base = { ...common, schemaVersion: 2 as const };
  if (kube) {
    const { configMap, daemonSet } = kube;
    return {
      ...base,
      target: {
        kind: 'kube',
        kubeconfig: kube.kubeconfig,
        context: kube.context,
        server: kube.server,
        namespace: kube.namespace,
        daemonSet: daemonSet.name,
        node: kube.node,
      },
      change: { kind: 'kube-patch', configMap, daemonSet: { container: daemonSet.container, before: daemonSet.before, after: daemonSet.after } },
    };
  }
  const target = { kind: 'container' as const, ...container };
  if (v1.fixId === V1_BASELINE && files.length === 0 && limitsAfter === null && recreate === null)
    return { ...base, target, change: { kind: 'falco-stopped' } };
  return { ...base, target, change: { kind: 'docker', files, limits: limitsAfter ? { before: limitsBefore, after: limitsAfter } : null, recreate } };
}

/** Any stored entry, schema 1 or 2, as schema 2; errors name the key within the version it claims. */
export const StoredEntrySchema = z
  .discriminatedUnion('schemaVersion', [JournalEntrySchema, JournalEntryV1Schema])
  .transform((e): JournalEntry => (e.schemaVersion === 1 ? fromV1(e) : e));
