// canary --kube: runs the canary's argv once in a short-lived pod pinned to the node (core/canary/kube-pod.ts
// builds it), waits for it to end, and deletes it (by its name: no other pod is touched). A pod an
// interrupted run left behind is swept first: ours by label, in the Falco pod's namespace.
import { setTimeout as pause } from 'node:timers/promises';
import { errorMessage } from '../../core/errors.js';
import { canaryPod, canaryPodStatus, CANARY_POD_DEADLINE_S, type CanaryPodInput } from '../../core/canary/kube-pod.js';
import { CANARY_LABEL } from '../../core/canary/schema.js';
import { apiStatus, type KubeApi } from '../kube/client.js';

const POLL_MS = 250;

export interface PodFired {
  /** when the container started: the API's startedAt (second precision), not before the create request */
  startedAtMs: number;
  exitCode: number | null;
  /** the pod did not end within its deadline (the kubelet kills it; we delete it) */
  stuck: boolean;
  /** why the pod could not be deleted (the next canary sweeps it), or null */
  leftBehind: string | null;
}

export async function fireCanaryPod(api: KubeApi, p: CanaryPodInput): Promise<PodFired> {
  await sweepCanaryPods(api, p.namespace);
  const createdAtMs = Date.now();
  await api.createPod(p.namespace, canaryPod(p));
  let fired: PodFired | undefined;
  try {
    fired = await waitForEnd(api, p, createdAtMs);
  } finally {
    const left = await deleteQuietly(api, p.namespace, p.name);
    if (fired) fired.leftBehind = left;
  }
  return fired;
}

async function waitForEnd(api: KubeApi, p: CanaryPodInput, createdAtMs: number): Promise<PodFired> {
  const deadline = createdAtMs + (CANARY_POD_DEADLINE_S + 5) * 1000;
  for (;;) {
    const s = canaryPodStatus(await api.readPod(p.namespace, p.name));
    // startedAt is whole seconds: the second it names began up to 1 s before the action
    const startedAtMs = Math.max(createdAtMs, s.startedAtMs ?? createdAtMs);
    if (s.done) return { startedAtMs, exitCode: s.exitCode, stuck: false, leftBehind: null };
    if (Date.now() >= deadline) return { startedAtMs, exitCode: null, stuck: true, leftBehind: null };
    await pause(POLL_MS);
  }
}

/** Canary pods of an interrupted run (Ctrl-C between create and delete): found by our label. */
export async function sweepCanaryPods(api: KubeApi, namespace: string): Promise<string[]> {
  const left = await api.listPods(namespace, `${CANARY_LABEL}=1`).catch(() => []);
  const names = left.map((o) => String((o as { metadata?: { name?: string } }).metadata?.name ?? '')).filter(Boolean);
  for (const n of names) await deleteQuietly(api, namespace, n);
  return names;
}

/** null once the pod is gone (already gone counts), else why it is still there. */
async function deleteQuietly(api: KubeApi, namespace: string, name: string): Promise<string | null> {
  return api.deletePod(namespace, name).then(
    () => null,
    (e: unknown) => (apiStatus(e) === 404 ? null : `canary pod ${namespace}/${name} was not deleted (${errorMessage(e)}): the next canary removes it`),
  );
}
