// `falco-doctor scan FILE` as an operator runs it (the built CLI, a real process), on real upstream
// Falco output and on a generated log whose true counts the generator prints.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, sample } from '../core/helpers/fixtures.js';

const cli = path.join(REPO_ROOT, 'dist/cli.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'fd-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scan = (...args: string[]) => spawnSync(process.execPath, [cli, 'scan', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('falco-doctor scan', () => {
  it('counts real Falco 0.42.1 JSON output: a rule alert, a drop alert, a metrics snapshot', () => {
    expect(existsSync(cli), 'dist/cli.js: npm run build first').toBe(true);
    const file = path.join(dir, 'events.json');
    writeFileSync(file, ['alert-json-read-sensitive-file.json', 'drop-alert.json', 'metrics-snapshot.json'].map((f) => sample(f).trim()).join('\n') + '\n');
    const r = scan(file, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ file, lines: 3, alerts: 3, dropAlerts: 1, malformed: 0, format: 'json' });
    expect(out.byRule).toEqual({ 'Read sensitive file untrusted': 1, 'Falco internal: syscall event drop': 1, 'Falco internal: metrics snapshot': 1 });
    // the drop alert's own figure: "275160 system calls dropped in last second"
    expect(out.dropsOverTime.reduce((s: number, m: { drops: number }) => s + m.drops, 0)).toBe(275160);
  });

  it("reads Falco's text output with its startup lines, and prints a readable summary", () => {
    const file = path.join(dir, 'falco.log');
    writeFileSync(file, [sample('startup-log.txt'), sample('alert-text-read-sensitive-file.txt'), sample('drop-alert-text.txt')].join(''));
    const r = scan(file);
    expect(r.status).toBe(0);
    const startupLines = sample('startup-log.txt')
      .split('\n')
      .filter((l) => l.trim() !== '').length;
    // startup lines are Falco's own log lines ("<ctime>: …"), not malformed ones
    expect(r.stdout).toContain(`Falco's own log and summary lines ${startupLines} · other lines 0`);
    expect(r.stdout).toContain('alerts 2 · drop alerts 1');
    expect(r.stdout).toMatch(
      /By message \(text output has no rule name\) \(2\)\n\s+1 {2}Falco internal: syscall event drop\n\s+1 {2}Sensitive file opened for reading by non-trusted program/,
    );
    expect(r.stdout).toMatch(/\(1 minute; 146,905 drops reported by 1 drop alert\)/);
  });

  it.each(['json', 'text'] as const)('matches the generator on a 4 MB %s log', (format) => {
    const file = path.join(dir, `gen.${format}`);
    const truth = JSON.parse(
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/gen-event-log.mjs'), '--mb', '4', '--format', format, '--out', file, '--seed', '7'], {
        encoding: 'utf8',
      }),
    );
    const r = scan(file, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      lines: truth.lines,
      alerts: truth.alerts,
      dropAlerts: truth.dropAlerts,
      byRule: truth.byRule,
      byPriority: truth.byPriority,
      format,
    });
    expect(out.dropsOverTime.reduce((s: number, m: { drops: number }) => s + m.drops, 0)).toBe(truth.drops);
    expect(out.dropsOverTime).toHaveLength(truth.minutes);
  });

  it("keeps a hostile rule name's terminal escapes off the screen (text), and in the data (--json)", () => {
    const file = path.join(dir, 'hostile.json');
    const line = JSON.parse(sample('alert-json-read-sensitive-file.json').trim());
    line.rule = 'Evil \u001b]0;owned\u0007rule \u001b[2J';
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    const text = scan(file).stdout;
    expect(text).toContain('  1  Evil rule ');
    expect(text).not.toContain('\u001b');
    expect(JSON.parse(scan(file, '--json').stdout).byRule).toEqual({ [line.rule]: 1 });
  });

  it('reads standard input with -, as piped from docker logs (startup lines on stderr, alerts on stdout)', () => {
    const log = [sample('startup-log.txt'), sample('alert-text-read-sensitive-file.txt'), sample('drop-alert-text.txt')].join('');
    const r = spawnSync(process.execPath, [cli, 'scan', '-', '--json'], { input: log, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ file: 'standard input', alerts: 2, dropAlerts: 1, format: 'text' });
    expect(out.dropsOverTime.reduce((s: number, m: { drops: number }) => s + m.drops, 0)).toBe(146905);
  });

  it('names the file it cannot read, exits 2, and needs a file', () => {
    const missing = path.join(dir, 'nope.json');
    const r = scan(missing);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`falco-doctor: scan: cannot read ${missing}: ENOENT: no such file or directory, open '${missing}'`);
    expect(r.stdout).toBe('');
    const d = scan(dir);
    expect([d.status, d.stderr]).toEqual([2, expect.stringContaining(`cannot read ${dir}: EISDIR`)]);
    const none = scan();
    expect([none.status, none.stderr.split('\n')[0]]).toEqual([2, 'falco-doctor: scan needs a file']);
    expect(scan(missing, '--window', '5').stderr).toContain('--window does not apply to scan');
  });
});
