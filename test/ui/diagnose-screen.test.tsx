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
    await waitForText(screen, 'Read limits and state');
    events.push(inspectFinished!, sampleStarted!);
    events.push({ type: 'sample', sample: sample(1, 35.5, 120), elapsedMs: 4000, windowMs: 10_000 });
    const sampling = await waitForText(screen, 'sampling 4/10 s');
    expect(sampling.replace(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/g, '*')).toMatchInlineSnapshot(`
      "✔ Read limits and state — falco-security-monitor running
      * Sample CPU and memory for 8 s
        sampling 4/10 s [████░░░░░░] cpu 35.5% · mem 120.0 MiB / 512.0 MiB
      ? help · q quit"
    `);

    events.push(...rest);
    events.end();
    const done = await waitForText(screen, 'Findings (3)');
    expect(done).toMatchInlineSnapshot(`
      "✔ Read limits and state — falco-security-monitor running
      ✔ Sample CPU and memory for 8 s — 9 samples
      ✔ Runbook: Event drops — clear
      ⚠ Runbook: High CPU — FD-CPU-RULES
      ✔ Runbook: Memory pressure — FD-MEM-PEAK-UNKNOWN
      ✔ Runbook: Configuration lint — FD-CONF-PERFORMANCE

      target falco-security-monitor (falco-doctor-lab/falco-standin:0.44.1)
        Falco 0.44.1 (from startup-log) · engine modern_ebpf
        config /srv/falco/falco.yaml (host-mount)
        window 8.1 s, evaluated from a saved bundle (2026-12-03 12:49:32 → 12:49:41 UTC)
        falco-doctor itself: 2.3 % of a core while sampling (cgroup files)
        ⚠ target is the falco-doctor lab's Falco STAND-IN, not Falco

      Runbooks
        ✔ clear   Event drops
        ✖ problem High CPU (FD-CPU-RULES)
        ✔ clear   Memory pressure (FD-MEM-PEAK-UNKNOWN)
        ✔ clear   Configuration lint (FD-CONF-PERFORMANCE)

      Notes
        • The target is the falco-doctor lab's Falco STAND-IN, not Falco.
        • Falco version: from the "Falco version:" startup line
        • Ring buffers: Falco's startup log says 16 MB per buffer, one buffer every 2 CPU(s), as the
      doctor computes from engine.modern_ebpf.buf_size_preset.
        • Schema: Falco's own check at startup: /etc/falco/config.d/falco.container_plugin.yaml ok,
      /etc/falco/falco.yaml ok; the doctor's: ok.

      Findings (3)
      › CRITICAL FD-CPU-RULES         Falco is at its CPU quota evaluating 100 rules
        INFO     FD-CONF-PERFORMANCE  metrics.interval 5s is fine for a diagnosis; for production falco.y…
        INFO     FD-MEM-PEAK-UNKNOWN  Memory peak not read: a 512 MB limit may not hold a modern eBPF pro…
      ↑/↓ or j/k move · Enter details · f/e/w fix · ? help · q quit"
    `);

    stdin.write(KEYS.down);
    await waitForText(screen, '› INFO');
    stdin.write(KEYS.up);
    await waitForText(screen, '› CRITICAL');
    stdin.write(KEYS.enter);
    const detail = await waitForText(screen, 'j/k scroll');
    expect(detail.slice(done.indexOf('Findings (3)'))).toMatchInlineSnapshot(`
      "CRITICAL FD-CPU-RULES (runbook high-cpu)
      Falco is at its CPU quota evaluating 100 rules
      cause: rule-cost

      Falco used 101 % of its 0.2 CPU quota (20.2 % of one core) with 100 rules enabled at 10883/s events.
       Every event pays for the state Falco keeps and then for each rule that applies to its type; with
      this many rules the rules are a large share of it (on real Falco 0.42.1 the 25 stock rules added a
      quarter to the bare per-event cost). At the quota the kernel throttles Falco (100 % of periods) and
      it starts dropping events.

      Evidence
        label                        observed            expected            source
        Falco CPU as a share of its  101 %               ≥ 80.0 %            Docker stats API ÷ container
        quota                                                                CPU limit
        Enabled rules                100                 ≥ 50                rules files named by
                                                                             rules_files, with overrides
                                                                             and the rules: selection
        Falco CPU (100 % = one core) 20.2 %              —                   Docker stats API, averaged
                                                                             over the window
        CPU limit of the Falco       0.2 CPU             —                   container inspect
        container                                                            (HostConfig.NanoCpus /
                                                                             CpuQuota)
        CFS periods throttled        100 %               —                   cgroup cpu.stat via the stats
                                                                              API (throttled_periods /
                                                                             periods)
        Enabled rules not restricted 0                   —                   rule conditions
        by evt.type
        Kernel events per second     10883/s             —                   /metrics falcosecurity_scap_
                                                                             n_evts_total or metrics
                                                                             snapshots, else drop alerts
                                                                             (n_evts)

      Fixes
        disable-noncritical-rules Disable rules below Warning priority
          would change: disable 83 rules below warning via overrides
        base-syscalls-custom-set Collect only the syscalls the enabled rules need
          would change: base_syscalls.custom_set: [] → [close, connect, dup, dup2, dup3, execve, … 20
      j/k scroll (37/40 lines) · Esc/Backspace/Enter back · f apply its fix · ? help · q quit"
    `);

    stdin.write(KEYS.escape);
    await waitFor(screen, (s) => s.includes('Findings (3)') && !s.includes('Evidence'), { what: 'the list' });
    stdin.write('?');
    const help = await waitForText(screen, 'Keys');
    expect(help.slice(done.indexOf('Findings (3)'))).toMatchInlineSnapshot(`
      "───────────────╮
      │ Keys                                                     │
      │ ↑ k  ↓ j        move through the findings; scroll an     │
      │ open one                                                 │
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
    await waitFor(screen, (s) => s.includes('Findings (3)') && !s.includes('Keys'), { what: 'help closed' });

    stdin.write('q');
    await expect(result).resolves.toEqual({ report, error: null });
    // the caller gets the report exactly as the core made it, not the sanitised display copy
    expect((await result).report).toBe(report);
  });

  test('a failing stream shows the error on one line with its hint, and q resolves with the error', async () => {
    const { stdin, events, result, screen } = start();
    events.push({ type: 'step-started', id: 'inspect', title: 'Read limits and state' });
    await waitForText(screen, 'Read limits and state');
    const error = Object.assign(new Error('cannot reach the Docker engine\n  at /var/run/docker.sock'), {
      hint: 'start dockerd, or pass --bundle FILE to diagnose offline',
    });
    events.fail(error);
    const failed = await waitForText(screen, 'press q to quit');
    expect(failed).toMatchInlineSnapshot(`
      "✖ Read limits and state — interrupted

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
      target falco-security-monitor (falco-doctor-lab/falco-standin:0.44.1)
        Falco 0.44.1 (from startup-log) · engine modern_ebpf
        config /srv/falco/falco.yaml (host-mount)
        window 8.1 s, evaluated from a saved bundle (2026-12-03 12:49:32 → 12:49:41 UTC)
        falco-doctor itself: 2.3 % of a core while sampling (cgroup files)

      Runbooks
        ✔ clear   Event drops
        ✔ clear   High CPU
        ✔ clear   Memory pressure
        ✔ clear   Configuration lint

      ✔ No problems found — all 4 runbooks are clear
      ? help · q quit"
    `);
    stdin.write(KEYS.escape); // Esc at the top level quits
    await expect(result).resolves.toEqual({ report: clean, error: null });
  });

  test('Ctrl-C while running quits at once and lets go of the stream', async () => {
    const { stdin, events, result, screen } = start();
    events.push({ type: 'step-started', id: 'sample', title: 'Sample CPU and memory for 10 s' });
    await waitForText(screen, 'Sample CPU and memory for 10 s');
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
    expect(screen()).toContain('› CRITICAL FD-CPU-RULES');
  });
});
