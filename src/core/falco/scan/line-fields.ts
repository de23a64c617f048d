// Byte-level field extraction for one file_output line, so that the scanner never JSON.parses
// ordinary alerts. Falco writes the top-level JSON keys after `output`/`output_fields`
// (hostname, output, output_fields, priority, rule, source, tags, time — fixtures/falco/samples),
// so searching from the end finds the top-level keys, never text inside the output.
import { PRIORITIES } from '../parse/alert.js';

const RULE = Buffer.from('"rule":"');
const PRIORITY = Buffer.from('"priority":"');
const TIME = Buffer.from('"time":"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The JSON string value after `marker` (searched from the end), decoded; null when absent. */
export function jsonStringField(line: Buffer, marker: Buffer): string | null {
  const at = line.lastIndexOf(marker, line.length);
  if (at < 0) return null;
  const from = at + marker.length;
  let i = from;
  let escaped = false;
  while (i < line.length) {
    const b = line[i];
    if (b === QUOTE) break;
    if (b === BACKSLASH) {
      escaped = true;
      i++;
    }
    i++;
  }
  if (i >= line.length) return null;
  const raw = line.toString('utf8', from, i);
  return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
}

export interface JsonFields {
  rule: string | null;
  priority: string | null;
  time: string | null;
}

export function jsonFields(line: Buffer): JsonFields {
  const fast = { rule: jsonStringField(line, RULE), priority: jsonStringField(line, PRIORITY), time: jsonStringField(line, TIME) };
  if (fast.rule !== null && fast.priority !== null) return fast;
  // JSON written with spaces after its separators ("rule": "…", as jq or a log shipper re-emits it):
  // rare, so parsed in full.
  try {
    const o = JSON.parse(line.toString('utf8')) as Record<string, unknown>;
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    return { rule: str(o['rule']), priority: str(o['priority']), time: str(o['time']) };
  } catch {
    return fast;
  }
}

const TEXT_HEAD = new RegExp(
  `^(\\d{2}:\\d{2}:\\d{2}\\.\\d+|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?): (${PRIORITIES.join('|')}) `,
);

export interface TextFields {
  time: string;
  priority: string;
  /** Output message up to " | " or " (" (text output has no rule name). */
  key: string;
}

export function textFields(line: Buffer): TextFields | null {
  const head = line.toString('utf8', 0, Math.min(line.length, 400));
  const m = TEXT_HEAD.exec(head);
  if (!m) return null;
  const rest = head.slice(m[0].length);
  let end = rest.indexOf(' | ');
  if (end < 0) end = rest.indexOf(' (');
  if (end < 0) end = Math.min(rest.length, 120);
  let key = rest.slice(0, end).trim();
  if (key.startsWith('Falco internal: syscall event drop')) key = 'Falco internal: syscall event drop';
  else if (key.startsWith('Falco metrics snapshot')) key = 'Falco internal: metrics snapshot';
  return { time: m[1] as string, priority: m[2] as string, key };
}

/** Minute bucket: "2026-11-23T08:14" for ISO times, "08:14" for HH:MM:SS.ns times. */
export function minuteOf(time: string): string {
  return /^\d{4}-/.test(time) ? time.slice(0, 16) : time.slice(0, 5);
}
