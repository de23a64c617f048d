// The last change on the home screen: one line with its state, when and the u key (only while it can
// be undone), `u` resolving with the undo, and the whole screen still within 80×24.
import './helpers/not-ci.js';
import { render } from 'ink-testing-library';
import type { Key } from 'ink';
import { describe, expect, it, test } from 'vitest';
import { LastChange } from '../../src/ui/home/LastChange.js';
import { HomeHelp } from '../../src/ui/home/HomeHelp.js';
import { runHomeUi } from '../../src/ui/home/run.js';
import { homeReducer, initialHomeState, type HomeState } from '../../src/ui/home/state.js';
import { toHomeKey, type HomeKey } from '../../src/ui/home/keys.js';
import { FakeStdin, FakeStdout, waitForText } from './helpers/terminal.js';
import { HandSource, labTicks, lastDiagnosis } from './home-fixtures.js';
import { VIEWS } from './history-fixtures.js';

const newest = VIEWS[0]!;
const rolledBack = { ...newest, state: 'rolled-back' as const, undoable: false };
const press = (s: HomeState, ...keys: HomeKey[]) => keys.reduce((acc, key) => homeReducer(acc, { type: 'key', key }), s);

describe('the last change', () => {
  test('in place: state, when, the key, then the title (what a narrow terminal cuts)', () => {
    expect(render(<LastChange change={newest} />).lastFrame()).toBe(
      "Change   ✔ verified 11-23 08:20 UTC · u undo · Drop failed syscalls' exit events in the kernel",
    );
    expect(render(<LastChange change={rolledBack} />).lastFrame()).toBe(
      "Change   ↩ rolled-back 11-23 08:20 UTC · Drop failed syscalls' exit events in the kernel",
    );
  });

  test('the help lists u', () => {
    expect(render(<HomeHelp width={80} />).lastFrame()).toContain('u               undo the last change (asks y first)');
  });
});

describe('u on the home screen', () => {
  const start = (lastChange: HomeState['lastChange']) => initialHomeState({ lastDiagnosis, lastChange, available: ['diagnose'] });

  it('maps u to undo', () => {
    expect(toHomeKey('u', {} as Key)).toBe('undo');
  });

  it('p resolves with the canary (prove detection), from the panels or the help', () => {
    expect(toHomeKey('p', {} as Key)).toBe('canary');
    expect(press(start(null), 'canary').next).toBe('canary');
    expect(press(start(null), 'help', 'canary')).toMatchObject({ next: 'canary', helpOpen: false });
  });

  it('resolves with the undo only for a change still in place; otherwise says why', () => {
    expect(press(start(newest), 'undo').next).toBe('undo');
    expect(press(start(newest), 'help', 'undo')).toMatchObject({ next: 'undo', helpOpen: false });
    expect(press(start(rolledBack), 'undo')).toMatchObject({ next: null, notice: 'the last change is rolled-back: nothing to undo (h: history)' });
    expect(press(start(null), 'undo')).toMatchObject({ next: null, notice: 'no change in the journal to undo' });
  });

  it('shows a journal that could not be read until the next key', () => {
    const s = initialHomeState({ lastDiagnosis: null, available: [], notice: 'journal: /s/journal/x.json: not JSON' });
    expect(s.notice).toBe('journal: /s/journal/x.json: not JSON');
    expect(press(s, 'down').notice).toBeNull();
  });
});

describe('home screen with a last change, in a terminal', () => {
  test('80×24: the change line fits above the findings, which give up a row; u resolves with undo', async () => {
    const stdout = new FakeStdout(80, 24);
    const stdin = new FakeStdin();
    const source = new HandSource();
    const next = runHomeUi({
      source,
      lastDiagnosis: {
        ...lastDiagnosis,
        findings: [
          ...lastDiagnosis.findings,
          ...lastDiagnosis.findings.map((f) => ({ ...f, code: `${f.code}-2` })),
          { code: 'FD-X', severity: 'warning', title: 'x' },
        ],
      },
      lastChange: newest,
      available: ['diagnose'],
      intervalMs: 2000,
      windowMs: 300_000,
      noColor: true,
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
    });
    source.push(...labTicks());
    const screen = await waitForText(() => stdout.screen(), '3.1% CPU');
    const frame = screen.slice(screen.lastIndexOf('falco-security-monitor falco-doctor-lab'));
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    const at = lines.findIndex((l) => l.startsWith('Change   ✔ verified'));
    // then whether Falco was last proven to detect (never, here), then the findings
    expect(lines[at + 1]).toBe('Detection ? never proven: falco-doctor canary fires one · p prove again');
    expect(lines[at + 2]).toMatch(/^Open findings \(5\)/);
    // 3 finding rows with the detection line alone (see home-terminal), 2 with the change line too
    expect(lines.slice(at + 2).filter((l) => /^[› ] (CRITICAL|WARNING|INFO)/.test(l))).toHaveLength(2);
    stdin.write('u');
    await expect(next).resolves.toBe('undo');
  });
});
