// The one undo dispatcher (src/adapters/change/undo.ts, behind `rollback`, home's u and the history
// screen) routes by the entry's kind: a Kubernetes change is undone through the cluster it was made on
// and never reaches Docker. The entry is the schema-1 fixture an older doctor wrote, read from a real
// journal folder: an operator's existing journal still rolls back. The cluster is an in-memory API
// that records every write (test/e2e/kube-fix.test.ts undoes against the kube lab's API stand-in).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeApi } from '../../src/adapters/kube/client.js';
import type { Connections } from '../../src/adapters/change/kind.js';
import { DEFAULT_TIMINGS } from '../../src/adapters/change/session.js';
import { rollback } from '../../src/commands/rollback.js';
import { openJournal } from '../../src/adapters/journal/journal.js';
import { RESTART_ANNOTATION, templateFields } from '../../src/core/kube/live/patch.js';
import { REPO } from '../core/helpers/fixtures.js';
import { tempDirs } from './helpers/temp-dirs.js';

const temp = tempDirs('fd-undo-');
const V1 = path.join(REPO, 'test/fixtures/journal-v1');
const KUBE_V1 = '20261201T091000000Z-raise-buffer-preset-3c4d';
const fixture = JSON.parse(readFileSync(path.join(V1, `${KUBE_V1}.json`), 'utf8')) as { kube: { configMap: { before: string; after: string } } };

/** The cluster as the change left it: the ConfigMap's falco.yaml and the template's annotation changed. */
function changedCluster(server = 'https://k') {
  let configMap: Record<string, unknown> = {
    metadata: { name: 'falco', resourceVersion: '7' },
    data: { 'falco.yaml': fixture.kube.configMap.after, other: 'kept' },
  };
  let daemonSet: Record<string, unknown> = {
    metadata: { name: 'falco', generation: 2 },
    spec: { template: { metadata: { annotations: { [RESTART_ANNOTATION]: KUBE_V1 } }, spec: { containers: [{ name: 'falco', resources: {} }] } } },
    status: { observedGeneration: 2, desiredNumberScheduled: 1, updatedNumberScheduled: 1, numberAvailable: 1 },
  };
  const writes: string[] = [];
  const api = {
    context: 'prod',
    server,
    readConfigMap: async () => structuredClone(configMap),
    replaceConfigMap: async (_ns: string, name: string, body: unknown) => {
      writes.push(`ConfigMap ${name}`);
      configMap = body as Record<string, unknown>;
      return body;
    },
    readDaemonSet: async () => structuredClone(daemonSet),
    replaceDaemonSet: async (_ns: string, name: string, body: unknown) => {
      writes.push(`DaemonSet ${name}`);
      daemonSet = {
        ...(body as Record<string, unknown>),
        status: { observedGeneration: 3, desiredNumberScheduled: 1, updatedNumberScheduled: 1, numberAvailable: 1 },
      };
      (daemonSet['metadata'] as { generation: number }).generation = 3;
      return daemonSet;
    },
  } as unknown as KubeApi;
  return { api, writes, configMap: () => configMap, daemonSet: () => daemonSet };
}

function journalWithV1(): string {
  const state = temp();
  mkdirSync(path.join(state, 'journal'), { recursive: true, mode: 0o700 });
  copyFileSync(path.join(V1, `${KUBE_V1}.json`), path.join(state, 'journal', `${KUBE_V1}.json`));
  return state;
}

function connections(api: KubeApi, asked: string[]): Connections {
  return {
    docker: () => {
      throw new Error('Docker was reached for a Kubernetes change');
    },
    kube: async (t) => {
      asked.push(`${t.kubeconfig ?? '-'} ${t.context}`);
      return api;
    },
    timings: DEFAULT_TIMINGS,
  };
}

describe('the one undo, by kind', () => {
  it('rollback --last of a schema-1 Kubernetes entry restores the ConfigMap key and the template through the recorded context, without Docker', async () => {
    const state = journalWithV1();
    const cluster = changedCluster();
    const asked: string[] = [];
    const r = await rollback(connections(cluster.api, asked), { id: null, last: true, stateDir: state, timings: DEFAULT_TIMINGS }, () => {});
    expect(r.ok).toBe(true);
    expect(asked).toEqual(['/home/ops/.kube/config prod']);
    expect(cluster.writes).toEqual(['ConfigMap falco', 'DaemonSet falco']);
    expect(cluster.configMap()['data']).toEqual({ 'falco.yaml': fixture.kube.configMap.before, other: 'kept' });
    expect(templateFields(cluster.daemonSet(), 'falco').annotation).toBeNull();
    // the entry is rewritten as schema 2, rolled back
    const onDisk = JSON.parse(readFileSync(path.join(state, 'journal', `${KUBE_V1}.json`), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ schemaVersion: 2, state: 'rolled-back', target: { kind: 'kube', daemonSet: 'falco' }, change: { kind: 'kube-patch' } });
    expect((await (await openJournal(state)).list()).map((e) => e.state)).toEqual(['rolled-back']);
  });

  it('refuses, writing nothing, when the recorded context now points at another cluster', async () => {
    const state = journalWithV1();
    const cluster = changedCluster('https://elsewhere');
    await expect(rollback(connections(cluster.api, []), { id: KUBE_V1, last: false, stateDir: state, timings: DEFAULT_TIMINGS }, () => {})).rejects.toThrow(
      'context prod now points at https://elsewhere, the change was made on https://k: nothing restored',
    );
    expect(cluster.writes).toEqual([]);
  });
});
