// fix --kube passes the Docker fix's guards before it journals anything: the circuit breaker (which
// counts the Kubernetes changes too) and an unfinished transaction. The command runs for real (plan,
// preview, lock, journal in a temp state dir, the adapter's writes and rollout wait, the re-measure) on
// the chart's rendered DaemonSet, ConfigMap and a pod made from them (test/core/kube/live-fixtures.ts),
// behind an in-memory API that records every write. test/e2e/kube-fix.test.ts drives the same command
// against the kube lab's API stand-in.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KubeApi } from '../../src/adapters/kube/client.js';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import { kubeFixOn, type KubeFixArgs } from '../../src/commands/kube/fix.js';
import type { KubeRun } from '../../src/commands/kube/run.js';
import { runChange } from '../../src/adapters/change/engine.js';
import type { PlannedChange } from '../../src/adapters/change/kind.js';
import { diagnoseNodes } from '../../src/core/kube/live/nodes.js';
import { snapshotOfPod } from '../../src/core/kube/live/pod-snapshot.js';
import type { Catalogue } from '../../src/core/runbook/load.js';
import { K, T0, podReadings } from '../core/kube/live-fixtures.js';
import { REPO } from '../core/helpers/fixtures.js';

const yamlDoc = (f: string) => parseAllDocuments(readFileSync(path.join(K, f), 'utf8'))[0]?.toJS() as Record<string, unknown>;

/** The API as the kube fix uses it: the DaemonSet and ConfigMap kept in memory, every write counted,
 *  a rollout that completes at once, and the pod, node and log the re-measure reads. */
function memoryCluster() {
  const readings = podReadings();
  let daemonSet: Record<string, unknown> = {
    ...yamlDoc('daemonset.yaml'),
    metadata: { name: 'falco', namespace: 'default', generation: 1, uid: 'ds-uid' },
    status: { observedGeneration: 1, desiredNumberScheduled: 1, updatedNumberScheduled: 1, numberAvailable: 1 },
  };
  let configMap = yamlDoc('configmap.yaml');
  const writes: string[] = [];
  const api: KubeApi = {
    context: 'prod',
    server: 'https://k',
    defaultNamespace: 'default',
    listPods: async () => [readings.pod],
    readNode: async () => readings.node,
    createPod: () => Promise.reject(new Error('the fix guards create no pod')),
    readPod: () => Promise.reject(new Error('the fix guards read no pod')),
    deletePod: () => Promise.reject(new Error('the fix guards delete no pod')),
    readConfigMap: async () => structuredClone(configMap),
    replaceConfigMap: async (_ns, name, body) => {
      writes.push(`ConfigMap ${name}`);
      configMap = body as Record<string, unknown>;
      return body;
    },
    readDaemonSet: async () => structuredClone(daemonSet),
    replaceDaemonSet: async (_ns, name, body) => {
      writes.push(`DaemonSet ${name}`);
      const generation = Number((daemonSet['metadata'] as { generation: number }).generation) + 1;
      const status = { observedGeneration: generation, desiredNumberScheduled: 1, updatedNumberScheduled: 1, numberAvailable: 1 };
      daemonSet = { ...(body as Record<string, unknown>), metadata: { ...(body as { metadata: object }).metadata, generation }, status };
      return daemonSet;
    },
    podLog: async (_ns, _pod, q) => (q.limitBytes ? readings.logs.startup : ''),
    metricsApiPresent: async () => false,
    podMetrics: async () => null,
    podProxy: async () => '{"status":"ok"}',
    nodeProxy: async () => Promise.reject(new Error('nodes/proxy is forbidden')),
  };
  return { api, writes };
}

let catalogue: Catalogue;
let state: string;
const out: string[] = [];
beforeAll(async () => {
  catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
});
beforeEach(() => {
  state = mkdtempSync(path.join(os.tmpdir(), 'fd-kube-guards-'));
  out.length = 0;
  const keep = (s: string | Uint8Array) => (out.push(String(s)), true);
  vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  vi.spyOn(process.stderr, 'write').mockImplementation(keep);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(state, { recursive: true, force: true });
});

