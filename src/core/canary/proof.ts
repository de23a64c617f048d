// Detection as a verification of a change: the canary before and after. A change after which a canary
// that was detected before is no longer detected has blinded Falco: the change engine undoes it (unless
// the operator accepted the loss). And the last proof as the checklist and the home screen show it.
import type { CanaryState } from './pace.js';
import type { CanaryVerdict } from './verdict.js';

/** What the change engine's post-change check returns (adapters/change): null = could not tell. */
export type CheckOutcome = { ok: true; note: string } | { ok: false; reason: string } | { ok: null; note: string };

const ms = (v: number | null) => (v === null ? 'latency unknown' : `${Math.round(v)} ms`);
const why = (v: CanaryVerdict) => v.reasons.map((r) => `${r.code}: ${r.text}`).join('; ') || 'no reason known';

/** before: the verdict before the change (null: not measured); after: the verdict after it. */
export function compareDetection(before: CanaryVerdict | null, after: CanaryVerdict | null): CheckOutcome {
  if (before === null) return { ok: null, note: 'detection not measured before the change: nothing to compare' };
  if (!before.detected)
    return { ok: null, note: `canary not detected before the change either (rule "${before.rule}": ${why(before)}): the change cannot have lost it` };
  if (after === null) return { ok: null, note: `detection not measured after the change (it was detected before by rule "${before.rule}")` };
  // the canary is picked again after the change: another rule's says nothing about this one
  if (after.rule !== before.rule)
    return {
      ok: null,
      note: `after the change the canary tripped rule "${after.rule}", not "${before.rule}": ${after.detected ? 'detected' : 'not detected'}, not compared`,
    };
  if (after.detected)
    return { ok: true, note: `detection kept: rule "${after.rule}" via ${after.channel ?? '?'}, ${ms(before.latencyMs)} before, ${ms(after.latencyMs)} after` };
  return { ok: false, reason: `detection lost: rule "${before.rule}" alerted before the change and not after (${why(after)})` };
}

/** Whether a change proves detection: --canary runs it, --no-canary does not; by default only on a
 *  terminal (a canary pages whoever the outputs reach), asked once and the answer kept (null: never asked). */
export function detectionPolicy(flag: 'on' | 'off' | 'ask', isTty: boolean, answer: 'yes' | 'no' | null): 'run' | 'skip' | 'ask' {
  if (flag === 'on') return 'run';
  if (flag === 'off' || !isTty || answer === 'no') return 'skip';
  return answer === 'yes' ? 'run' : 'ask';
}

/** The proof a verdict leaves in the state dir (canary.json), beside when and what fired it. */
export function proofOf(v: CanaryVerdict): Pick<CanaryState, 'detected' | 'channel' | 'latencyMs' | 'reasons'> {
  return { detected: v.detected, channel: v.channel, latencyMs: v.latencyMs, reasons: v.reasons.map((r) => `${r.code}: ${r.text}`) };
}

export interface ProofView {
  /** one line: "proven 12 min ago: rule … via stdout, 84 ms" */
  line: string;
  /** detected, not detected, or never run (null) */
  detected: boolean | null;
}

function ago(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'just now';
  const min = Math.round(ms / 60_000);
  if (min < 1) return `${Math.max(1, Math.round(ms / 1000))} s ago`;
  if (min < 120) return `${min} min ago`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
}

/** The last canary as one line; for the checklist's evidence and the home screen. */
export function proofView(s: CanaryState | null, nowMs: number): ProofView {
  if (!s) return { detected: null, line: 'never proven: falco-doctor canary fires one' };
  const when = ago(nowMs - Date.parse(s.lastAt));
  const where = s.target ? ` on ${s.target}` : '';
  if (s.detected === null) return { detected: null, line: `not proven: the last canary (${when}${where}) did not finish` };
  if (s.detected) return { detected: true, line: `proven ${when}${where}: rule "${s.rule}" via ${s.channel ?? '?'}, ${ms(s.latencyMs)} (${s.by})` };
  return { detected: false, line: `NOT detected ${when}${where}: rule "${s.rule}"${s.reasons.length ? ` — ${s.reasons.join('; ')}` : ''} (${s.by})` };
}
