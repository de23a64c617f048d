// At most one canary per few minutes: each one sends an alert to whatever the operator's outputs
// reach (a pager, Slack through falcosidekick), so a loop or an impatient operator must not page
// the on-call engineer again and again. --force overrides it.
import { z } from 'zod';

export const CANARY_MIN_INTERVAL_MS = 3 * 60_000;

export const CanaryStateSchema = z.object({
  lastAt: z.string(),
  marker: z.string(),
  rule: z.string(),
  detected: z.boolean().nullable(),
});
export type CanaryState = z.infer<typeof CanaryStateSchema>;

/** null when a canary may fire now, else why not (with how long to wait). */
export function paceRefusal(last: CanaryState | null, nowMs: number, force: boolean): string | null {
  if (!last || force) return null;
  const ago = nowMs - Date.parse(last.lastAt);
  if (!Number.isFinite(ago) || ago < 0 || ago >= CANARY_MIN_INTERVAL_MS) return null;
  const wait = Math.ceil((CANARY_MIN_INTERVAL_MS - ago) / 1000);
  return `a canary fired ${Math.round(ago / 1000)} s ago (${last.marker}); at most one per ${CANARY_MIN_INTERVAL_MS / 60_000} minutes, next in ${wait} s`;
}
