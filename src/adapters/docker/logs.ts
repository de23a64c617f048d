// Container logs since a time, split into lines with Docker's timestamps. Non-TTY containers send a
// multiplexed stream: 8-byte frame headers (stream id, size) before each chunk.
import type { DockerClient } from './client.js';
import type { LogLine } from '../../core/snapshot.js';

export interface LogRead {
  lines: LogLine[];
  truncated: boolean;
}

export async function readLogs(
  docker: DockerClient,
  id: string,
  opts: { sinceMs: number; untilMs?: number; tty: boolean; maxLines: number; keep: 'first' | 'last' },
): Promise<LogRead> {
  const buf = (await docker.getContainer(id).logs({
    stdout: true,
    stderr: true,
    timestamps: true,
    follow: false,
    since: Math.floor(opts.sinceMs / 1000),
    ...(opts.untilMs ? { until: Math.ceil(opts.untilMs / 1000) } : {}),
  })) as unknown as Buffer;
  const chunks = opts.tty ? [{ stream: 'stdout' as const, text: buf.toString('utf8') }] : demux(buf);
  const lines: LogLine[] = [];
  for (const c of chunks) {
    for (const raw of c.text.split('\n')) {
      if (raw === '') continue;
      const sp = raw.indexOf(' ');
      const t = sp > 0 ? raw.slice(0, sp) : '';
      if (Date.parse(t) < opts.sinceMs - 1000) continue;
      lines.push({ stream: c.stream, t, text: sp > 0 ? raw.slice(sp + 1) : raw });
    }
  }
  lines.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  const truncated = lines.length > opts.maxLines;
  if (!truncated) return { lines, truncated };
  return {
    lines: opts.keep === 'first' ? lines.slice(0, opts.maxLines) : lines.slice(-opts.maxLines),
    truncated,
  };
}

export function demux(buf: Buffer): { stream: 'stdout' | 'stderr'; text: string }[] {
  const out: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const pending = { stdout: '', stderr: '' };
  let off = 0;
  while (off + 8 <= buf.length) {
    const kind = buf[off] === 2 ? 'stderr' : 'stdout';
    const size = buf.readUInt32BE(off + 4);
    pending[kind] += buf.subarray(off + 8, off + 8 + size).toString('utf8');
    off += 8 + size;
  }
  for (const stream of ['stdout', 'stderr'] as const) if (pending[stream]) out.push({ stream, text: pending[stream] });
  return out;
}
