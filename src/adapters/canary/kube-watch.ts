// canary --kube: waits for the canary's alert in the node's Falco pod log (the API's log endpoint, with
// timestamps, from the second before the action). Polls; the core recognises the alert (verdict.ts findAlert).
import { setTimeout as pause } from 'node:timers/promises';
import { findAlert, type CanaryAlert } from '../../core/canary/verdict.js';
import { logLines } from '../../core/kube/live/pod-snapshot.js';
import type { Canary } from '../../core/canary/schema.js';
import type { KubeApi } from '../kube/client.js';

const POLL_MS = 500;
const MAX_LINES = 20_000;

export interface PodLogWatch {
  namespace: string;
  pod: string;
  container: string;
  canary: Canary;
  marker: string;
  actionAtMs: number;
  timeoutMs: number;
  /** false: Falco writes no output the API can show (stdout off): nothing to wait for */
  readable: boolean;
}

export async function waitForPodAlert(api: KubeApi, w: PodLogWatch): Promise<{ alert: CanaryAlert | null; logLines: string[] }> {
  if (!w.readable) return { alert: null, logLines: [] };
  const deadline = w.actionAtMs + w.timeoutMs;
  let lines: string[] = [];
  for (;;) {
    const sinceSeconds = Math.max(1, Math.ceil((Date.now() - w.actionAtMs) / 1000) + 1);
    const text = await api.podLog(w.namespace, w.pod, { container: w.container, sinceSeconds, tailLines: MAX_LINES });
    const seen = logLines(text).filter((l) => l.t === '' || Date.parse(l.t) >= w.actionAtMs - 1000);
    lines = seen.map((l) => l.text);
    const alert = findAlert(seen, w.canary, w.marker, 'stdout', w.actionAtMs);
    if (alert) return { alert, logLines: lines };
    if (Date.now() >= deadline) return { alert: null, logLines: lines };
    await pause(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
  }
}
