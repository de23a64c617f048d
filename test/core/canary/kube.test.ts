// canary --kube's core on the real chart (9.1.0 rendered: its DaemonSet pod, its ConfigMap's falco.yaml):
// the rule judged without the rules files (the API cannot show falcoctl's emptyDir), the channel the pod log
// is, the canary pod's manifest, the pod status the adapter waits on, and the per-node report and exit code.
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../src/core/diagnosis/context.js';
import { snapshotOfPod } from '../../../src/core/kube/live/pod-snapshot.js';
import { canaryTarget, pickCanary } from '../../../src/core/canary/target.js';
import { configReasons, judge } from '../../../src/core/canary/verdict.js';
import { canaryPod, canaryPodStatus } from '../../../src/core/canary/kube-pod.js';
import { formatKubeCanary, kubeCanaryExit, type KubeCanaryReport, type NodeCanary } from '../../../src/core/canary/kube-report.js';
import { argvWithMarker, type Canary } from '../../../src/core/canary/schema.js';
import { podReadings } from '../kube/live-fixtures.js';
import { SHIPPED } from './helpers.js';

const canary = SHIPPED[0] as Canary;
const RULE = 'Read sensitive file untrusted';

/** The chart's pod and ConfigMap, its falco.yaml with edits, as canary --kube reads them. */
function kubeContext(edits: [string[], unknown][] = []) {
  const r = podReadings();
  const doc = parseDocument(r.configText ?? '');
  for (const [p, v] of edits) doc.setIn(p, v);
  return buildContext(snapshotOfPod({ ...r, configText: doc.toString() }));
}

describe('canary --kube: the rule and the channel from the ConfigMap alone', () => {
  it("the chart's config: rules unread (not 'not loaded'), the canary still picked, stdout = the pod log, file_output named unreadable", () => {
    const ctx = kubeContext([[['file_output', 'enabled'], true]]);
    const t = pickCanary(ctx, SHIPPED);
    expect(t.canary.id).toBe('read-sensitive-file');
    expect(t.rule).toMatchObject({ state: 'unread', why: expect.stringContaining('emptyDir') });
    expect(configReasons(t)).toEqual([]);
    expect(t.channels.map((c) => c.kind)).toEqual(['stdout']);
    expect(t.unreadable).toContain('file_output ./events.txt: a file on the node, which the Kubernetes API does not serve');
    // missed: the unread rules are named as the gap, nothing is claimed about them
    const v = judge(t, { marker: 'm', actionAtMs: 0, timeoutMs: 8000, alert: null, drops: null });
    expect(v.reasons.map((x) => x.code)).toEqual(['buffered', 'rules-unread']);
  });

  it("disabled by name in the ConfigMap's rules: selection (a wildcard too); re-enabled by a later entry; a tag entry cannot decide", () => {
    const off = configReasons(canaryTarget(kubeContext([[['rules'], [{ disable: { rule: 'Read sensitive*' } }]]]), canary));
    expect(off).toEqual([{ code: 'disabled', text: `rule "${RULE}" is disabled by falco.yaml rules: disable rule "Read sensitive*"` }]);
    const back = canaryTarget(kubeContext([[['rules'], [{ disable: { rule: 'Read*' } }, { enable: { rule: RULE } }]]]), canary);
    expect(back.rule.state).toBe('unread');
    expect(canaryTarget(kubeContext([[['rules'], [{ disable: { tag: 'T1555' } }]]]), canary).rule.state).toBe('unread');
  });

  it('below the priority minimum, from the priority the canary entry records for its rule', () => {
    const r = configReasons(canaryTarget(kubeContext([[['priority'], 'error']]), canary));
    expect(r).toEqual([{ code: 'below-priority', text: `rule "${RULE}" has priority Warning, below the configured priority minimum error` }]);
  });
});

