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
  const list = await waitForText(() => stdout.screen(), 'Findings (2)');
  stdin.write(KEYS.down); // the second finding has the most to show: two evidence rows and a fix
  await waitForText(() => stdout.screen(), '› WARNING');
  stdin.write(KEYS.enter);
  const detail = await waitForText(() => stdout.screen(), 'Evidence');
  stdin.write('q');
  await expect(result).resolves.toEqual({ report, error: null });
  return { stdout, list, detail };
}

describe('terminal fit and colour', () => {
  test('at 80×24 no line is wider than the terminal and the live region fits', async () => {
    const { list, detail } = await runToDetail(true, 80, 24);
    for (const line of [...list.split('\n'), ...detail.split('\n')]) expect([...line].length).toBeLessThanOrEqual(80);
    const liveDetail = detail.slice(list.indexOf('Findings (2)')).split('\n');
    expect(liveDetail.length).toBeLessThanOrEqual(24);
    expect(liveDetail.join('\n')).toMatchInlineSnapshot(`
      "WARNING FD-CPU-THROTTLED (runbook high-cpu)
      Falco is throttled by its CPU quota
      cause: cpu-starvation

      Falco was throttled in 62% of CFS periods under a 0.2 CPU quota.

      Evidence
        label                  observed        expected        source
        throttled periods      62%             < 10%           docker stats
        CPU quota              0.2 CPU         —               docker inspect

      Fixes
        raise-cpu-quota Raise the CPU quota
          would change: --cpus 0.2 → 1.0 on the falco container

      Esc/Backspace/Enter back · f apply its fix · ? help · q quit"
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
