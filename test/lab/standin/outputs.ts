// Falco STAND-IN (falco-doctor lab), not Falco: falco_outputs::handle_msg for internal alerts
// ("Falco internal: syscall event drop", "... metrics snapshot", "... hot restart failure").
// Formats follow the real samples in shared/fixtures/falco/samples: JSON keys sorted (nlohmann),
// output_fields sorted, text as `HH:MM:SS.nnnnnnnnn: <Priority> <msg> (k=v ...)`.
import os from 'node:os';
import { nowNs } from './log.js';

export const PRIORITIES = ['Emergency', 'Alert', 'Critical', 'Error', 'Warning', 'Notice', 'Informational', 'Debug'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A field value as Falco prints it: strings quoted, integers bare, doubles with one decimal. */
export type FieldValue = string | { int: number | bigint } | { double: number };

export interface OutputSettings {
  jsonOutput: boolean;
  stdoutEnabled: boolean;
  minPriority: Priority;
  timeIso8601: boolean;
  /** stdout in 4 KiB blocks (no -U, and buffered_outputs: true) */
  buffered: boolean;
}

export const outputSettings: OutputSettings = {
  jsonOutput: false,
  stdoutEnabled: true,
  minPriority: 'Debug',
  timeIso8601: false,
  buffered: false,
};

function scalar(v: FieldValue, json: boolean): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if ('int' in v) return String(v.int);
  return Number.isFinite(v.double) ? v.double.toFixed(1) : json ? 'null' : '0.0';
}

function clock(ns: bigint): { text: string; iso: string } {
  const ms = Number(ns / 1_000_000n);
  const frac = String(ns % 1_000_000_000n).padStart(9, '0');
  const d = new Date(ms);
  const hms = [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  const isoUtc = `${d.toISOString().slice(0, 19)}.${frac}Z`;
  return { text: `${hms}.${frac}`, iso: isoUtc };
}

export function formatInternalAlert(
  priority: Priority,
  message: string,
  rule: string,
  fields: Record<string, FieldValue>,
  settings: OutputSettings = outputSettings,
  ns: bigint = nowNs(),
): string {
  const keys = Object.keys(fields).sort();
  const t = clock(ns);
  if (settings.jsonOutput) {
    const body = keys.map((k) => `${JSON.stringify(k)}:${scalar(fields[k] as FieldValue, true)}`).join(',');
    return (
      `{"hostname":${JSON.stringify(os.hostname())},"output":${JSON.stringify(message)},` +
      `"output_fields":{${body}},"priority":"${priority}","rule":${JSON.stringify(rule)},` +
      `"source":"internal","time":"${t.iso}"}`
    );
  }
  const when = settings.timeIso8601 ? t.iso.replace('Z', '+0000') : t.text;
  const pairs = keys.map((k) => `${k}=${scalar(fields[k] as FieldValue, false)}`).join(' ');
  return `${when}: ${priority} ${message}${pairs ? ` (${pairs})` : ''}`;
}

// Falco writes outputs through stdio: on a pipe (docker logs) glibc buffers them in blocks unless
// outputs are unbuffered (-U, or from 0.44 buffered_outputs: false; load_config.cpp@0.44.0:73-76).
const STDIO_BLOCK = 4096;
let pending = Buffer.alloc(0);

/** Emits to stdout when stdout_output is on and the alert passes the `priority` threshold. */
export function emitInternalAlert(priority: Priority, message: string, rule: string, fields: Record<string, FieldValue>): void {
  if (!outputSettings.stdoutEnabled) return;
  if (PRIORITIES.indexOf(priority) > PRIORITIES.indexOf(outputSettings.minPriority)) return;
  const line = `${formatInternalAlert(priority, message, rule, fields)}\n`;
  if (!outputSettings.buffered) return void process.stdout.write(line);
  pending = Buffer.concat([pending, Buffer.from(line)]);
  while (pending.length >= STDIO_BLOCK) {
    process.stdout.write(pending.subarray(0, STDIO_BLOCK));
    pending = pending.subarray(STDIO_BLOCK);
  }
}

/** What is still in the buffer (exit flushes stdio). */
export function flushOutputs(): void {
  if (pending.length > 0) process.stdout.write(pending);
  pending = Buffer.alloc(0);
}
