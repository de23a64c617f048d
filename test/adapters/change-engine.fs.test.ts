// The change engine on a temp state dir with the Kubernetes kind against an in-memory API (every write
// recorded): a verify that fails after the apply recorded its progress is undone from what the journal
// last holds (the progress stays in the log), and a failing post-change check undoes a verified change.
// The Docker kind is proven the same way on the lab (test/e2e/change-checks.test.ts, fix-failures.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeApi } from '../../src/adapters/kube/client.js';
import { runChange, type PostChangeCheck } from '../../src/adapters/change/engine.js';
import { plannedKubeChange } from '../../src/adapters/change/kinds/kube-patch.js';
import { openJournal } from '../../src/adapters/journal/journal.js';
import { RESTART_ANNOTATION } from '../../src/core/kube/live/patch.js';
import { tempDirs } from './helpers/temp-dirs.js';

const temp = tempDirs('fd-engine-');
const BEFORE = 'engine:\n  modern_ebpf:\n    buf_size_preset: 4\n';
const AFTER = 'engine:\n  modern_ebpf:\n    buf_size_preset: 6\n';

/** A cluster whose controller rolls the pods only after the `rollsAfter`-th template write; `conflict`:
 *  the first template write is refused, as the API server refuses a stale resourceVersion. */
function cluster(rollsAfter: number, conflict = false) {
  let refuse = conflict;
  let configMap: Record<string, unknown> = { metadata: { name: 'falco' }, data: { 'falco.yaml': BEFORE } };
  let daemonSet: Record<string, unknown> = {
    metadata: { name: 'falco', generation: 1 },
    spec: { template: { metadata: {}, spec: { containers: [{ name: 'falco', resources: {} }] } } },
    status: { observedGeneration: 1, desiredNumberScheduled: 1, updatedNumberScheduled: 1, numberAvailable: 1 },
  };
  const writes: string[] = [];
  const api = {
    context: 'prod',
    server: 'https://k',
    readConfigMap: async () => structuredClone(configMap),
    replaceConfigMap: async (_ns: string, _name: string, body: unknown) => {
      writes.push('ConfigMap');
      configMap = body as Record<string, unknown>;
      return body;
    },
    readDaemonSet: async () => structuredClone(daemonSet),
    replaceDaemonSet: async (_ns: string, _name: string, body: unknown) => {
      if (refuse) {
        refuse = false;
        throw Object.assign(new Error('Operation cannot be fulfilled on daemonsets.apps "falco": the object has been modified'), { code: 409 });
      }
      writes.push('DaemonSet');
      const generation = writes.filter((w) => w === 'DaemonSet').length + 1;
      const rolled = generation - 1 >= rollsAfter;
      const b = body as Record<string, unknown>;
      daemonSet = {
        ...b,
        metadata: { ...(b['metadata'] as object), generation },
        status: { observedGeneration: generation, desiredNumberScheduled: 1, updatedNumberScheduled: rolled ? 1 : 0, numberAvailable: 1 },
      };
      return daemonSet;
    },
  } as unknown as KubeApi;
  return { api, writes, text: () => (configMap['data'] as Record<string, string>)['falco.yaml'] };
}

function planned(api: KubeApi, id: string) {
  return plannedKubeChange(api, {
    id,
    fixId: 'raise-buffer-preset',
    title: 'Raise the ring-buffer size preset',
    changes: ['engine.modern_ebpf.buf_size_preset: 4 → 6'],
    target: { kind: 'kube', kubeconfig: null, context: 'prod', server: 'https://k', namespace: 'default', daemonSet: 'falco', node: 'node-a' },
    change: {
      kind: 'kube-patch',
      configMap: { name: 'falco', key: 'falco.yaml', before: BEFORE, after: AFTER },
      daemonSet: { container: 'falco', before: { annotation: null, resources: '{}', args: null }, after: { annotation: id, resources: '{}', args: null } },
    },
    rolloutTimeoutMs: 1500,
    remeasure: async () => ({ measures: [], note: 're-measured' }),
  });
}

const logOf = async (state: string, id: string) => (await (await openJournal(state)).read(id)).log.map((l) => l.message);

describe('the change engine', () => {
  it('a rollout that does not complete is undone; the writes the apply journaled stay in the log', async () => {
    const state = temp();
    const c = cluster(2); // the change's rollout never completes; the undo's does
    const r = await runChange({ command: 'fix', stateDir: state, maxChangesPerHour: 5, planned: planned(c.api, 'J-1'), emit: () => {} });
    expect(r.outcome).toBe('reverted');
    expect(r.failure).toMatch(/the rollout did not complete within 2 s/);
    expect(c.writes).toEqual(['ConfigMap', 'DaemonSet', 'ConfigMap', 'DaemonSet']);
    expect(c.text()).toBe(BEFORE);
    const log = await logOf(state, 'J-1');
    expect(log).toContain('ConfigMap default/falco: data.falco.yaml written');
    expect(log.some((m) => m.startsWith('DaemonSet default/falco: pod template changed'))).toBe(true);
    expect(log.at(-1)).toBe('undone');
    expect(JSON.parse(readFileSync(path.join(state, 'journal', 'J-1.json'), 'utf8'))).toMatchObject({ state: 'reverted' });
  });

  it('a write refused mid-apply is undone from what the journal last holds: the ConfigMap write it recorded is undone and stays in the log', async () => {
    const state = temp();
    const c = cluster(0, true);
    const r = await runChange({ command: 'fix', stateDir: state, maxChangesPerHour: 5, planned: planned(c.api, 'J-3'), emit: () => {} });
    expect(r.outcome).toBe('reverted');
    expect(r.failure).toMatch(/the object has been modified/);
    expect(c.writes).toEqual(['ConfigMap', 'ConfigMap']);
    expect(c.text()).toBe(BEFORE);
    const log = await logOf(state, 'J-3');
    expect(log.slice(0, 2)).toEqual(['applying', 'ConfigMap default/falco: data.falco.yaml written']);
    expect(log).toContain('ConfigMap default/falco: data.falco.yaml restored byte for byte');
  });

  it('a failing post-change check undoes the verified change, its reason journaled; before ran before any write', async () => {
    const state = temp();
    const c = cluster(0);
    const seen: string[] = [];
    const check: PostChangeCheck<number> = {
      name: 'detection',
      before: async () => (seen.push(`before: ${c.writes.length} writes`), c.writes.length),
      after: async (n) => (seen.push(`after: ${c.writes.length - n} writes since`), { ok: false, reason: 'no alert from the canary rule' }),
    };
    const r = await runChange({ command: 'fix', stateDir: state, maxChangesPerHour: 5, planned: planned(c.api, 'J-2'), checks: [check], emit: () => {} });
    expect(r.outcome).toBe('reverted');
    expect(r.failure).toBe('check detection: no alert from the canary rule');
    expect(seen).toEqual(['before: 0 writes', 'after: 2 writes since']);
    expect(c.text()).toBe(BEFORE);
    const annotations = (await c.api.readDaemonSet('default', 'falco')) as { spec: { template: { metadata: { annotations?: Record<string, string> } } } };
    expect(annotations.spec.template.metadata.annotations?.[RESTART_ANNOTATION]).toBeUndefined();
    expect(await logOf(state, 'J-2')).toContain('check detection failed: no alert from the canary rule');
  });
});
