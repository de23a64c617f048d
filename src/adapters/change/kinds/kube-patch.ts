// The Kubernetes kind of change (fix --kube): the ConfigMap's falco.yaml and the DaemonSet's template,
// written with the resourceVersion they were read at (a concurrent edit is a conflict, not overwritten),
// verified by waiting for the rollout as `kubectl rollout status` does. The undo restores the ConfigMap
// key's bytes AND the template fields together, from the journal, from any session: `kubectl rollout
// undo` alone would leave the ConfigMap changed. Repeating an undo finds everything as before and only waits.
import { UserError, errorMessage } from '../../../core/errors.js';
import type { ChangeOf, EntryOf, KubeTarget, Measure } from '../../../core/fix/journal-entry.js';
import { templateFields, withConfigText, withTemplateFields } from '../../../core/kube/live/patch.js';
import { faultPoint } from '../../apply/fault.js';
import { record } from '../../apply/context.js';
import type { KubeApi } from '../../kube/client.js';
import type { ChangeKind, ChangeTx, PlannedChange, UndoneState } from '../kind.js';

type KubeEntry = EntryOf<'kube-patch'>;
type Obj = Record<string, unknown>;
const meta = (o: unknown) => ((o as { metadata?: Obj } | null)?.metadata ?? {}) as Obj;
const configText = (cm: unknown, key: string) => (cm as { data?: Record<string, string> } | null)?.data?.[key];

export interface KubeChangeRequest {
  id: string;
  fixId: string;
  title: string;
  changes: string[];
  target: KubeTarget;
  change: ChangeOf<'kube-patch'>;
  rolloutTimeoutMs: number;
  /** after the rollout: the node diagnosed again, and a line for the journal */
  remeasure: () => Promise<{ measures: Measure[]; note: string }>;
}

export function plannedKubeChange(api: KubeApi, r: KubeChangeRequest): PlannedChange<'kube-patch'> {
  const { namespace: ns, daemonSet: dsName } = r.target;
  const cm = r.change.configMap;
  const container = r.change.daemonSet.container;
  return {
    id: r.id,
    fixId: r.fixId,
    title: r.title,
    changes: r.changes,
    async intent() {
      // refuse before any write when someone changed the objects since the preview
      if (cm && configText(await api.readConfigMap(ns, cm.name), cm.key) !== cm.before)
        throw new UserError(`ConfigMap ${ns}/${cm.name} changed since the diagnosis: nothing was written; run diagnose again`);
      if (JSON.stringify(templateFields(await api.readDaemonSet(ns, dsName), container)) !== JSON.stringify(r.change.daemonSet.before))
        throw new UserError(`DaemonSet ${ns}/${dsName} changed since the diagnosis: nothing was written; run diagnose again`);
      return { target: r.target, change: r.change };
    },
    async apply(tx, start) {
      let entry = start;
      if (cm) {
        // read again: the write carries the resourceVersion it was read at
        const now = await api.readConfigMap(ns, cm.name);
        await api.replaceConfigMap(ns, cm.name, withConfigText(now, cm.key, cm.after));
        entry = await say(tx, entry, 'configmap', `ConfigMap ${ns}/${cm.name}: data.${cm.key} written`);
      }
      faultPoint('kube-after-configmap');
      const ds = await api.readDaemonSet(ns, dsName);
      const written = await api.replaceDaemonSet(ns, dsName, withTemplateFields(ds, container, r.change.daemonSet.after));
      faultPoint('kube-after-daemonset');
      const generation = String(meta(written)['generation'] ?? '?');
      return say(
        tx,
        { ...entry, state: 'applied' },
        'daemonset',
        `DaemonSet ${ns}/${dsName}: pod template changed (generation ${generation}), rolling the pods`,
      );
    },
    async verify(tx, entry) {
      await waitRollout(api, r.target, r.rolloutTimeoutMs);
      return say(tx, entry, 'rollout', 'rollout complete: every pod runs the new template and is ready');
    },
    async finish(_tx, entry) {
      const m = await r.remeasure();
      return { entry, measures: m.measures, note: `; ${m.note}` };
    },
    explain: (e) => errorMessage(e),
    undo: (tx, entry, done) => restore(api, tx, entry, r.rolloutTimeoutMs, done),
  };
}

