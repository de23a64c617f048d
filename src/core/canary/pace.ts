// At most one canary per few minutes: each one sends an alert to whatever the operator's outputs
// reach (a pager, Slack through falcosidekick), so a loop or an impatient operator must not page
// the on-call engineer again and again. --force overrides it. The same record keeps the last proof
// (what the checklist and the home screen show); the operator's consent has a file of its own.
import { z } from 'zod';

export const CANARY_MIN_INTERVAL_MS = 3 * 60_000;

export const CanaryStateSchema = z.object({
  lastAt: z.string(),
  marker: z.string(),
  rule: z.string(),
  /** null: fired, the verdict not yet in (the run died, or it is still waiting) */
  detected: z.boolean().nullable(),
  /** the Falco container it proved, the channel and the latency of the alert */
  target: z.string().nullable().default(null),
  channel: z.enum(['stdout', 'file']).nullable().default(null),
  latencyMs: z.number().nullable().default(null),
  /** why it was not detected, one line each (core/canary/verdict.ts) */
  reasons: z.array(z.string()).default([]),
  /** what fired it: the canary command, or a change's verification ("fix raise-cpu-limit, after") */
  by: z.string().default('canary'),
});

/** The operator's answer to canaries around changes (<state dir>/canary-consent.json), asked once on a
 *  terminal and kept: yes, changes prove detection without asking; no, they do not (--canary still does).
 *  Off a terminal only --canary turns them on. */
export const CanaryConsentSchema = z.object({ at: z.string(), by: z.string(), answer: z.enum(['yes', 'no']).default('yes') });
export type CanaryConsent = z.infer<typeof CanaryConsentSchema>;
export type CanaryState = z.infer<typeof CanaryStateSchema>;

/** null when a canary may fire now, else why not (with how long to wait). */
export function paceRefusal(last: Pick<CanaryState, 'lastAt' | 'marker'> | null, nowMs: number, force: boolean): string | null {
  if (!last || force) return null;
  const ago = nowMs - Date.parse(last.lastAt);
  if (!Number.isFinite(ago) || ago < 0 || ago >= CANARY_MIN_INTERVAL_MS) return null;
  const wait = Math.ceil((CANARY_MIN_INTERVAL_MS - ago) / 1000);
  return `a canary fired ${Math.round(ago / 1000)} s ago (${last.marker}); at most one per ${CANARY_MIN_INTERVAL_MS / 60_000} minutes, next in ${wait} s`;
}
