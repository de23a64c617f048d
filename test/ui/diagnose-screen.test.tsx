// The whole diagnose screen, through runDiagnoseUi, on a fake TTY: events in, keys in, frames out.
import './helpers/not-ci.js';
import { describe, expect, test } from 'vitest';
import type { DiagnoseEvent } from '../../src/core/events.js';
import { runDiagnoseUi } from '../../src/ui/diagnose/run.js';
import { diagnosisEvents, report, sample } from './fixtures/diagnosis.js';
import type { DiagnosisReport } from '../../src/core/report.js';
import { Channel } from './helpers/channel.js';
import { FakeStdin, FakeStdout, KEYS, waitFor, waitForText } from './helpers/terminal.js';

function start(options: { stdinIsTTY?: boolean } = {}) {
  const stdout = new FakeStdout(100, 40);
  const stdin = new FakeStdin(options.stdinIsTTY ?? true);
  const events = new Channel<DiagnoseEvent>();
  const result = runDiagnoseUi(events, {
    noColor: true,
    // the fakes implement what Ink uses of a TTY, not the whole stream interface
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
  });
  const screen = () => stdout.screen();
  return { stdout, stdin, events, result, screen };
}

describe('diagnose screen', () => {
  test('runs, shows the report, navigates findings, and resolves with the report on q', async () => {
    const { stdin, events, result, screen } = start();
    const [inspectStarted, inspectFinished, sampleStarted, ...rest] = diagnosisEvents();

    events.push(inspectStarted!);
    await waitForText(screen, 'Inspect the container');
    events.push(inspectFinished!, sampleStarted!);
    events.push({ type: 'sample', sample: sample(1, 35.5, 120), elapsedMs: 4000, windowMs: 10_000 });
    const sampling = await waitForText(screen, 'sampling 4/10 s');
    expect(sampling.replace(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/g, '*')).toMatchInlineSnapshot(`
      "✔ Inspect the container — falco running, 0.2 CPU, 512 MiB
      * Sample resource use
        sampling 4/10 s [████░░░░░░] cpu 35.5% · mem 120.0 MiB / 512.0 MiB
      ? help · q quit"
    `);

    events.push(...rest);
    events.end();
    const done = await waitForText(screen, 'Findings (2)');
    expect(done).toMatchInlineSnapshot(`
      "✔ Inspect the container — falco running, 0.2 CPU, 512 MiB
      ⚠ Sample resource use — throttled in 62% of periods
      ✖ Evaluate runbooks — 2 problems

      target falco (falco-doctor-lab/falco:0.41.3)
        Falco 0.41.3 (from falco --version) · engine modern_ebpf
        window 10 s, measured live (2025-06-01 12:00:00 → 12:00:10 UTC)
        ⚠ target is the falco-doctor lab's Falco STAND-IN, not Falco

      Runbooks
        ✖ problem High CPU (FD-CPU-THROTTLED)
        ✖ problem Event drops (FD-DROP-BUFFER)

      Notes
        • metrics were read from the webserver at :8765

      Findings (2)
      › CRITICAL FD-DROP-BUFFER    Falco drops syscall events: the buffer is full
        WARNING  FD-CPU-THROTTLED  Falco is throttled by its CPU quota
      ↑/↓ or j/k move · Enter details · f/e/w fix · ? help · q quit"
    `);

    stdin.write(KEYS.down);
    await waitForText(screen, '› WARNING');
    stdin.write(KEYS.enter);
    const detail = await waitForText(screen, 'throttled periods');
    expect(detail.slice(done.indexOf('Findings (2)'))).toMatchInlineSnapshot(`
      "WARNING FD-CPU-THROTTLED (runbook high-cpu)
      Falco is throttled by its CPU quota
      cause: cpu-starvation

      Falco was throttled in 62% of CFS periods under a 0.2 CPU quota.

      Evidence
        label                        observed            expected            source
        throttled periods            62%                 < 10%               docker stats
        CPU quota                    0.2 CPU             —                   docker inspect

      Fixes
        raise-cpu-quota Raise the CPU quota
          would change: --cpus 0.2 → 1.0 on the falco container

      Esc/Backspace/Enter back · f apply its fix · ? help · q quit"
    `);

    stdin.write(KEYS.escape);
    await waitFor(screen, (s) => s.includes('Findings (2)') && !s.includes('Evidence'), { what: 'the list' });
    stdin.write('?');
    const help = await waitForText(screen, 'Keys');
    expect(help.slice(done.indexOf('Findings (2)'))).toMatchInlineSnapshot(`
      "╭──────────────────────────────────────────────────────────╮
      │ Keys                                                     │
      │ ↑ k  ↓ j        move through the findings                │
      │ Enter           open the selected finding / go back      │
      │ Esc  Backspace  go back (Esc at the top level quits)     │
      │ f               fix the open finding, or all of them     │
      │ e  w            fix the critical / warning findings      │
      │ ?               show or hide this help                   │
      │ q  Ctrl-C       quit                                     │
      │ ? or Esc closes this help                                │
      ╰──────────────────────────────────────────────────────────╯"
    `);
    stdin.write('?');
    await waitFor(screen, (s) => s.includes('Findings (2)') && !s.includes('Keys'), { what: 'help closed' });

    stdin.write('q');
    await expect(result).resolves.toEqual({ report, error: null });
    // the caller gets the report exactly as the core made it, not the sanitised display copy
    expect((await result).report).toBe(report);
  });

  test('a failing stream shows the error on one line with its hint, and q resolves with the error', async () => {
    const { stdin, events, result, screen } = start();
    events.push({ type: 'step-started', id: 'inspect', title: 'Inspect the container' });
    await waitForText(screen, 'Inspect the container');
    const error = Object.assign(new Error('cannot reach the Docker engine\n  at /var/run/docker.sock'), {
      hint: 'start dockerd, or pass --bundle FILE to diagnose offline',
    });
    events.fail(error);
    const failed = await waitForText(screen, 'press q to quit');
    expect(failed).toMatchInlineSnapshot(`
      "✖ Inspect the container — interrupted

      ✖ diagnosis failed: cannot reach the Docker engine at /var/run/docker.sock
      hint: start dockerd, or pass --bundle FILE to diagnose offline
      press q to quit"
    `);
    stdin.write('q');
    await expect(result).resolves.toEqual({ report: null, error });
  });

  test('a stream that ends without a report is an error too', async () => {
    const { stdin, events, result, screen } = start();
    events.end();
    await waitForText(screen, 'diagnosis failed: the diagnosis ended without a report');
    stdin.write('q');
    const { report: none, error } = await result;
    expect(none).toBeNull();
    expect(error?.message).toBe('the diagnosis ended without a report');
  });

  test('no findings: says so plainly, with every runbook clear', async () => {
    const clean: DiagnosisReport = {
      ...report,
      origin: 'live',
      notes: [],
      findings: [],
      runbooks: report.runbooks.map((r) => ({ ...r, status: 'clear', findings: [] })),
    };
    const { stdin, events, result, screen } = start();
    events.push({ type: 'done', report: clean });
    const done = await waitForText(screen, 'No problems found');
    expect(done).toMatchInlineSnapshot(`
      "
      target falco (falco-doctor-lab/falco:0.41.3)
        Falco 0.41.3 (from falco --version) · engine modern_ebpf
        window 10 s, measured live (2025-06-01 12:00:00 → 12:00:10 UTC)

      Runbooks
        ✔ clear   High CPU
        ✔ clear   Event drops

      ✔ No problems found — all 2 runbooks are clear
      ? help · q quit"
    `);
    stdin.write(KEYS.escape); // Esc at the top level quits
    await expect(result).resolves.toEqual({ report: clean, error: null });
  });

  test('Ctrl-C while running quits at once and lets go of the stream', async () => {
    const { stdin, events, result, screen } = start();
    events.push({ type: 'step-started', id: 'sample', title: 'Sample resource use' });
    await waitForText(screen, 'Sample resource use');
    stdin.write(KEYS.ctrlC);
    await expect(result).resolves.toEqual({ report: null, error: null });
    // the producer is told to stop as soon as it next yields
    events.push({ type: 'sample', sample: sample(1, 1, 1), elapsedMs: 1000, windowMs: 10_000 });
    await waitFor(
      () => String(events.returned),
      (s) => s === 'true',
      { what: 'the stream to be returned' },
    );
  });

  test('without a TTY nobody can press q: the final screen is shown and the app ends by itself', async () => {
    const { events, result, screen } = start({ stdinIsTTY: false });
    events.push(...diagnosisEvents());
    await expect(result).resolves.toEqual({ report, error: null });
    expect(screen()).toContain('› CRITICAL FD-DROP-BUFFER');
  });
});
