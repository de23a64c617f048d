// A live Falco pod as the API would give it, from the chart's rendered DaemonSet template, with the real
// 0.42.1 startup and drop-alert lines of ../shared/fixtures/falco/samples as its log (timestamps added).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { PodReadings, UsageReading } from '../../../src/core/kube/live/pod-snapshot.js';
import { FIXTURES_DIR, sample } from '../helpers/fixtures.js';

export const K = path.join(FIXTURES_DIR, '../kubernetes/deploy-kubernetes');
const doc = (f: string) => parseAllDocuments(readFileSync(path.join(K, f), 'utf8'))[0]?.toJS() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export const T0 = Date.parse('2026-11-23T08:14:00Z');

export function pod(over: { restartCount?: number; lastState?: unknown } = {}) {
  const ds = doc('daemonset.yaml');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...ds.spec.template.metadata,
      name: 'falco-x7k2p',
      namespace: 'default',
      uid: 'u-1',
      ownerReferences: [{ kind: 'DaemonSet', name: 'falco', controller: true }],
    },
    spec: { ...ds.spec.template.spec, nodeName: 'node-a', restartPolicy: 'Always' },
    status: {
      podIP: '10.244.1.7',
      containerStatuses: [
        {
          name: 'falco',
          ready: true,
          restartCount: over.restartCount ?? 0,
          state: { running: { startedAt: '2026-11-23T08:14:08Z' } },
          lastState: over.lastState ?? {},
        },
      ],
    },
  };
}
const node = (cpus: number) => ({
  metadata: { name: 'node-a' },
  status: { capacity: { cpu: String(cpus), memory: '16384000Ki' }, nodeInfo: { kernelVersion: '6.8.0' } },
});

/** "<RFC3339Nano> line" as the API gives pod logs with timestamps=true */
const stamped = (text: string, at: number) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l, i) => `${new Date(at + i).toISOString().replace('Z', '000000Z')} ${l}`)
    .join('\n');

export function podReadings(over: Partial<PodReadings> & { cpus?: number } = {}): PodReadings {
  const usage: UsageReading[] = [0, 1, 2, 3, 4, 5].map((i) => ({
    t: T0 + i * 2000,
    cpuCores: 0.06,
    memoryBytes: 60 * 2 ** 20,
    cfs: { periods: 100 * i, throttledPeriods: 0, throttledSeconds: 0, cpuSeconds: null, workingSetBytes: null },
  }));
  return {
    context: 'prod',
    pod: pod(),
    node: node(over.cpus ?? 4),
    configText: String(doc('configmap.yaml').data['falco.yaml']),
    readErrors: [],
    metricsApi: true,
    usage,
    logs: {
      startup: stamped(sample('startup-log.txt'), T0),
      window: stamped(sample('drop-alert-text.txt'), T0 + 5000),
      sinceMs: T0 - 300_000,
      truncated: false,
    },
    webserver: {
      url: 'pod-proxy://default/falco-x7k2p:8765',
      healthz: { status: 200, body: '{"status":"ok"}' },
      metricsStart: null,
      metricsEnd: null,
      error: null,
    },
    window: { start: T0, end: T0 + 10_000 },
    toolVersion: 'test',
    lab: false,
    ...over,
  };
}
