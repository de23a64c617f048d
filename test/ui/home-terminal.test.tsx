// The whole home screen through Ink's real redraw path on a fake terminal: 80×24 fits, wider
// terminals get two columns, NO_COLOR means no colour, keys resolve with the next screen.
import './helpers/not-ci.js';
import './helpers/force-color.js';
import { describe, expect, test } from 'vitest';
import { runHomeUi } from '../../src/ui/home/run.js';
import { FakeStdin, FakeStdout, waitForText } from './helpers/terminal.js';
import { HandSource, labTicks, lastDiagnosis, tick } from './home-fixtures.js';

const COLOUR_SGR = /\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

function mount(columns: number, rows: number, noColor = true) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const source = new HandSource();
  const next = runHomeUi({
    source,
    lastDiagnosis,
    available: ['diagnose'],
    intervalMs: 2000,
    windowMs: 300_000,
    noColor,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
  });
  return { stdout, stdin, source, next, screen: () => stdout.screen() };
}

/** The last frame: what the terminal shows from the header down. */
const lastFrame = (screen: string) => screen.slice(screen.lastIndexOf('falco-security-monitor falco-doctor-lab'));

describe('home screen in a terminal', () => {
  test('at 80×24 every panel fits, nothing is wider than the terminal', async () => {
    const ui = mount(80, 24);
    ui.source.push(...labTicks());
    const screen = lastFrame(await waitForText(ui.screen, 'ai-trading-bot (busiest other container): 3.1% CPU'));
    const lines = screen.split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(screen).toMatchInlineSnapshot(`
      "falco-security-monitor falco-doctor-lab/falco-standin:0.44.1 ⚠ lab STAND-IN
      Falco 0.44.1 · modern_ebpf preset 1 (rings 1.0 MiB) · limits 0.2 CPU, 512.0 MiB
      ● watching: running · updated 08:00:04 UTC, every 2 s

      CPU      30.0% of quota · 3.0% of host · throttled 15%
                                                               ▃ last 5 min, of quota
      Memory   54.0 MiB of 512.0 MiB (11%) · rings 1.0 MiB = 2% of it
                                                               ▁ last 5 min, of limit
      Events   drop alerts/min 1 (9089 events dropped)
               kernel 11000 events/s, 4500 dropped/s (41%)
               alerts/min: Warning 1 · Notice 1
               top rules: Read sensitive file untrusted ×1 · Terminal shell in contai…
      Service  ai-trading-bot (busiest other container): 3.1% CPU · 45.0 MiB
                                                               █ last 5 min, CPU

      Detection ? never proven: falco-doctor canary fires one · p prove again
      Open findings (2) last diagnosis 2026-11-23 07:55:00 UTC, falco-security-monitor
      › CRITICAL FD-DROP-BUFFER       Events dropped with CPU to spare: the ring buff…
        INFO     FD-CONF-PERFORMANCE  metrics.interval 5s is fine for a diagnosis; fo…

      d diagnose · c checklist · r rollout · h history · l log · ? help · q quit
      doctor 0.8% CPU · 62.0 MiB RSS"
    `);
    ui.stdin.write('q');
    await expect(ui.next).resolves.toBe('quit');
    expect(ui.source.active).toBe(false);
  });

  test('from 120 columns CPU and memory sit side by side', async () => {
    const ui = mount(140, 30);
    ui.source.push(...labTicks());
    const screen = lastFrame(await waitForText(ui.screen, 'ai-trading-bot (busiest other container): 3.1% CPU'));
    expect(screen.split('\n').some((l) => l.startsWith('CPU') && l.includes('Memory'))).toBe(true);
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(140);
    ui.stdin.write('q');
    await ui.next;
  });

  test('NO_COLOR: no colour escapes at all; with colour, some', async () => {
    for (const noColor of [true, false]) {
      const ui = mount(80, 24, noColor);
      ui.source.push(...labTicks());
      await waitForText(ui.screen, '3.1% CPU');
      expect(COLOUR_SGR.test(ui.stdout.raw)).toBe(!noColor);
      ui.stdin.write('q');
      await ui.next;
    }
  });

  test('c says coming soon, d resolves with diagnose', async () => {
    const ui = mount(80, 24);
    ui.source.push(...labTicks());
    await waitForText(ui.screen, '3.1% CPU');
    ui.stdin.write('c');
    await waitForText(ui.screen, 'the production checklist: coming soon');
    ui.stdin.write('d');
    await expect(ui.next).resolves.toBe('diagnose');
  });

  test('the target going away is said in words, and its return too', async () => {
    const ui = mount(80, 24);
    ui.source.push(...labTicks());
    await waitForText(ui.screen, '● watching');
    ui.source.push(tick(6, { status: { state: 'gone', detail: 'exited (exit code 0)' } }));
    await waitForText(ui.screen, '✖ TARGET GONE: exited (exit code 0)');
    ui.source.push(tick(8, { status: { state: 'docker-down', detail: 'no Docker engine answers at unix:///var/run/docker.sock' } }));
    await waitForText(ui.screen, '✖ DOCKER DOWN: no Docker engine answers');
    ui.source.push(tick(10, { status: { state: 'ok', detail: 'running' } }));
    const back = await waitForText(ui.screen, '● watching: running · updated');
    expect(lastFrame(back)).not.toContain('GONE');
    ui.stdin.write('q');
    await ui.next;
  });

  test('l shows the recent log lines, Esc goes back', async () => {
    const ui = mount(80, 24);
    ui.source.push(...labTicks());
    await waitForText(ui.screen, '3.1% CPU');
    ui.stdin.write('l');
    const log = await waitForText(ui.screen, 'Falco log');
    expect(log).toContain('Debug Falco internal: syscall event drop.');
    ui.stdin.write('\u001B');
    await waitForText(ui.screen, 'Open findings (2)');
    ui.stdin.write('q');
    await ui.next;
  });
});
