// canary --kube on the kube lab (a Kubernetes-API STAND-IN served over HTTPS to @kubernetes/client-node)
// whose one node's Falco pod runs REAL Falco 0.42.1 (test/lab/kube/real-falco.ts): the canary pod the
// doctor creates becomes a real container, real Falco sees its `cat /etc/shadow` and the alert lands in the
// Falco pod's log, which the doctor reads through the API. Nothing here is simulated but the API server
// and kubelet; skipped, with the reason printed, where the real Falco image is not beside the repo.
// Run under /tmp/falco-doctor-docker.lock (real Falco sees the whole machine: one at a time).
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { kubeLabUp, type KubeLab } from '../lab/kube/cluster.js';
import { containerNameOf } from '../lab/kube/pod-containers.js';
import { kubeconfigText, selfSignedCertificate } from '../lab/kube/kubeconfig.js';
import { docker } from '../lab/docker-cli.js';
import { realFalcoUnavailable } from '../lab/real/image.js';
import type { KubeCanaryReport } from '../../src/core/canary/kube-report.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/fix-lab.js';

const unavailable = realFalcoUnavailable();
if (unavailable) console.log(`kube canary e2e skipped: ${unavailable}`);

const RULE = 'Read sensitive file untrusted';
const ONE_NODE = [{ name: 'node-a', cpus: 2, memoryGiB: 8, load: {} }];

describe.skipIf(unavailable !== null)('canary --kube: kube lab (API stand-in) with REAL Falco 0.42.1 as the node’s Falco pod', () => {
  let lab: KubeLab | null = null;
  afterEach(async () => {
    await lab?.down();
    lab = null;
  }, 120_000);
  const canary = async (extra: string[]) => {
    const state = tempDir('kube-canary-state');
    const r = await runCli(['canary', '--kube', '--kubeconfig', lab!.kubeconfig, '--json', '--state-dir', state, ...extra]);
    return { ...r, report: r.stdout ? (JSON.parse(String(r.stdout)) as KubeCanaryReport) : null };
  };
  const leftovers = async () => (await docker(['ps', '-a', '-q', '--filter', 'label=falco-doctor.canary=1'])).trim();
  const falcoLog = async (node: string) => {
    const r = await execa('docker', ['logs', containerNameOf({ metadata: { name: lab!.pods()[node] } })], { reject: false });
    return `${String(r.stdout)}\n${String(r.stderr)}`;
  };

  it('detected on the node: the pod pinned by nodeName, the alert in that node’s Falco pod log, nothing left behind', async () => {
    lab = await kubeLabUp({ nodes: ONE_NODE, falco: 'real', dir: tempDir('kube-canary-lab') });
    // off a terminal without --yes nothing is created in the cluster
    const refused = await canary([]);
    expect(refused.exitCode).toBe(2);
    expect(String(refused.stderr)).toContain('--yes');
    expect(lab.clientPods().created).toEqual([]);
    // a node without a Falco pod is a usage error
    expect((await canary(['--yes', '--node', 'node-z'])).exitCode).toBe(2);

    const r = await canary(['--yes', '--node', 'node-a', '--timeout', '20s']);
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const n = r.report!.nodes[0]!;
    expect(r.report!.nodes).toHaveLength(1);
    expect(n).toMatchObject({ status: 'fired', node: 'node-a', falcoPod: lab.pods()['node-a'], actionExit: 1 });
    if (n.status !== 'fired') throw new Error('not fired');
    expect(n.verdict).toMatchObject({ detected: true, rule: RULE, channel: 'stdout', reasons: [] });
    expect(n.verdict.latencyMs).not.toBeNull();
    console.log(`canary --kube on real Falco 0.42.1: latency ${n.verdict.latencyMs} ms, in the pod log after ${n.verdict.deliveryMs} ms`);

    // the pod as the API server received it: pinned to the node, short-lived, unprivileged, labelled
    const [pod] = lab.clientPods().created;
    expect(lab.clientPods().created).toHaveLength(1);
    expect(pod?.metadata).toMatchObject({ name: n.canaryPod, namespace: 'default', labels: { 'falco-doctor.canary': '1' } });
    expect(pod?.spec).toMatchObject({ nodeName: 'node-a', restartPolicy: 'Never', automountServiceAccountToken: false });
    expect(pod?.spec.containers[0]).toMatchObject({
      image: 'falco-doctor-lab/falco:0.42.1',
      command: ['/bin/cat', '/etc/shadow', `/${n.verdict.marker}`],
      resources: { limits: { cpu: '200m', memory: '32Mi' } },
    });
    // the alert really is in that node's Falco pod log, with this run's marker
    expect(await falcoLog('node-a')).toMatch(
      new RegExp(`Sensitive file opened for reading by non-trusted program .*command=cat /etc/shadow /${n.verdict.marker}`),
    );
    // deleted afterwards: no pod in the API, no container on the machine
    expect(lab.clientPods().present).toEqual([]);
    expect(await leftovers()).toBe('');
  }, 400_000);

  it("the rule disabled in the ConfigMap's falco.yaml rules: selection: not detected, exit 3, 'disabled' named", async () => {
    lab = await kubeLabUp({
      nodes: ONE_NODE,
      falco: 'real',
      dir: tempDir('kube-canary-off'),
      falcoYaml: (t) => `${t}\nrules:\n  - disable:\n      rule: ${RULE}\n`,
    });
    const r = await canary(['--yes', '--timeout', '8s']);
    expect(r.exitCode, String(r.stderr)).toBe(3);
    const n = r.report!.nodes[0]!;
    if (n.status !== 'fired') throw new Error(`not fired: ${JSON.stringify(n)}`);
    expect(n.verdict.detected).toBe(false);
    expect(n.verdict.reasons[0]).toMatchObject({ code: 'disabled', text: expect.stringContaining(`rules: disable rule "${RULE}"`) });
    // real Falco really stayed silent: the action ran (cat's exit 1 on the missing marker file), no alert
    expect(n.actionExit).toBe(1);
    expect(await falcoLog('node-a')).not.toContain(n.verdict.marker);
    expect(await leftovers()).toBe('');
  }, 400_000);
});

describe('canary --kube with no API server answering', () => {
  it('exits 5 (unreachable) and creates nothing', async () => {
    const dir = tempDir('kube-canary-noapi');
    const kubeconfig = path.join(dir, 'kubeconfig');
    // a port nothing listens on (1 is privileged and unused here)
    fs.writeFileSync(kubeconfig, kubeconfigText('https://127.0.0.1:1', 'token', selfSignedCertificate(dir).cert), { mode: 0o600 });
    const r = await runCli(['canary', '--kube', '--kubeconfig', kubeconfig, '--yes', '--json', '--state-dir', dir]);
    expect(r.exitCode, String(r.stderr)).toBe(5);
    expect(String(r.stderr)).toContain('cannot list pods');
    expect(String(r.stdout)).toBe('');
  });
});
