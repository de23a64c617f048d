// Text-output drop alerts and the text hot loop (text-run.ts, text-drop.ts): whichever path reads a
// line — the general functions, textLine, or the run with a known head or drop-alert prefix — the
// drop counts, drop alerts, per-minute figures and keys must be those of parseDropAlert and
// textFields. The real upstream drop alert is the template; variants are the shapes where the fast
// paths must step aside.
import { describe, expect, it } from 'vitest';
import { EventLogScanner, parseDropAlert } from '../../../src/core/falco/index.js';
import { minuteOf, textFields } from '../../../src/core/falco/scan/line-fields.js';
import { sample } from '../helpers/fixtures.js';

const REAL_DROP = sample('drop-alert-text.txt').trim();
const REAL_ALERT = sample('alert-text-read-sensitive-file.txt').trim();
const tail = REAL_DROP.slice(REAL_DROP.indexOf(' ('));
const drop = (time: string, n: number, fields = tail.replace('n_drops="146905"', `n_drops="${n}"`), prio = 'Debug') =>
  `${time}: ${prio} Falco internal: syscall event drop. ${n} system calls dropped in last second.${fields}`;
const alert = (time: string) => REAL_ALERT.replace(/^\S+: /, `${time}: `);

const VARIANTS = [
  drop('08:01:30.000000001', 7),
  drop('08:01:30.000000002', 0),
  drop('08:01:31.000000003', 12, tail.replace('n_drops="146905"', 'n_drops="12" n_drops="99"')), // the last wins
  drop('08:01:31.000000004', 5, tail.replace('n_drops="146905"', 'n_drops=""')), // empty: the message's count
  drop('08:01:31.000000005', 5, tail.replace('n_drops="146905"', 'n_drops="1e3"')), // not digits
  drop('08:01:32.000000006', 8, tail.replace('ebpf_enabled="1"', 'ebpf_enabled="a \\"quoted\\" value"')),
  drop('08:01:32.000000007', 9, tail.replace('ebpf_enabled="1"', 'ebpf_enabled="é"')),
  drop('08:01:32.000000008', 3, tail.replace('ebpf_enabled="1"', 'ebpf_enabled="x | y"')), // a pipe within the head
  drop('08:01:33.000000009', 4, tail.replace(' (', '  (')),
  drop('08:01:33.000000010', 4, tail.replace('n_evts="355780")', 'n_evts="355780") trailing=1')),
  drop('08:01:33.000000011', 6, tail.replace('n_drops="146905"', 'n_drops=146905')), // unquoted
  drop('08:01:34.000000012', 2, ` ${'(padding) '.repeat(40)}${tail}`), // the tail's paren beyond the first 400 bytes
  drop('08:01:34.000000013', 11, tail, 'Warning'),
  drop('08:01:35.000000014', 1, tail.replace('n_drops="146905"', 'n_drops="123456789012345678"')),
  '08:01:35.000000015: Debug Falco internal: syscall event drop. many system calls dropped in last second. (n_drops="5")',
  `08:01:35.000000016: Debug Falco internal: syscall event drop. 5 system calls dropped in last second. ${tail}`,
  alert('08:01:35.000000017'),
  alert('08:01:36.000000018').replace(': Warning ', ': Warning  '),
  '08:01:36.000000019: Notice A message | é=1',
  '08:01:36.00000002x: Notice A message | bad fraction',
  '08:01:3a.000000021: Notice A message | bad clock',
  alert('08:01:37.000000022').replace(': Warning', ':XWarning'), // a known head, but not after ": "
  drop('08:01:37.000000023', 3).replace(': Debug', ':XDebug'),
  '08:01:37.1: ',
];

/** What the general functions say, line by line. */
function expected(lines: string[]) {
  const byRule: Record<string, number> = {};
  const minutes = new Map<string, { drops: number; alerts: number }>();
  let dropAlerts = 0;
  let malformed = 0;
  for (const l of lines) {
    const f = textFields(Buffer.from(l));
    if (!f) {
      malformed++;
      continue;
    }
    byRule[f.key] = (byRule[f.key] ?? 0) + 1;
    const d = f.key === 'Falco internal: syscall event drop' ? parseDropAlert(l) : null;
    if (d) dropAlerts++;
    const m = minutes.get(minuteOf(f.time)) ?? { drops: 0, alerts: 0 };
    m.alerts++;
    m.drops += d?.nDrops ?? 0;
    minutes.set(minuteOf(f.time), m);
  }
  const dropsOverTime = [...minutes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([minute, v]) => ({ minute, ...v }));
  return { byRule, dropAlerts, malformed, dropsOverTime };
}

describe('text drop alerts on every path', () => {
  it('count as parseDropAlert and textFields do, first sight or repeated, in any chunking, with LF or CRLF', () => {
    // each variant after a run of plain alerts (the hot loop is running when it comes), then all again
    const lines = [...VARIANTS.flatMap((v, i) => [alert(`08:01:2${i % 10}.1`), alert(`08:01:2${i % 10}.2`), v]), ...VARIANTS, ...VARIANTS.slice().reverse()];
    const want = expected(lines);
    expect(want.dropAlerts).toBeGreaterThan(20); // the variants do exercise the drop paths
    for (const eol of ['\n', '\r\n']) {
      const bytes = Buffer.from(`${lines.join(eol)}${eol}`);
      for (const size of [5, 333, bytes.length]) {
        const s = new EventLogScanner();
        for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
        const r = s.finish();
        expect({ byRule: r.byRule, dropAlerts: r.dropAlerts, malformed: r.malformed, dropsOverTime: r.dropsOverTime }).toEqual(want);
      }
    }
  });

  it('reads the real upstream drop alert as parseDropAlert does', () => {
    const s = new EventLogScanner();
    s.push(Buffer.from(`${[REAL_DROP, REAL_DROP, REAL_DROP].join('\n')}\n`));
    const r = s.finish();
    expect(r.dropAlerts).toBe(3);
    expect(r.dropsOverTime).toEqual([{ minute: '08:01', drops: 3 * (parseDropAlert(REAL_DROP)?.nDrops ?? NaN), alerts: 3 }]);
  });
});