/** node-a's diagnosis (a full ring buffer: raise-buffer-preset applies), made with this cluster's API. */
function diagnosed(api: KubeApi): KubeRun {
  const d = diagnoseNodes(
    { context: 'prod', server: 'https://k', namespace: null, selector: 'app.kubernetes.io/name=falco', metricsApi: false },
    [{ node: 'node-a', namespace: 'default', pod: 'falco-x7k2p', snapshot: snapshotOfPod(podReadings()), error: null }],
    catalogue,
    { toolVersion: 'test', thresholds: {}, only: [], now: new Date(T0) },
  );
  return { ...d, api, catalogue };
}

const args = (maxChangesPerHour: number): KubeFixArgs => ({
  fixId: 'raise-buffer-preset',
  container: null,
  settleSeconds: 10,
  canary: 'off',
  acceptDetectionLoss: false,
  noColor: true,
  kube: { kubeconfig: null, context: null, namespace: null, selector: null },
  node: null,
  yes: true,
  stateDir: state,
  maxChangesPerHour,
  windowSeconds: 1,
  lookbackSeconds: 60,
  thresholds: {},
  runbooks: [],
  reloadTimeoutSeconds: 1,
  format: 'markdown',
});

const journalFiles = async () => (await readdir(path.join(state, 'journal'))).sort();

describe('fix --kube: the guards of every change', () => {
  it('a Kubernetes change counts for the breaker: with a limit of 1 the next one is refused before any write or journal entry', async () => {
    const first = memoryCluster();
    const done = await kubeFixOn(diagnosed(first.api), 'raise-buffer-preset', args(1));
    expect(first.writes).toEqual(['ConfigMap falco', 'DaemonSet falco']);
    expect(done.journalId).not.toBeNull();
    const journaled = await journalFiles();
    expect(journaled).toHaveLength(1);

    // a cluster as before the change (say, changed back by hand): without the breaker it would be changed again
    const second = memoryCluster();
    await expect(kubeFixOn(diagnosed(second.api), 'raise-buffer-preset', args(1))).rejects.toThrow(
      /^circuit breaker: 1 changes applied in the last hour \(limit 1\)/,
    );
    expect(second.writes).toEqual([]);
    expect(await journalFiles()).toEqual(journaled);

    // a Docker change goes through the same engine and guard: the Kubernetes change counts there too,
    // and the guard comes before the change reads anything of its target
    const untouched = new Proxy({} as PlannedChange<'docker'>, {
      get: () => {
        throw new Error('the planned change was touched before the breaker refused it');
      },
    });
    await expect(runChange({ command: 'fix raise-buffer-preset', stateDir: state, maxChangesPerHour: 1, planned: untouched, emit: () => {} })).rejects.toThrow(
      /^circuit breaker: 1 changes/,
    );
  });

  it('an unfinished transaction (its process died mid-change) refuses the next Kubernetes change until it is undone', async () => {
    const first = memoryCluster();
    const { journalId } = await kubeFixOn(diagnosed(first.api), 'raise-buffer-preset', args(10));
    // what a SIGKILL between the ConfigMap and the DaemonSet write leaves (test/e2e/kube-fix.test.ts): the intent
    const file = path.join(state, 'journal', `${journalId}.json`);
    const entry = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...entry, state: 'intent', finishedAt: null }));

    const second = memoryCluster();
    await expect(kubeFixOn(diagnosed(second.api), 'raise-buffer-preset', args(10))).rejects.toThrow(
      `transaction ${journalId} (raise-buffer-preset) did not finish (its process died)`,
    );
    expect(second.writes).toEqual([]);
    expect(await journalFiles()).toEqual([`${journalId}.json`]);
  });
});
