// A fix planned on one node, as the change a Kubernetes operator makes: the ConfigMap's falco.yaml edited
// (comments kept, as for a file on a VPS) and the DaemonSet's pod template touched so its pods restart
// (the chart mounts falco.yaml with subPath, which Kubernetes never refreshes in a running pod), plus the
// template's own fields a fix may change (the Falco container's limits or arguments). Pure: the adapter
// reads the objects and writes them; the undo is the `before` side of each field, computed here.
import YAML from 'yaml';
import { setKey, unsetKey, unifiedDiff } from '../../falco/config/edit.js';
import { describeChange, type FixPlan } from '../../fix/plan.js';
import { obj } from '../workload-common.js';

/** The pod-template annotation whose change rolls the pods when only the ConfigMap changed. */
export const RESTART_ANNOTATION = 'falco-doctor.io/config-change';

export interface TemplateFields {
  /** RESTART_ANNOTATION's value (null: absent) */
  annotation: string | null;
  /** the Falco container's resources, as JSON */
  resources: string;
  args: string[] | null;
}

export interface KubePatch {
  configMap: { name: string; key: string; before: string; after: string } | null;
  daemonSet: { name: string; container: string; before: TemplateFields; after: TemplateFields };
  summary: string[];
}

export interface KubePatchInputs {
  /** journal id: the restart annotation's value, so the rollout names the change that caused it */
  id: string;
  configMap: { name: string; key: string; text: string } | null;
  /** the DaemonSet as the API gives it */
  daemonSet: unknown;
  container: string;
}

export class KubePatchError extends Error {}

type Obj = Record<string, unknown>;

export function planKubePatch(plan: FixPlan, inp: KubePatchInputs): KubePatch {
  if (plan.refused) throw new KubePatchError(`fix ${plan.id} cannot be applied: ${plan.refused}`);
  const ds = obj(inp.daemonSet);
  const name = String(obj(ds['metadata'])['name'] ?? '');
  const before = templateFields(ds, inp.container);
  const after: TemplateFields = { ...before, resources: before.resources };
  let text = inp.configMap?.text ?? null;
  const resources = JSON.parse(before.resources) as Obj;
  for (const c of plan.changes) {
    switch (c.kind) {
      case 'config-set':
      case 'config-unset':
        if (text === null) throw new KubePatchError('falco.yaml is not mounted from a ConfigMap: there is nothing the API can edit');
        text = c.kind === 'config-set' ? setKey(text, c.key.split('.'), c.after) : unsetKey(text, c.key.split('.'));
        break;
      case 'limits': {
        const limits = { ...obj(resources['limits']) };
        if (c.cpus) limits['cpu'] = `${Math.round(c.cpus.after * 1000)}m`;
        if (c.memoryMb) limits['memory'] = `${Math.round(c.memoryMb.after)}Mi`;
        resources['limits'] = limits;
        break;
      }
      case 'command':
        after.args = [...(before.args ?? []), ...c.add];
        break;
      case 'disable-rules':
        throw new KubePatchError('the chart installs the rules with falcoctl, not from the ConfigMap: disable them in the chart values (customRules) instead');
    }
  }
  after.resources = JSON.stringify(resources);
  const cmChanged = inp.configMap !== null && text !== null && text !== inp.configMap.text;
  // a template change of its own rolls the pods; a ConfigMap change alone needs the annotation to
  if (cmChanged) after.annotation = inp.id;
  return {
    configMap:
      cmChanged && inp.configMap && text !== null ? { name: inp.configMap.name, key: inp.configMap.key, before: inp.configMap.text, after: text } : null,
    daemonSet: { name, container: inp.container, before, after },
    summary: plan.changes.map(describeChange),
  };
}

export function templateFields(ds: unknown, container: string): TemplateFields {
  const t = obj(obj(obj(ds)['spec'])['template']);
  const c = containerOf(t, container);
  const a = obj(obj(t['metadata'])['annotations'])[RESTART_ANNOTATION];
  return {
    annotation: typeof a === 'string' ? a : null,
    resources: JSON.stringify(obj(c['resources'])),
    args: Array.isArray(c['args']) ? c['args'].map(String) : null,
  };
}

/** The DaemonSet with `fields` written into its template (the undo passes the `before` side). */
export function withTemplateFields(ds: unknown, container: string, fields: TemplateFields): Obj {
  const out = structuredClone(obj(ds));
  const t = obj(obj(out['spec'])['template']);
  const meta = (t['metadata'] = obj(t['metadata']));
  const ann = { ...obj(meta['annotations']) };
  if (fields.annotation === null) delete ann[RESTART_ANNOTATION];
  else ann[RESTART_ANNOTATION] = fields.annotation;
  meta['annotations'] = ann;
  const c = containerOf(t, container);
  c['resources'] = JSON.parse(fields.resources) as Obj;
  if (fields.args === null) delete c['args'];
  else c['args'] = fields.args;
  return out;
}

/** The ConfigMap with `key` set to `text`, every other key as it is. */
export function withConfigText(cm: unknown, key: string, text: string): Obj {
  const out = structuredClone(obj(cm));
  out['data'] = { ...obj(out['data']), [key]: text };
  return out;
}

export function patchChanges(p: KubePatch): boolean {
  return p.configMap !== null || JSON.stringify(p.daemonSet.before) !== JSON.stringify(p.daemonSet.after);
}

/** The ConfigMap's diff and the pod template's, as the operator confirms them. */
export function kubePatchPreview(p: KubePatch, where: { namespace: string; configMap: string | null }): string {
  const parts: string[] = [];
  if (p.configMap) parts.push(unifiedDiff(`ConfigMap ${where.namespace}/${p.configMap.name} data.${p.configMap.key}`, p.configMap.before, p.configMap.after));
  const show = (f: TemplateFields) =>
    YAML.stringify({
      metadata: { annotations: f.annotation === null ? {} : { [RESTART_ANNOTATION]: f.annotation } },
      containers: [{ name: p.daemonSet.container, resources: JSON.parse(f.resources) as unknown, ...(f.args ? { args: f.args } : {}) }],
    });
  parts.push(
    unifiedDiff(
      `DaemonSet ${where.namespace}/${p.daemonSet.name} spec.template (the fields the fix touches; every pod restarts, one node at a time)`,
      show(p.daemonSet.before),
      show(p.daemonSet.after),
    ),
  );
  return parts.join('\n');
}

function containerOf(template: Obj, name: string): Obj {
  const spec = obj(template['spec']);
  const list = Array.isArray(spec['containers']) ? (spec['containers'] as Obj[]) : [];
  const c = list.find((x) => obj(x)['name'] === name);
  if (!c) throw new KubePatchError(`the DaemonSet's pod template has no container "${name}"`);
  return c;
}
