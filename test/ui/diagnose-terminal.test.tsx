// The screen on a small, colour-capable terminal: 80×24 must work, and --no-color must mean it.
import './helpers/not-ci.js';
import './helpers/force-color.js';
import { describe, expect, test } from 'vitest';
import { runDiagnoseUi } from '../../src/ui/diagnose/run.js';
import { diagnosisEvents, report } from './fixtures/diagnosis.js';
import { FakeStdin, FakeStdout, KEYS, waitForText } from './helpers/terminal.js';

// SGR foreground/background colour parameters: 30–37, 39, 40–47, 49, 90–97, 100–107, 38;…, 48;…
const COLOUR_SGR = /\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

async function runToDetail(noColor: boolean, columns: number, rows: number) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const result = runDiagnoseUi(
    (async function* () {
      yield* diagnosisEvents();
    })(),
    { noColor, stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream },
  );
  const list = await waitForText(() => stdout.screen(), 'Findings (3)');
  // the first finding (FD-CPU-RULES) has the most to show: seven evidence rows and three fixes
  await waitForText(() => stdout.screen(), '› CRITICAL FD-CPU-RULES');
  stdin.write(KEYS.enter);
  // taller than the terminal: the detail shows a window and how far into it you are
  const detail = await waitForText(() => stdout.screen(), 'j/k scroll');
  const [, shown, total] = /j\/k scroll \((\d+)\/(\d+) lines\)/.exec(detail)!.map(Number);
  // j to the end, as an operator reads it; a j more stays there; k goes back one line
  for (let i = shown!; i <= total!; i++) stdin.write('j');
  const end = await waitForText(() => stdout.screen(), `(${total}/${total} lines)`);
  stdin.write('k');
  await waitForText(() => stdout.screen(), `(${total! - 1}/${total} lines)`);
  stdin.write('q');
  await expect(result).resolves.toEqual({ report, error: null });
  return { stdout, list, detail, end };
}

describe('terminal fit and colour', () => {
  test('at 80×24 no line is wider than the terminal and the live region fits', async () => {
    const { list, detail, end } = await runToDetail(true, 80, 24);
    for (const line of [...list.split('\n'), ...detail.split('\n'), ...end.split('\n')]) expect([...line].length).toBeLessThanOrEqual(80);
    const liveDetail = detail.slice(list.indexOf('Findings (3)')).split('\n');
    const liveEnd = end.slice(list.indexOf('Findings (3)')).split('\n');
    // under the terminal's height, so Ink redraws the region instead of clearing the screen
    expect(liveDetail.length).toBeLessThan(24);
    expect(liveEnd.length).toBe(liveDetail.length);
    // the top shows the code and the first evidence; the end, the last fix
    expect(liveDetail[0]).toBe('CRITICAL FD-CPU-RULES (runbook high-cpu)');
    expect(liveDetail.join('\n')).not.toContain('raise-cpu-limit');
    expect(liveEnd.join('\n')).toContain('raise-cpu-limit Give the Falco container more CPU');
    expect(liveDetail.join('\n')).toMatchInlineSnapshot(`
      "CRITICAL FD-CPU-RULES (runbook high-cpu)
      Falco is at its CPU quota evaluating 100 rules
      cause: rule-cost

      Falco used 101 % of its 0.2 CPU quota (20.2 % of one core) with 100 rules
      enabled at 10883/s events. Every event pays for the state Falco keeps and then
      for each rule that applies to its type; with this many rules the rules are a
      large share of it (on real Falco 0.42.1 the 25 stock rules added a quarter to
      the bare per-event cost). At the quota the kernel throttles Falco (100 % of
      periods) and it starts dropping events.

      Evidence
        label                  observed        expected        source
        Falco CPU as a share   101 %           ≥ 80.0 %        Docker stats API ÷
        of its quota                                           container CPU limit
        Enabled rules          100             ≥ 50            rules files named by
                                                               rules_files, with
                                                               overrides and the
                                                               rules: selection
        Falco CPU (100 % = one 20.2 %          —               Docker stats API,
        core)                                                  averaged over the
      j/k scroll (21/45 lines) · Esc/Backspace/Enter back · f apply its fix · ? help ·
       q quit"
    `);
  });

  test('colour is used when allowed, and none at all with noColor', async () => {
    const coloured = await runToDetail(false, 100, 40);
    expect(coloured.stdout.raw).toMatch(COLOUR_SGR);
    const plain = await runToDetail(true, 100, 40);
    expect(plain.stdout.raw).not.toMatch(COLOUR_SGR);
    // the same words either way: colour only repeats what the text says
    expect(plain.detail).toBe(coloured.detail);
  });
});