describe('canary --kube: the pod', () => {
  const argv = argvWithMarker(canary, 'falco-doctor-canary-abc123');
  const pod = canaryPod({
    name: 'falco-doctor-canary-abc123',
    namespace: 'falco',
    node: 'worker-3',
    image: 'docker.io/falcosecurity/falco:0.44.1',
    argv,
    files: canary.files,
    tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
  }) as { metadata: Record<string, unknown>; spec: Record<string, unknown> & { containers: Record<string, unknown>[]; volumes: unknown[] } };

  it("pinned to the node, Falco's image, the argv as command, never restarted, no token, tight limits, labelled", () => {
    expect(pod.metadata).toMatchObject({ name: 'falco-doctor-canary-abc123', namespace: 'falco', labels: { 'falco-doctor.canary': '1' } });
    expect(pod.spec).toMatchObject({
      nodeName: 'worker-3',
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      activeDeadlineSeconds: 30,
      tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
    });
    expect(pod.spec.containers[0]).toMatchObject({
      image: 'docker.io/falcosecurity/falco:0.44.1',
      command: ['/bin/cat', '/etc/shadow', '/falco-doctor-canary-abc123'],
      resources: { limits: { cpu: '200m', memory: '32Mi' } },
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    });
  });

  it("the argv's files come from the pod's own annotations (downwardAPI), mounted at their paths", () => {
    expect(pod.metadata['annotations']).toEqual({ 'falco-doctor.canary/file-0': '' });
    expect(pod.spec.containers[0]?.['volumeMounts']).toEqual([{ name: 'canary-files', mountPath: '/etc/shadow', subPath: 'file-0', readOnly: true }]);
    expect(pod.spec.volumes).toEqual([
      {
        name: 'canary-files',
        downwardAPI: { defaultMode: 0o444, items: [{ path: 'file-0', fieldRef: { fieldPath: "metadata.annotations['falco-doctor.canary/file-0']" } }] },
      },
    ]);
  });

  it('its status: pending, then ended with the exit code and the start (whole seconds, as the API gives it)', () => {
    expect(canaryPodStatus({ status: { phase: 'Pending' } })).toEqual({ phase: 'Pending', exitCode: null, startedAtMs: null, done: false });
    const ended = { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 1, startedAt: '2026-12-07T08:00:01Z' } } }] };
    expect(canaryPodStatus({ status: ended })).toEqual({ phase: 'Failed', exitCode: 1, startedAtMs: Date.parse('2026-12-07T08:00:01Z'), done: true });
  });
});

describe('canary --kube: the per-node report', () => {
  const verdict = (detected: boolean) => ({
    detected,
    rule: RULE,
    canary: 'read-sensitive-file',
    marker: 'falco-doctor-canary-x',
    channel: detected ? ('stdout' as const) : null,
    latencyMs: detected ? 180 : null,
    deliveryMs: detected ? 190 : null,
    reasons: detected ? [] : [{ code: 'disabled' as const, text: `rule "${RULE}" is disabled by falco.yaml rules: disable rule "${RULE}"` }],
  });
  const fired = (node: string, detected: boolean): NodeCanary => ({
    status: 'fired',
    node,
    namespace: 'falco',
    falcoPod: `falco-${node}`,
    canaryPod: 'falco-doctor-canary-x',
    target: `falco/falco-${node}`,
    firedAt: '2026-12-07T08:00:01.000Z',
    timeoutMs: 20_000,
    actionExit: 1,
    drops: null,
    verdict: verdict(detected),
  });
  const report = (nodes: NodeCanary[]): KubeCanaryReport => ({ schemaVersion: 1, context: 'prod', server: 'https://k', nodes });
  const down: NodeCanary = { status: 'untested', node: 'c', namespace: 'falco', falcoPod: 'falco-c', why: 'Falco is not running in it (exited)' };

  it('exit 0 only when detected on every node; 3 when one missed it; 5 when a node could not be tested and none missed', () => {
    expect(kubeCanaryExit(report([fired('a', true), fired('b', true)]))).toBe(0);
    expect(kubeCanaryExit(report([fired('a', true), fired('b', false), down]))).toBe(3);
    expect(kubeCanaryExit(report([fired('a', true), down]))).toBe(5);
  });

  it('the text names each node, its canary pod and where the alert was read, and why a node was missed or skipped', () => {
    const text = formatKubeCanary(report([fired('a', true), fired('b', false), down]));
    expect(text).toContain('canary on 3 node(s) of prod (https://k): detected on 1');
    expect(text).toContain("node a (Falco pod falco/falco-a), canary pod falco-doctor-canary-x pinned to the node; the alert read from the Falco pod's log");
    expect(text).toContain('detected: rule "Read sensitive file untrusted" via stdout, latency 180 ms');
    expect(text).toContain(`  - disabled: rule "${RULE}" is disabled by falco.yaml rules: disable rule "${RULE}"`);
    expect(text).toContain('node c (Falco pod falco/falco-c): not tested: Falco is not running in it (exited)');
  });
});
