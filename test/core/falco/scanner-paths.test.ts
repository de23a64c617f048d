// The scanner reads a line one of three ways (a known tail or head matched by memcmp, the offset
// fast path, the general path); whichever it takes, the counts must be those of the general
// functions in line-fields.ts. Lines are repeated so that the cached spans are used, and varied
// where the fast paths must step aside.
import { describe, expect, it } from 'vitest';
import { EventLogScanner } from '../../../src/core/falco/index.js';
import { jsonFields, textFields } from '../../../src/core/falco/scan/line-fields.js';

const json = (rule: string, priority: string, time: string, tail = '"source":"syscall","tags":["a","b"]') =>
  `{"hostname":"vm","output":"x | y","output_fields":{"evt.time":1},"priority":"${priority}","rule":"${rule}",${tail},"time":"${time}"}`;

const LINES = [
  json('Read sensitive file untrusted', 'Warning', '2026-11-23T08:00:01.1Z'),
  json('Read sensitive file untrusted', 'Warning', '2026-11-23T08:01:01.1Z'),
  json('Terminal shell in container', 'Notice', '2026-11-23T08:01:02.1Z'),
  json('A \\"quoted\\" rule', 'Notice', '2026-11-23T08:01:03.1Z'),
  json('Read sensitive file untrusted', 'Warning', '2026-11-23T08:01:04\\u0031Z'),
  json('Read sensitive file untrusted', 'Warning', '2026-11-23T08:01:05Z', '"source":"syscall","priority":"Critical"'),
  json('Règle é', 'Warning', '2026-11-23T08:02:05Z'),
  '{"output":"no rule","priority":"Notice","time":"2026-11-23T08:02:06Z"}',
  '{"rule":"no priority","time":"2026-11-23T08:02:07Z"}',
  '08:00:00.000000001: Warning Sensitive file opened | file=/etc/shadow',
  '08:00:00.000000002: Warning Sensitive file opened | file=/etc/passwd',
  '08:00:01.000000003: Notice Shell (bash) spawned | tty=1',
  '08:00:01.000000004: Notice Only a paren (x=1)',
  '08:00:01.000000005: Error   padded message  | x',
  '08:00:02.000000006: Warning Fichier sensible ouvert é | file=x',
  '2026-11-23T08:00:03.000000007Z: Critical ISO time | x',
  '08:00:03.000000008: Bogus not a priority | x',
  `08:00:03.000000009: Notice ${'long '.repeat(100)}| beyond the head`,
];

function expected(lines: string[]): { byRule: Record<string, number>; byPriority: Record<string, number>; malformed: number } {
  const byRule: Record<string, number> = {};
  const byPriority: Record<string, number> = {};
  let malformed = 0;
  for (const l of lines) {
    const b = Buffer.from(l);
    const f = l.startsWith('{') ? jsonFields(b) : textFields(b);
    const rule = f && ('rule' in f ? f.rule : f.key);
    if (!f || rule === null || f.priority === null) {
      malformed++;
      continue;
    }
    byRule[rule] = (byRule[rule] ?? 0) + 1;
    byPriority[f.priority] = (byPriority[f.priority] ?? 0) + 1;
  }
  return { byRule, byPriority, malformed };
}

describe('EventLogScanner paths', () => {
  it('counts every line as the general functions do, first sight or repeated, in any chunking', () => {
    const lines = [...LINES, ...LINES, ...LINES.slice().reverse()];
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    for (const size of [3, 100, bytes.length]) {
      const s = new EventLogScanner();
      for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
      const r = s.finish();
      expect({ byRule: r.byRule, byPriority: r.byPriority, malformed: r.malformed }).toEqual(expected(lines));
      expect(r.lastTime).toBe('2026-11-23T08:00:01.1Z');
    }
  });
});
