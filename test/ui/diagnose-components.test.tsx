// Small components, exact frames (ink-testing-library, 100 columns, no colour provider = plain).
import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { ErrorPanel } from '../../src/ui/diagnose/ErrorPanel.js';
import { FindingDetail } from '../../src/ui/diagnose/FindingDetail.js';
import { FindingList } from '../../src/ui/diagnose/FindingList.js';
import { Header } from '../../src/ui/diagnose/Header.js';
import { ReportSummary } from '../../src/ui/diagnose/ReportSummary.js';
import { SamplingLine } from '../../src/ui/diagnose/SamplingLine.js';
import { FinishedStepLine, RunningSteps } from '../../src/ui/diagnose/StepList.js';
import type { Finding } from '../../src/core/findings.js';
import { createTheme } from '../../src/ui/theme.js';
import { cpuFinding, dropFinding, infoFinding, report, sample } from './fixtures/diagnosis.js';

describe('step lines', () => {
  test('each finished status has its own mark, readable without colour', () => {
    const statuses = ['ok', 'warn', 'failed', 'skipped'] as const;
    const frames = statuses.map((status) =>
      render(<FinishedStepLine step={{ id: status, title: 'Read config', status, detail: status === 'skipped' ? '' : 'detail' }} />).lastFrame(),
    );
    expect(frames).toEqual(['✔ Read config — detail', '⚠ Read config — detail', '✖ Read config — detail', '– Read config']);
  });

  test('running steps show the spinner, and sampling progress under the sampling step', () => {
    const progress = { stepId: 'sample', elapsedMs: 4200, windowMs: 10_000, latest: sample(1, 138.46, 1536) };
    const { lastFrame } = render(
      <RunningSteps
        steps={[
          { id: 'sample', title: 'Sample resource use' },
          { id: 'logs', title: 'Read logs' },
        ]}
        sampling={progress}
        spinnerFrame="⠋"
      />,
    );
    expect(lastFrame()).toBe(['⠋ Sample resource use', '  sampling 4/10 s [████░░░░░░] cpu 138.5% · mem 1.50 GiB / 512.0 MiB', '⠋ Read logs'].join('\n'));
  });

  test('sampling without a memory limit says so', () => {
    const latest = { ...sample(1, 5, 64), memLimitBytes: 0 };
    const { lastFrame } = render(<SamplingLine progress={{ stepId: null, elapsedMs: 10_000, windowMs: 10_000, latest }} />);
    expect(lastFrame()).toBe('  sampling 10/10 s [██████████] cpu 5.0% · mem 64.0 MiB (no limit)');
  });
});

