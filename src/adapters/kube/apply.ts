// A journaled change through the Kubernetes API: the ConfigMap's falco.yaml and the DaemonSet's template,
// written with the resourceVersion they were read at (a concurrent edit is a conflict, not overwritten),
// then the rollout waited for as `kubectl rollout status` does. The undo restores the ConfigMap key's
// bytes AND the template fields together, from the journal, from any session: `kubectl rollout undo`
// alone would leave the ConfigMap changed. Repeating an undo finds everything as before and only waits.
import { UserError } from '../../core/errors.js';
import type { JournalEntry, KubeChange } from '../../core/fix/journal-entry.js';
import { templateFields, withConfigText, withTemplateFields } from '../../core/kube/live/patch.js';
import type { Journal } from '../journal/journal.js';
import { faultPoint } from '../apply/fault.js';
import type { KubeApi } from './client.js';

export interface KubeTx {
  api: KubeApi;
  journal: Journal;
  rolloutTimeoutMs: number;
  say: (line: string) => void;
}

type Obj = Record<string, unknown>;
const meta = (o: unknown) => ((o as { metadata?: Obj } | null)?.metadata ?? {}) as Obj;

async function log(tx: KubeTx, entry: JournalEntry, message: string): Promise<void> {
  entry.log.push({ t: new Date().toISOString(), message });
  tx.say(message);
  await tx.journal.write(entry);
}

/** Writes the change journaled in `entry` (state intent) and waits for the pods to roll. */
export async function applyKubeChange(tx: KubeTx, entry: JournalEntry): Promise<void> {
  const k = entry.kube as KubeChange;
  const cm = k.configMap;
  // refuse before any write when someone changed the objects since the preview
  const cmNow = cm ? await tx.api.readConfigMap(k.namespace, cm.name) : null;
  if (cm && (cmNow as { data?: Record<string, string> } | null)?.data?.[cm.key] !== cm.before)
    throw new UserError(`ConfigMap ${k.namespace}/${cm.name} changed since the diagnosis: nothing was written; run diagnose again`);
  const dsNow = await tx.api.readDaemonSet(k.namespace, k.daemonSet.name);
  if (JSON.stringify(templateFields(dsNow, k.daemonSet.container)) !== JSON.stringify(k.daemonSet.before))
    throw new UserError(`DaemonSet ${k.namespace}/${k.daemonSet.name} changed since the diagnosis: nothing was written; run diagnose again`);
  entry.appliedAt = Date.now();
  await tx.journal.write(entry);
  if (cm && cmNow) {
    await tx.api.replaceConfigMap(k.namespace, cm.name, withConfigText(cmNow, cm.key, cm.after));
    await log(tx, entry, `ConfigMap ${k.namespace}/${cm.name}: data.${cm.key} written`);
  }
  faultPoint('kube-after-configmap');
  const written = await tx.api.replaceDaemonSet(k.namespace, k.daemonSet.name, withTemplateFields(dsNow, k.daemonSet.container, k.daemonSet.after));
  faultPoint('kube-after-daemonset');
  entry.state = 'applied';
  await log(
    tx,
    entry,
    `DaemonSet ${k.namespace}/${k.daemonSet.name}: pod template changed (generation ${String(meta(written)['generation'] ?? '?')}), rolling the pods`,
  );
  await waitRollout(tx, k);
  await log(tx, entry, 'rollout complete: every pod runs the new template and is ready');
}

/** Puts the ConfigMap key and the template fields back as the journal had them before, then waits. */
export async function undoKubeChange(tx: KubeTx, entry: JournalEntry): Promise<void> {
  const k = entry.kube as KubeChange;
  const cm = k.configMap;
  if (cm) {
    const now = await tx.api.readConfigMap(k.namespace, cm.name);
    if ((now as { data?: Record<string, string> }).data?.[cm.key] !== cm.before) {
      await tx.api.replaceConfigMap(k.namespace, cm.name, withConfigText(now, cm.key, cm.before));
      await log(tx, entry, `ConfigMap ${k.namespace}/${cm.name}: data.${cm.key} restored byte for byte`);
    } else await log(tx, entry, `ConfigMap ${k.namespace}/${cm.name}: data.${cm.key} already as before`);
  }
  const ds = await tx.api.readDaemonSet(k.namespace, k.daemonSet.name);
  if (JSON.stringify(templateFields(ds, k.daemonSet.container)) !== JSON.stringify(k.daemonSet.before)) {
    await tx.api.replaceDaemonSet(k.namespace, k.daemonSet.name, withTemplateFields(ds, k.daemonSet.container, k.daemonSet.before));
    await log(tx, entry, `DaemonSet ${k.namespace}/${k.daemonSet.name}: pod template restored, rolling the pods`);
  } else await log(tx, entry, `DaemonSet ${k.namespace}/${k.daemonSet.name}: pod template already as before`);
  await waitRollout(tx, k);
  await log(tx, entry, 'rollout complete: every pod runs the restored template and is ready');
}

/** As `kubectl rollout status ds/NAME`: the controller saw the new generation and every pod is updated and available. */
async function waitRollout(tx: KubeTx, k: KubeChange): Promise<void> {
  const deadline = Date.now() + tx.rolloutTimeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const ds = (await tx.api.readDaemonSet(k.namespace, k.daemonSet.name)) as { metadata?: { generation?: number }; status?: Record<string, number> };
    const s = ds.status ?? {};
    const want = s['desiredNumberScheduled'] ?? 0;
    last = `${s['updatedNumberScheduled'] ?? 0}/${want} updated, ${s['numberAvailable'] ?? 0}/${want} available`;
    if ((s['observedGeneration'] ?? 0) >= (ds.metadata?.generation ?? 0) && s['updatedNumberScheduled'] === want && s['numberAvailable'] === want) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`DaemonSet ${k.namespace}/${k.daemonSet.name}: the rollout did not complete within ${Math.round(tx.rolloutTimeoutMs / 1000)} s (${last})`);
}
