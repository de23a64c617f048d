import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanFile } from '../../../src/adapters/files/scan-file.js';
import { EventLogScanner } from '../../../src/core/falco/index.js';
import { REPO_ROOT, sample } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'falco-doctor-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface TrueCounts {
  bytes: number;
  lines: number;
  alerts: number;
  dropAlerts: number;
  drops: number;
  byRule: Record<string, number>;
  byPriority: Record<string, number>;
  firstTime: string;
  lastTime: string;
  minutes: number;
}

function generate(format: 'json' | 'text', mb: number): { file: string; counts: TrueCounts } {
  const file = join(dir, `events.${format}`);
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/gen-event-log.mjs'), '--mb', String(mb), '--format', format, '--out', file], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return { file, counts: JSON.parse(r.stdout) as TrueCounts };
}

describe('scanFile on a generated ~50 MB log', () => {
  for (const format of ['json', 'text'] as const) {
    it(`${format}: counts match the generator's`, async () => {
      const { file, counts } = generate(format, 50);
      expect(statSync(file).size).toBe(counts.bytes);
      expect(counts.bytes).toBeGreaterThan(50 * 1024 * 1024);
      const r = await scanFile(file);
      expect(r).toMatchObject({
        lines: counts.lines,
        alerts: counts.alerts,
        dropAlerts: counts.dropAlerts,
        malformed: 0,
        format,
        firstTime: counts.firstTime,
        lastTime: counts.lastTime,
      });
      expect(r.byRule).toEqual(counts.byRule);
      expect(r.byPriority).toEqual(counts.byPriority);
      expect(r.dropsOverTime).toHaveLength(counts.minutes);
      expect(r.dropsOverTime.reduce((s, m) => s + m.drops, 0)).toBe(counts.drops);
      expect(r.dropsOverTime.reduce((s, m) => s + m.alerts, 0)).toBe(counts.alerts);
    }, 60_000);
  }
});

describe('EventLogScanner', () => {
  const lines = [
    sample('alert-json-read-sensitive-file.json').trim(),
    sample('drop-alert.json').trim(),
    sample('metrics-snapshot.json').trim(),
    sample('alert-text-read-sensitive-file.txt').trim(),
    sample('drop-alert-text.txt').trim(),
    'Mon Nov 23 08:14:08 2026: Falco version: 0.42.1 (x86_64)',
    '',
  ];
  const text = `${lines.join('\r\n')}\n`;

  it('gives the same result whatever the chunking (byte by byte, odd sizes, one chunk)', () => {
    const bytes = Buffer.from(text);
    const results = [1, 7, 64, bytes.length].map((size) => {
      const s = new EventLogScanner();
      for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
      return s.finish();
    });
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toEqual({
      lines: 6,
      alerts: 5,
      byRule: {
        'Read sensitive file untrusted': 1,
        'Falco internal: syscall event drop': 2,
        'Falco internal: metrics snapshot': 1,
        'Sensitive file opened for reading by non-trusted program': 1,
      },
      byPriority: { Warning: 2, Debug: 2, Informational: 1 },
      dropAlerts: 2,
      dropsOverTime: [
        { minute: '08:01', drops: 146905, alerts: 2 },
        { minute: '2026-11-23T08:00', drops: 275160, alerts: 1 },
        { minute: '2026-11-23T08:14', drops: 0, alerts: 2 },
      ],
      firstTime: '2026-11-23T08:14:15.525692877Z',
      lastTime: '08:01:26.057270124',
      falcoLines: 1, // the startup line: Falco's own log line, not malformed
      malformed: 0,
      format: 'mixed',
    });
  });

  it('does not keep the chunk it was given, and handles a last line without newline', () => {
    const s = new EventLogScanner();
    const chunk = Buffer.from(sample('drop-alert.json').trim());
    s.push(chunk);
    chunk.fill(0x20); // caller reuses its buffer
    expect(s.finish()).toMatchObject({ alerts: 1, dropAlerts: 1, format: 'json' });
    expect(new EventLogScanner().finish()).toMatchObject({ lines: 0, format: 'empty', firstTime: null });
  });

  it('escaped quotes in rule names', () => {
    const s = new EventLogScanner();
    s.push(Buffer.from('{"output":"x","priority":"Notice","rule":"A \\"quoted\\" rule","time":"2026-01-01T00:00:00Z"}\n'));
    expect(s.finish().byRule).toEqual({ 'A "quoted" rule': 1 });
  });

  it('counts an absurdly long line as one malformed line without buffering it all', () => {
    const s = new EventLogScanner();
    const block = Buffer.alloc(4 * 1024 * 1024, 0x61);
    for (let i = 0; i < 6; i++) s.push(block);
    s.push(Buffer.from('\n'));
    s.push(Buffer.from(`${sample('drop-alert.json').trim()}\n`));
    expect(s.finish()).toMatchObject({ lines: 2, malformed: 1, dropAlerts: 1 });
  });
});

describe('scanFile on small files', () => {
  it('reads a file written from the samples', async () => {
    const f = join(dir, 'small.json');
    writeFileSync(f, `${sample('drop-alert.json').trim()}\n${sample('alert-json-read-sensitive-file.json').trim()}\n`);
    expect(await scanFile(f)).toMatchObject({ lines: 2, alerts: 2, dropAlerts: 1, format: 'json' });
  });
});

describe('lines Falco writes that are not alerts (issue #13)', () => {
  it("JSON with spaces after separators is an alert; the shutdown summary and log lines are Falco's own, not malformed", () => {
    const spaced = JSON.stringify(JSON.parse(sample('alert-json-read-sensitive-file.json')), null, 0)
      .replace(/","/g, '", "')
      .replace(/":"/g, '": "');
    expect(spaced).toContain('"rule": "');
    const summary = sample('shutdown-summary-with-drops.stdout.txt') + sample('shutdown-summary-with-drops.stderr.txt');
    const s = new EventLogScanner();
    s.push(Buffer.from(`${spaced}\n${sample('drop-alert.json').trim()}\n${summary}`));
    const r = s.finish();
    const summaryLines = summary.split('\n').filter((l) => l.trim() !== '').length;
    expect(r).toMatchObject({ alerts: 2, dropAlerts: 1, falcoLines: summaryLines, malformed: 0 });
    expect(r.byRule['Read sensitive file untrusted']).toBe(1);
  });
});
