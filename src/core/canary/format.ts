// The canary's report as text and JSON: detected (rule, channel, latency) or not, with the reasons.
import type { CanaryVerdict } from './verdict.js';

export interface CanaryReport {
  schemaVersion: 1;
  target: string;
  firedAt: string;
  timeoutMs: number;
  /** the action's exit code in its throwaway container (cat fails on the missing marker file: 1) */
  actionExit: number | null;
  drops: number | null;
  /** whether Falco was seen counting events before the action (its /metrics); a Falco still loading its
   *  probe after a reload sees nothing, so a miss then says little; absent on Kubernetes (not waited for) */
  capture?: 'counting' | 'not-counting' | 'unreadable';
  verdict: CanaryVerdict;
}

const ms = (v: number | null) => (v === null ? 'unknown' : `${Math.round(v)} ms`);

export function formatCanary(r: CanaryReport): string {
  const v = r.verdict;
  const head = `canary ${v.canary} on ${r.target} at ${r.firedAt} (marker ${v.marker})`;
  if (v.detected)
    return `${head}\ndetected: rule "${v.rule}" via ${v.channel}, latency ${ms(v.latencyMs)} (action → alert time), on the channel after ${ms(v.deliveryMs)}\n`;
  const secs = Math.round(r.timeoutMs / 100) / 10;
  return `${head}\nNOT detected within ${secs} s: rule "${v.rule}"\n${v.reasons.map((x) => `  - ${x.code}: ${x.text}`).join('\n')}\n`;
}
