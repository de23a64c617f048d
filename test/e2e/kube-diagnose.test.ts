// diagnose --kube against the kube lab: a Kubernetes-API STAND-IN (HTTPS, bearer token, the chart's real
// DaemonSet and ConfigMap) whose three pods are Falco STAND-IN containers, driven through
// @kubernetes/client-node with a real kubeconfig file, as an operator runs the CLI. node-a (4 CPUs) takes
// bursts its two 8 MiB ring buffers cannot hold; node-b and node-c do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeLabUp, type KubeLab } from '../lab/kube/cluster.js';
import { THREE_NODES } from '../lab/kube/scenario.js';
import { containerNameOf } from '../lab/kube/pod-containers.js';
import { waitForLog } from '../lab/lab.js';
import { workloadFromHelmValues } from '../../src/core/kube/helm.js';
import type { KubeDiagnosisReport } from '../../src/core/kube/live/nodes.js';
import { runCli, CLI } from './helpers/cli.js';
import { startTmux, type TmuxSession } from './helpers/tmux.js';
import { REPO } from '../core/helpers/fixtures.js';
import { waitFor } from './helpers/wait.js';

const DROP = 'Falco internal: syscall event drop';

describe('diagnose --kube on the kube lab (API stand-in, three nodes, one dropping)', () => {
  let lab: KubeLab;
  let tui: TmuxSession | null = null;
  beforeAll(async () => {
    lab = await kubeLabUp({ nodes: THREE_NODES });
    await waitForLog(containerNameOf({ metadata: { name: lab.pods()['node-a'] } }), DROP, 30_000);
  }, 120_000);
  afterAll(async () => {
    await tui?.kill();
    await lab?.down();
  }, 60_000);

  it('names node-a first, its cause (a full ring buffer) and its fix; the two others cannot count drops (the chart turns metrics off) (--json)', async () => {
    const r = await runCli(['diagnose', '--kube', '--kubeconfig', lab.kubeconfig, '--json', '--window', '6']);
    expect(r.exitCode, r.stderr).toBe(3);
    const report = JSON.parse(r.stdout) as KubeDiagnosisReport;
    expect(report.kind).toBe('kube-diagnosis');
    expect(report.origin).toBe('lab');
    expect(report.notes.join(' ')).toMatch(/STAND-IN/);
    expect(report.cluster).toMatchObject({ context: 'kube-lab', namespace: null, selector: 'app.kubernetes.io/name=falco', metricsApi: true });
    expect(report.nodes.map((n) => [n.node, n.cpus, n.worst])).toEqual([
      ['node-a', 4, 'critical'],
      ['node-b', 16, 'warning'],
      ['node-c', 8, 'warning'],
    ]);
    // no drop alert is no proof of no drops: with the chart's metrics off, drops there are not measured
    expect(report.nodes[1]!.report!.findings.map((x) => x.code)).toContain('FD-DROP-UNMEASURED');
    const a = report.nodes[0]!.report!;
    expect(a.target.name).toBe(`default/${lab.pods()['node-a']}`);
    expect(a.target.configSource).toBe('configmap');
    const f = a.findings.find((x) => x.code === 'FD-DROP-BUFFER');
    expect(f?.cause).toBe('buffer-capacity');
    expect(f?.fixes[0]).toMatchObject({ id: 'raise-buffer-preset', refused: null, summary: 'engine.modern_ebpf.buf_size_preset: 4 → 6' });
    // measured through the API: CPU from the metrics API, throttling from cAdvisor, the node's CPUs for the buffers
    expect(a.facts['cpu.percent']).toBeGreaterThan(0);
    expect(a.facts['cpu.throttled_percent']).toBe(0);
    expect(a.facts['ringbuf.buffers']).toBe(2);
    expect(report.nodes[1]!.report!.facts['ringbuf.buffers']).toBe(8);
    expect(report.summary).toEqual({ nodes: 3, withProblems: 3, worstNode: 'node-a' });
  });

  it('prints the node table in markdown off a terminal, and says which context a bad --context is not', async () => {
    const r = await runCli(['diagnose', '--kube', '--kubeconfig', lab.kubeconfig, '--window', '3', '--fail-on', 'none']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\| node-a \| 4 \| default\/falco-\w+ \| 🔴 critical \| FD-DROP-BUFFER \|/);
    expect(r.stdout).toContain('## Node node-b');
    const bad = await runCli(['diagnose', '--kube', '--kubeconfig', lab.kubeconfig, '--context', 'prod']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--context prod: no such context in the kubeconfig (it has: kube-lab)');
    const none = await runCli(['diagnose', '--kube', '--kubeconfig', lab.kubeconfig, '--selector', 'app=nothing']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/no scheduled Falco pod matches -l app=nothing/);
  });

  it('lists the nodes on a terminal; Enter opens the worst node and its finding, Esc goes back', async () => {
    tui = await startTmux(['node', CLI, 'diagnose', '--kube', '--kubeconfig', lab.kubeconfig, '--window', '3'], { cwd: REPO, cols: 120, rows: 40 });
    // the screen is up while the pods are sampled
    await tui.waitForText('… sampling 3 pod(s) for 3 s', 30_000);
    const list = await tui.waitForText(/Falco on 3 node\(s\) of kube-lab/, 60_000);
    expect(list).toMatch(/› node-a\s+4 falco-\w+ ✖ critical\s+FD-DROP-BUFFER/);
    expect(list).toMatch(/node-b\s+16 falco-\w+ ▲ warning\s+FD-DROP-UNMEASURED/);
    expect(list).toContain('STAND-IN');
    await tui.keys('Enter');
    const node = await tui.waitForText('Findings (');
    expect(node).toMatch(/node node-a · default\/falco-\w+ · 4 CPUs/);
    await tui.keys('Enter');
    const detail = await tui.waitForText('Evidence');
    expect(detail).toContain('cause: buffer-capacity');
    expect(detail).toContain('pod spec (resources.limits.memory)');
    await tui.keys('Escape');
    await tui.keys('Escape');
    await tui.waitForText('Enter the node');
    await tui.keys('q');
    await waitFor('the TUI to exit', async () => !(await tui!.alive()), 10_000);
  });
});

describe('diagnose --kube on a cluster without metrics-server, where nodes/proxy is forbidden', () => {
  let lab: KubeLab;
  beforeAll(async () => {
    lab = await kubeLabUp({ nodes: [THREE_NODES[0]!], metricsApi: false, nodesProxy: false });
    await waitForLog(containerNameOf({ metadata: { name: lab.pods()['node-a'] } }), DROP, 30_000);
  }, 120_000);
  afterAll(() => lab?.down(), 60_000);

  it('says the metrics API is absent and reports the drops without guessing their cause', async () => {
    const r = await runCli(['diagnose', '--kube', '--kubeconfig', lab.kubeconfig, '--namespace', 'default', '--json', '--window', '3']);
    expect(r.exitCode, r.stderr).toBe(3);
    const report = JSON.parse(r.stdout) as KubeDiagnosisReport;
    expect(report.cluster.metricsApi).toBe(false);
    expect(report.notes.join(' ')).toMatch(/no metrics API/);
    const a = report.nodes[0]!.report!;
    expect(a.findings.map((f) => f.code)).toContain('FD-DROP-UNEXPLAINED');
    expect(a.findings.map((f) => f.code)).not.toContain('FD-DROP-BUFFER');
    expect(a.facts['cpu.percent']).toBeNull();
  });
});

describe('diagnose --kube with Prometheus metrics on: /metrics through the pod proxy', () => {
  let lab: KubeLab;
  beforeAll(async () => {
    // the ConfigMap's falco.yaml as the chart renders it for `--set metrics.enabled=true` (the doctor's own
    // renderer of the chart's templates, which renders the chart's defaults exactly as the real ConfigMap)
    const rendered = workloadFromHelmValues({ path: 'values.yaml', text: 'metrics:\n  enabled: true\n' }).falcoYaml?.text;
    lab = await kubeLabUp({ nodes: [THREE_NODES[0]!], falcoYaml: () => rendered ?? '' });
    await waitForLog(containerNameOf({ metadata: { name: lab.pods()['node-a'] } }), DROP, 30_000);
  }, 120_000);
  afterAll(() => lab?.down(), 60_000);

  it("counts node-a's drops with Falco's own counters, read at both ends of the window", async () => {
    expect(lab.configMapText()).toMatch(/prometheus_metrics_enabled: true/);
    const r = await runCli(['diagnose', '--kube', '--kubeconfig', lab.kubeconfig, '--json', '--window', '5']);
    expect(r.exitCode, r.stderr).toBe(3);
    const a = (JSON.parse(r.stdout) as KubeDiagnosisReport).nodes[0]!.report!;
    expect(a.facts['drops.counters']).toBe(true);
    expect(a.facts['drops.counted']).toBeGreaterThan(0);
    expect(a.findings.map((f) => f.code)).toContain('FD-DROP-BUFFER');
  });
});
