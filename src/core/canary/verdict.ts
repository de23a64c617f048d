// Did the canary's alert arrive, and if not, why not. Pure: the adapter hands in the lines it read after
// the action and Falco's drop counters over the window; the target's configuration (target.ts) gives the
// reasons known before firing, the window gives the rest (buffered outputs, drops).
import { parseAlertLine } from '../falco/parse/alert.js';
import type { CanaryTarget, Channel } from './target.js';
import type { Canary } from './schema.js';

export interface SeenLine {
  /** when the channel received the line (Docker's log timestamp, or when the file was read), ISO */
  t: string;
  text: string;
}

export interface CanaryAlert {
  channel: Channel['kind'];
  line: string;
  /** the alert's own timestamp (the event's time), ms since the epoch */
  alertAtMs: number | null;
  /** when the channel had it (Docker's log timestamp) */
  seenAtMs: number | null;
}

export type ReasonCode = 'rules-unread' | 'not-loaded' | 'disabled' | 'below-priority' | 'syscall-missing' | 'no-channel' | 'buffered' | 'dropped' | 'unknown';

export interface Reason {
  code: ReasonCode;
  text: string;
}

export interface CanaryVerdict {
  detected: boolean;
  rule: string;
  canary: string;
  marker: string;
  channel: Channel['kind'] | null;
  /** action → the alert's own timestamp */
  latencyMs: number | null;
  /** action → the line on the channel (what an operator's pipeline waits for) */
  deliveryMs: number | null;
  reasons: Reason[];
}

/** The canary's alert among the lines: its rule (JSON) or its output's start (text), and this run's marker. */
export function findAlert(lines: readonly SeenLine[], c: Canary, marker: string, channel: Channel['kind'], actionAtMs: number): CanaryAlert | null {
  for (const l of lines) {
    if (!l.text.includes(marker)) continue;
    const a = parseAlertLine(l.text);
    if (!a || !(a.rule === c.alert.rule || a.output.startsWith(c.alert.output_prefix))) continue;
    const seen = Date.parse(l.t);
    return { channel, line: l.text, alertAtMs: alertTime(a.time, actionAtMs), seenAtMs: Number.isFinite(seen) ? seen : null };
  }
  return null;
}

/** Falco prints an ISO time, or (time_format_iso_8601 off) the time of day in UTC: that day is the
 *  action's, or the next or previous one when the action sat near midnight. */
export function alertTime(t: string | null, actionAtMs: number): number | null {
  if (t === null) return null;
  if (t.includes('T')) {
    const ms = Date.parse(t.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/(\.\d{3})\d+/, '$1'));
    return Number.isFinite(ms) ? ms : null;
  }
  const m = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(t);
  if (!m) return null;
  const day = new Date(actionAtMs);
  const base = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), Number(m[1]), Number(m[2]), Number(m[3]));
  const ms = base + Math.round(Number(`0${m[4] ?? ''}`) * 1000);
  const DAY = 86_400_000;
  return [ms - DAY, ms, ms + DAY].reduce((best, x) => (Math.abs(x - actionAtMs) < Math.abs(best - actionAtMs) ? x : best));
}

/** What the configuration says before the canary fires: each of these alone stops the alert. */
export function configReasons(t: CanaryTarget): Reason[] {
  const out: Reason[] = [];
  const r = t.rule;
  if (r.state === 'not-loaded') out.push({ code: 'not-loaded', text: `rule "${t.canary.rule}" is not loaded (no rules file defines it)` });
  if (r.state === 'disabled') out.push({ code: 'disabled', text: `rule "${t.canary.rule}" is disabled by ${r.by}` });
  if (r.state === 'below-priority')
    out.push({
      code: 'below-priority',
      text: `rule "${t.canary.rule}" has priority ${r.rule?.priority ?? t.canary.alert.priority}, below the configured priority minimum ${r.minimum}`,
    });
  for (const s of t.missingSyscalls) out.push({ code: 'syscall-missing', text: `syscall ${s.name} is not traced: ${s.why}` });
  if (t.channels.length === 0)
    out.push({
      code: 'no-channel',
      text: `no output the doctor can read: stdout_output is off and no file_output is on a bind mount${t.unreadable.length ? ` (${t.unreadable.join('; ')})` : ''}`,
    });
  return out;
}

export interface Window {
  marker: string;
  actionAtMs: number;
  timeoutMs: number;
  alert: CanaryAlert | null;
  /** Falco's drop counters' increase over the window; null: not measured */
  drops: number | null;
}

export function judge(t: CanaryTarget, w: Window): CanaryVerdict {
  const base = { rule: t.canary.rule, canary: t.canary.id, marker: w.marker };
  if (w.alert)
    return {
      ...base,
      detected: true,
      channel: w.alert.channel,
      latencyMs: w.alert.alertAtMs === null ? null : Math.max(0, w.alert.alertAtMs - w.actionAtMs),
      deliveryMs: w.alert.seenAtMs === null ? null : Math.max(0, w.alert.seenAtMs - w.actionAtMs),
      reasons: [],
    };
  const reasons = configReasons(t);
  const secs = `${Math.round(w.timeoutMs / 100) / 10} s`;
  if (t.buffered.buffered && t.channels.length > 0)
    reasons.push({ code: 'buffered', text: `outputs are block-buffered (${t.buffered.why}): the alert may still sit in Falco's buffer; run Falco with -U` });
  if (t.rule.state === 'unread') reasons.push({ code: 'rules-unread', text: `whether rule "${t.canary.rule}" is loaded was not measured: ${t.rule.why}` });
  if (w.drops !== null && w.drops > 0)
    reasons.push({ code: 'dropped', text: `Falco dropped ${w.drops} events during the ${secs} window: the canary's may be among them` });
  if (reasons.length === 0)
    reasons.push({
      code: 'unknown',
      text: `no alert within ${secs} and nothing in the configuration explains it${w.drops === null ? ' (drop counters not readable)' : ''}`,
    });
  return { ...base, detected: false, channel: null, latencyMs: null, deliveryMs: null, reasons };
}
