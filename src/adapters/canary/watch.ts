// Waits for the canary's alert on the channels the doctor can read: the Falco container's stdout
// (docker logs since the action) and a file_output on a bind mount (what was appended since). Polls;
// the core recognises the alert (verdict.ts findAlert).
import { open, stat } from 'node:fs/promises';
import { setTimeout as pause } from 'node:timers/promises';
import type { DockerClient } from '../docker/client.js';
import { readLogs } from '../docker/logs.js';
import { findAlert, type CanaryAlert, type SeenLine } from '../../core/canary/verdict.js';
import type { Channel } from '../../core/canary/target.js';
import type { Canary } from '../../core/canary/schema.js';

const POLL_MS = 250;
const MAX_FILE_READ = 4 * 2 ** 20;

/** The size of each readable file channel before the action: only what comes after is read. */
export async function fileOffsets(channels: readonly Channel[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const c of channels)
    if (c.kind === 'file' && c.hostPath)
      out.set(
        c.hostPath,
        await stat(c.hostPath).then(
          (s) => s.size,
          () => 0,
        ),
      );
  return out;
}

export async function waitForAlert(
  docker: DockerClient,
  o: { falcoId: string; channels: readonly Channel[]; offsets: Map<string, number>; canary: Canary; marker: string; actionAtMs: number; timeoutMs: number },
): Promise<{ alert: CanaryAlert | null; logLines: string[] }> {
  // nothing readable (the core names it): the alert went only to outputs the doctor cannot see
  if (o.channels.length === 0) return { alert: null, logLines: [] };
  const deadline = o.actionAtMs + o.timeoutMs;
  let logLines: string[] = [];
  for (;;) {
    for (const ch of o.channels) {
      const lines = ch.kind === 'stdout' ? await stdoutSince(docker, o.falcoId, o.actionAtMs) : await appended(ch, o.offsets);
      if (ch.kind === 'stdout') logLines = lines.map((l) => l.text);
      const alert = findAlert(lines, o.canary, o.marker, ch.kind, o.actionAtMs);
      if (alert) return { alert, logLines };
    }
    if (Date.now() >= deadline) return { alert: null, logLines };
    await pause(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
  }
}

async function stdoutSince(docker: DockerClient, id: string, sinceMs: number): Promise<SeenLine[]> {
  const r = await readLogs(docker, id, { sinceMs: sinceMs - 1000, tty: false, maxLines: 20_000, keep: 'last' });
  return r.lines.filter((l) => l.stream === 'stdout');
}

async function appended(ch: Channel, offsets: Map<string, number>): Promise<SeenLine[]> {
  if (!ch.hostPath) return [];
  const from = offsets.get(ch.hostPath) ?? 0;
  const fh = await open(ch.hostPath, 'r').catch(() => null);
  if (!fh) return [];
  try {
    const size = (await fh.stat()).size;
    const start = size < from ? 0 : from; // rotated or truncated since: read it from the start
    const len = Math.min(size - start, MAX_FILE_READ);
    const buf = Buffer.alloc(Math.max(0, len));
    await fh.read(buf, 0, buf.length, start);
    const now = new Date().toISOString();
    return buf
      .toString('utf8')
      .split('\n')
      .filter((t) => t !== '')
      .map((text) => ({ t: now, text }));
  } finally {
    await fh.close();
  }
}