describe('report parts', () => {
  test('header names the target, where the version came from, and the window', () => {
    const live = {
      ...report,
      source: 'live' as const,
      origin: 'live' as const,
      target: { ...report.target, falcoVersion: null, engineKind: null, configPath: '/etc/falco/falco.yaml', configSource: 'host-mount' },
      window: { ...report.window, observer: undefined }, // its line has a test of its own, below
    };
    // the recorded bundle's window, as the header prints it (UTC, seconds)
    const [start, end] = [live.window.start, live.window.end].map((t) => t.slice(0, 19).replace('T', ' '));
    expect(render(<Header report={live} />).lastFrame()).toBe(
      [
        'target falco-security-monitor (falco-doctor-lab/falco-standin:0.44.1)',
        '  Falco version unknown (from startup-log) · engine unknown',
        '  config /etc/falco/falco.yaml (host-mount)',
        `  window ${live.window.seconds} s, measured live (${start} → ${end?.slice(11)} UTC)`,
      ].join('\n'),
    );
  });

  test('header: what sampling cost the doctor, when the snapshot recorded it', () => {
    const live = { ...report, origin: 'live' as const, window: { ...report.window, observer: { cpuPercentOfOneCore: 0.8, via: 'cgroup files' as const } } };
    expect(render(<Header report={live} />).lastFrame()).toContain('\n  falco-doctor itself: 0.8 % of a core while sampling (cgroup files)');
  });

  test('a lab target is flagged as the stand-in', () => {
    expect(render(<Header report={report} />).lastFrame()).toContain("⚠ target is the falco-doctor lab's Falco STAND-IN, not Falco");
  });

  test('summary: config errors that stop Falco come right after the header, then runbooks and notes', () => {
    const broken = { ...report, origin: 'live' as const, configErrors: ['/etc/falco/falco.yaml:12: unknown key engine.kind2'] };
    expect(render(<ReportSummary report={broken} />).lastFrame()).toMatchInlineSnapshot(`
      "
      target falco-security-monitor (falco-doctor-lab/falco-standin:0.44.1)
        Falco 0.44.1 (from startup-log) · engine modern_ebpf
        config /srv/falco/falco.yaml (host-mount)
        window 8.1 s, evaluated from a saved bundle (2026-12-03 12:49:32 → 12:49:41 UTC)
        falco-doctor itself: 2.3 % of a core while sampling (cgroup files)

      ✖ Falco will not start with this configuration (1 error)
        /etc/falco/falco.yaml:12: unknown key engine.kind2

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
      /etc/falco/falco.yaml ok; the doctor's: ok."
    `);
  });

  test('finding list: worst first as given, selection marked by › not only by colour', () => {
    const { lastFrame } = render(<FindingList findings={[dropFinding, infoFinding]} selected={1} runbookCount={2} />);
    expect(lastFrame()).toBe(
      [
        'Findings (2)',
        '  CRITICAL FD-DROP-BUFFER       Events dropped with CPU to spare: the ring buffer is too small',
        '› INFO     FD-CONF-PERFORMANCE  metrics.interval 5s is fine for a diagnosis; for production falco.y…',
        '↑/↓ or j/k move · Enter details · f/e/w fix · ? help · q quit',
      ].join('\n'),
    );
  });

  test('a long list scrolls around the selection', () => {
    const many: Finding[] = Array.from({ length: 12 }, (_, i) => ({ ...cpuFinding, code: `FD-X-${String(i).padStart(2, '0')}` }));
    const frame = render(<FindingList findings={many} selected={11} runbookCount={1} height={3} />).lastFrame() ?? '';
    expect(frame.split('\n').slice(1, 5)).toEqual([
      '  ↑ 9 more',
      '  CRITICAL FD-X-09  Falco is at its CPU quota evaluating 100 rules',
      '  CRITICAL FD-X-10  Falco is at its CPU quota evaluating 100 rules',
      '› CRITICAL FD-X-11  Falco is at its CPU quota evaluating 100 rules',
    ]);
  });

  test('no findings: a clear sentence', () => {
    expect(render(<FindingList findings={[]} selected={0} runbookCount={3} />).lastFrame()).toBe(
      '✔ No problems found — all 3 runbooks are clear\n? help · q quit',
    );
  });

  test('no findings but a config that stops Falco is not "no problems"', () => {
    expect(render(<FindingList findings={[]} selected={0} runbookCount={3} configErrorCount={1} />).lastFrame()).toBe(
      '✖ No runbook findings, but Falco will not start: see the config errors above\n? help · q quit',
    );
  });

  test('finding detail: evidence table and fixes, missing values shown as —', () => {
    expect(render(<FindingDetail finding={dropFinding} />).lastFrame()).toMatchInlineSnapshot(`
      "CRITICAL FD-DROP-BUFFER (runbook event-drops)
      Events dropped with CPU to spare: the ring buffer is too small
      cause: buffer-capacity

      Falco dropped events (1 drop alerts, up to 9088 in one second, of which 100 % because the buffer was
       full; 272390/min by its counters) while using only 28.4 % of its CPU. Bursts of events overflow the
       ring buffer (1 × preset 1 = 1 MB) before Falco reads them.

      Evidence
        label                        observed            expected            source
        Event drops seen             yes                 = yes               drop alerts or Falco drop
                                                                             counters
        CFS periods throttled        15.0 %              < 20.0 %            cgroup cpu.stat via the stats
                                                                              API (throttled_periods /
                                                                             periods)
        Falco CPU as a share of what 28.4 %              < 90.0 %            Docker stats API ÷ min(CPU
        it can use                                                           limit, one core)
        Events dropped in the window 36355               —                   /metrics falcosecurity_scap_
        (Falco counters)                                                     n_drops_total, or
                                                                             scap.n_drops of metrics
                                                                             snapshots
        Highest share of events      43.3 %              —                   n_drops ÷ n_evts of the drop
        dropped in one second                                                alerts
        Ring-buffer memory (preset   1 MB                —                   effective falco.yaml and the
        bytes × buffers)                                                     preset table
        Memory limit of the Falco    512 MB              —                   container inspect
        container                                                            (HostConfig.Memory)

      Fixes
        raise-buffer-preset Raise the ring-buffer size preset
          would change: engine.modern_ebpf.buf_size_preset: 1 → 4
        drop-failed-exit Drop failed syscalls' exit events in the kernel
          would change: engine.modern_ebpf.drop_failed_exit: false → true
        base-syscalls-custom-set Collect only the syscalls the enabled rules need
          would change: base_syscalls.custom_set: [] → [connect, dup, dup2, dup3, execve, execveat, … 19
        items]; base_syscalls.repair: false → true

      Esc/Backspace/Enter back · f apply its fix · ? help · q quit"
    `);
  });

  test('error panel: one line, then the hint', () => {
    const { lastFrame } = render(<ErrorPanel failure={{ message: 'docker said:\n  permission denied', hint: 'add yourself to the docker group' }} />);
    expect(lastFrame()).toBe('\n✖ diagnosis failed: docker said: permission denied\nhint: add yourself to the docker group\npress q to quit');
  });
});

describe('theme', () => {
  test('NO_COLOR leaves every semantic colour unset', () => {
    expect(Object.values(createTheme(true)).every((c) => c === undefined)).toBe(true);
    expect(createTheme(false)).toMatchObject({ critical: 'red', ok: 'green' });
  });
});