export const kubePatchKind: ChangeKind<'kube-patch'> = {
  kind: 'kube-patch',
  touches: (e) => [
    ...(e.change.configMap ? [`ConfigMap ${e.target.namespace}/${e.change.configMap.name} ${e.change.configMap.key}`] : []),
    `DaemonSet ${e.target.namespace}/${e.target.daemonSet} template`,
  ],
  restores: (e) => (e.change.configMap ? [`ConfigMap ${e.target.namespace}/${e.change.configMap.name} data.${e.change.configMap.key}`] : []),
  restoredWhat: (e) =>
    `ConfigMap ${e.target.namespace}/${e.change.configMap?.name ?? '-'} and DaemonSet ${e.target.namespace}/${e.target.daemonSet} are as before the change`,
  async undo(tx, entry, conn, done) {
    const t = entry.target;
    // the cluster as the change reached it: the kubeconfig and context it was made with
    const api = await conn.kube(t);
    if (api.server !== t.server)
      throw new UserError(
        `context ${t.context} now points at ${api.server}, the change was made on ${t.server}: nothing restored`,
        'pass the kubeconfig the change was made with',
      );
    return restore(api, tx, entry, Math.max(120, conn.timings.reloadTimeoutSeconds) * 1000, done);
  },
};

/** Puts the ConfigMap key and the template fields back as the journal had them before, then waits. */
async function restore(api: KubeApi, tx: ChangeTx, start: KubeEntry, rolloutTimeoutMs: number, done: UndoneState) {
  const { namespace: ns, daemonSet: dsName } = start.target;
  const { configMap: cm, daemonSet } = start.change;
  let entry = start;
  try {
    if (cm) {
      const now = await api.readConfigMap(ns, cm.name);
      if (configText(now, cm.key) !== cm.before) {
        await api.replaceConfigMap(ns, cm.name, withConfigText(now, cm.key, cm.before));
        entry = await say(tx, entry, 'restore-configmap', `ConfigMap ${ns}/${cm.name}: data.${cm.key} restored byte for byte`);
      } else entry = await say(tx, entry, 'restore-configmap', `ConfigMap ${ns}/${cm.name}: data.${cm.key} already as before`);
    }
    const ds = await api.readDaemonSet(ns, dsName);
    if (JSON.stringify(templateFields(ds, daemonSet.container)) !== JSON.stringify(daemonSet.before)) {
      await api.replaceDaemonSet(ns, dsName, withTemplateFields(ds, daemonSet.container, daemonSet.before));
      entry = await say(tx, entry, 'restore-daemonset', `DaemonSet ${ns}/${dsName}: pod template restored, rolling the pods`);
    } else entry = await say(tx, entry, 'restore-daemonset', `DaemonSet ${ns}/${dsName}: pod template already as before`);
    await waitRollout(api, start.target, rolloutTimeoutMs);
    entry = await say(tx, entry, 'rollout', 'rollout complete: every pod runs the restored template and is ready');
  } catch (e) {
    const next = await record(tx, entry, { state: 'rollback-incomplete', finishedAt: new Date().toISOString() }, `rollback incomplete: ${errorMessage(e)}`);
    return { entry: next, ok: false, manualSteps: [`${errorMessage(e)}: run falco-doctor rollback ${entry.id} again (it repeats safely)`] };
  }
  const next = await record(tx, entry, { state: done, finishedAt: new Date().toISOString() }, 'undone');
  return { entry: next, ok: true, manualSteps: [] };
}

/** A finished step: journaled, and shown as it happens. */
async function say(tx: ChangeTx, entry: KubeEntry, id: string, message: string): Promise<KubeEntry> {
  const next = await record(tx, entry, {}, message);
  tx.emit({ type: 'step-finished', id, status: 'ok', detail: message });
  return next;
}

/** As `kubectl rollout status ds/NAME`: the controller saw the new generation and every pod is updated and available. */
async function waitRollout(api: KubeApi, t: KubeTarget, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const ds = (await api.readDaemonSet(t.namespace, t.daemonSet)) as { metadata?: { generation?: number }; status?: Record<string, number> };
    const s = ds.status ?? {};
    const want = s['desiredNumberScheduled'] ?? 0;
    last = `${s['updatedNumberScheduled'] ?? 0}/${want} updated, ${s['numberAvailable'] ?? 0}/${want} available`;
    if ((s['observedGeneration'] ?? 0) >= (ds.metadata?.generation ?? 0) && s['updatedNumberScheduled'] === want && s['numberAvailable'] === want) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`DaemonSet ${t.namespace}/${t.daemonSet}: the rollout did not complete within ${Math.round(timeoutMs / 1000)} s (${last})`);
}
