// diagnose --kube's core, on the real manifests: a pod made from the chart's rendered DaemonSet template
// (as the DaemonSet controller makes it), its ConfigMap, a Node, the real 0.42.1 startup and drop-alert
// lines of ../shared/fixtures/falco/samples as a pod log; the snapshot it becomes, the runbooks' verdict,
// and the node ordering.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configMapRefOf, podStateOf } from '../../../src/core/kube/live/pod-spec.js';
import { snapshotOfPod, type PodReadings } from '../../../src/core/kube/live/pod-snapshot.js';
import { diagnoseNodes } from '../../../src/core/kube/live/nodes.js';
import { cfsCountersOf } from '../../../src/core/kube/live/cadvisor.js';
import { SnapshotSchema } from '../../../src/core/snapshot.js';
import { readCatalogue } from '../../../src/adapters/catalogue-files.js';
import { REPO } from '../helpers/fixtures.js';
import { T0, pod, podReadings } from './live-fixtures.js';

const readings = podReadings;

describe('a live Falco pod as a snapshot (chart 9.1.0 rendered with its defaults)', () => {
  it('reads limits, command, the ConfigMap entry and the node size the way the runbooks need them', () => {
    const s = SnapshotSchema.parse(snapshotOfPod(readings({ cpus: 16 })));
    expect(s.target.limits).toMatchObject({ nanoCpus: 1e9, memoryBytes: 1024 * 2 ** 20 });
    expect(s.target.cmd).toEqual(['/usr/bin/falco']);
    expect(s.target.envNames).toEqual(['HOST_ROOT', 'FALCO_HOSTNAME', 'FALCO_K8S_NODE_NAME']);
    expect(s.falco.configSource).toBe('configmap');
    expect(s.falco.configFiles[0]?.path).toBe('/etc/falco/falco.yaml');
    expect(s.kube).toMatchObject({
      context: 'prod',
      namespace: 'default',
      pod: 'falco-x7k2p',
      node: 'node-a',
      configMap: { name: 'falco', key: 'falco.yaml', subPath: true },
    });
    expect(s.kube?.controller).toEqual({ kind: 'DaemonSet', name: 'falco' });
    expect(s.host.cpus).toBe(16);
    expect(s.target.mounts.find((m) => m.destination === '/etc/falco/falco.yaml')).toEqual({
      type: 'configMap',
      source: 'falco',
      destination: '/etc/falco/falco.yaml',
      rw: true,
    });
    // the log's own timestamps, both streams in one
    expect(s.logs.startup[0]?.text).toMatch(/Falco version: 0\.42\.1/);
    expect(s.logs.startup[0]?.t).toMatch(/^2026-11-23T08:14:00\.000\d+Z$/);
  });

  it('takes the OOM kill from the last termination and the restarts from the container status', () => {
    const p = pod({ restartCount: 4, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } } });
    expect(podStateOf(p, 'falco')).toMatchObject({ running: true, restartCount: 4, oomKilled: true, exitCode: 137 });
    expect(configMapRefOf(p)).toEqual({ name: 'falco', key: 'falco.yaml', subPath: true });
  });

  it('the same runbooks name a full ring buffer on the dropping node (the real drop alert, CPU at 6 %, not throttled)', async () => {
    const catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
    const clear = readings({ logs: { ...readings().logs, window: '' } });
    const d = diagnoseNodes(
      { context: 'prod', server: 'https://k', namespace: null, selector: 'app.kubernetes.io/name=falco', metricsApi: true },
      [
        { node: 'node-b', namespace: 'default', pod: 'falco-b', snapshot: snapshotOfPod({ ...clear, cpus: 16 } as PodReadings), error: null },
        { node: 'node-a', namespace: 'default', pod: 'falco-x7k2p', snapshot: snapshotOfPod(readings()), error: null },
        { node: 'node-c', namespace: 'default', pod: 'falco-c', snapshot: null, error: 'pods "falco-c" is forbidden' },
      ],
      catalogue,
      { toolVersion: 'test', thresholds: {}, only: [], now: new Date(T0) },
    );
    // the samples' startup log is Falco 0.42.1's, the chart's falco.yaml 0.44.1's: the lint says which keys
    // 0.42.1 does not read (a warning on every node), and 0.42.1 without -U block-buffers its outputs (info)
    expect(d.report.nodes.map((n) => [n.node, n.worst])).toEqual([
      ['node-a', 'critical'],
      ['node-c', 'unreadable'],
      ['node-b', 'warning'],
    ]);
    const a = d.report.nodes[0]?.report;
    expect(a?.findings.map((f) => f.code)).toEqual(['FD-DROP-BUFFER', 'FD-CONF-UNKNOWN-KEY', 'FD-DROP-LATE']);
    // node-b: no drop alert and the chart's metrics off: drops not measured (issue 19), not "no drops"
    expect(d.report.nodes[2]?.report?.findings.map((f) => f.code)).toEqual(['FD-CONF-UNKNOWN-KEY', 'FD-DROP-UNMEASURED', 'FD-DROP-LATE']);
    expect(a?.findings[1]?.explanation).toMatch(/0\.42\.1/);
    expect(a?.findings[0]?.fixes[0]).toMatchObject({ id: 'raise-buffer-preset', refused: null, summary: 'engine.modern_ebpf.buf_size_preset: 4 → 6' });
    // evidence names where each figure came from on Kubernetes
    expect(a?.findings[0]?.evidence.find((e) => e.fact === 'cpu.throttled_percent')?.source).toMatch(/cAdvisor/);
    expect(a?.findings[0]?.evidence.find((e) => e.fact === 'mem.limit_bytes')?.source).toBe('pod spec (resources.limits.memory)');
    expect(d.report.summary).toEqual({ nodes: 3, withProblems: 3, worstNode: 'node-a' });
  });

  it('without the cAdvisor counters (nodes/proxy forbidden) the drop is reported, its cause not guessed', async () => {
    const catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
    const r = readings();
    const s = snapshotOfPod({ ...r, usage: r.usage.map((u) => ({ ...u, cfs: null })) });
    expect(s.kube?.throttling).toBe('unknown');
    const d = diagnoseNodes(
      { context: 'prod', server: 'https://k', namespace: null, selector: 's', metricsApi: true },
      [{ node: 'node-a', namespace: 'default', pod: 'p', snapshot: s, error: null }],
      catalogue,
      {
        toolVersion: 'test',
        thresholds: {},
        only: [],
        now: new Date(T0),
      },
    );
    const f = d.report.nodes[0]?.report?.findings ?? [];
    expect(f.map((x) => x.code)).toEqual(['FD-DROP-UNEXPLAINED', 'FD-CONF-UNKNOWN-KEY', 'FD-DROP-LATE']);
    expect(d.report.nodes[0]?.report?.facts['cpu.throttled_percent']).toBeNull();
  });

  it("without the metrics API, CPU and memory come from cAdvisor's counters; with neither they stay unknown", () => {
    const r = readings();
    const viaCadvisor = r.usage.map((u, i) => ({
      ...u,
      cpuCores: null,
      memoryBytes: null,
      cfs: { ...u.cfs!, cpuSeconds: 100 + i * 0.5, workingSetBytes: 70 * 2 ** 20 },
    }));
    const s = snapshotOfPod({ ...r, metricsApi: false, usage: viaCadvisor });
    // 0.5 CPU-seconds every 2 s: a quarter of a core, from the second reading on
    expect(s.samples.slice(1).map((x) => x.cpuPercent)).toEqual([25, 25, 25, 25, 25]);
    expect(s.samples[0]?.memUsageBytes).toBe(70 * 2 ** 20);
    const blind = snapshotOfPod({ ...r, metricsApi: false, usage: r.usage.map((u) => ({ ...u, cpuCores: null, memoryBytes: null, cfs: null })) });
    expect(blind.samples).toEqual([]);
  });

  it('reads the CFS counters of one container from cAdvisor text', () => {
    const text = [
      '# TYPE container_cpu_cfs_periods_total counter',
      'container_cpu_cfs_periods_total{container="falco",namespace="default",pod="falco-x7k2p"} 1200',
      'container_cpu_cfs_periods_total{container="falcoctl-artifact-follow",namespace="default",pod="falco-x7k2p"} 99',
      'container_cpu_cfs_throttled_periods_total{container="falco",namespace="default",pod="falco-x7k2p"} 300',
      'container_cpu_cfs_throttled_seconds_total{container="falco",namespace="default",pod="falco-x7k2p"} 4.5',
    ].join('\n');
    expect(cfsCountersOf(text, { namespace: 'default', name: 'falco-x7k2p', container: 'falco' })).toEqual({
      periods: 1200,
      throttledPeriods: 300,
      throttledSeconds: 4.5,
      cpuSeconds: null,
      workingSetBytes: null,
    });
    expect(cfsCountersOf(text, { namespace: 'default', name: 'other', container: 'falco' })).toBeNull();
  });
});
