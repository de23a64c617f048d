// Home panels on their own, exact frames (ink-testing-library, no theme provider = plain text).
import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { CpuPanel } from '../../src/ui/home/CpuPanel.js';
import { EventsPanel } from '../../src/ui/home/EventsPanel.js';
import { FindingsPanel } from '../../src/ui/home/FindingsPanel.js';
import { MemoryPanel } from '../../src/ui/home/MemoryPanel.js';
import { ServicePanel } from '../../src/ui/home/ServicePanel.js';
import { TargetHeader } from '../../src/ui/home/TargetHeader.js';
import { TargetStatusLine } from '../../src/ui/home/TargetStatusLine.js';
import { initialMonitorState } from '../../src/core/monitor/state.js';
import { header, lastDiagnosis, MIB, T0 } from './home-fixtures.js';

const WINDOW = 60_000;
/** one point in the middle of each column of a sparkline as wide as the values */
const series = (...vs: (number | null)[]) => vs.map((v, i) => ({ t: T0 - WINDOW + ((i + 0.5) * WINDOW) / vs.length, v }));

describe('status line', () => {
  test('each target state reads without colour', () => {
    const frame = (state: 'ok' | 'gone' | 'docker-down' | 'restarting', detail: string) =>
      render(<TargetStatusLine status={{ state, detail }} updatedAt={T0} intervalMs={2000} />).lastFrame();
    expect([
      frame('ok', 'running'),
      frame('gone', 'exited (exit code 137)'),
      frame('docker-down', 'no Docker engine answers'),
      frame('restarting', 'restarting (3 restarts)'),
    ]).toEqual([
      '● watching: running · updated 08:00:00 UTC, every 2 s',
      '✖ TARGET GONE: exited (exit code 137) · last values below · waiting for it to return',
      '✖ DOCKER DOWN: no Docker engine answers · retrying every 2 s',
      '⚠ RESTARTING: restarting (3 restarts)',
    ]);
  });
});

describe('panels', () => {
  test('CPU without a limit shows the share of the host, scaled to its own peak', () => {
    const cpu = { latest: { ofQuota: null, ofHost: 12.5, throttled: null }, series: series(5, 10, 20, null) };
    expect(render(<CpuPanel cpu={cpu} hasQuota={false} now={T0} windowMs={WINDOW} width={50} sparkWidth={4} stale={false} />).lastFrame()).toBe(
      ['CPU      no CPU limit · 12.5% of host', '         ▂▄█  last 1 min, of host'].join('\n'),
    );
  });

  test('memory near the limit with ring buffers taking most of it', () => {
    const memory = {
      latest: { usageBytes: 460 * MIB, limitBytes: 512 * MIB, ofLimit: 89.8, ringBufferBytes: 256 * MIB, ringShare: 55.6 },
      series: series(400 * MIB, 460 * MIB),
    };
    expect(render(<MemoryPanel memory={memory} now={T0} windowMs={WINDOW} width={80} sparkWidth={2} stale={false} />).lastFrame()).toBe(
      ['Memory   460.0 MiB of 512.0 MiB (90%) · rings 256.0 MiB = 56% of it', '         ▇█ last 1 min, of limit'].join('\n'),
    );
  });

  test('events without /metrics or metrics snapshots say how to turn them on; text output has no rule names', () => {
    const events = {
      ...initialMonitorState().events,
      rates: { dropAlertsPerMin: 0, droppedInAlertsPerMin: 0, alertsPerMin: [{ priority: 'Warning', count: 4 }], topRules: [], unnamedAlerts: 4 },
    };
    expect(render(<EventsPanel events={events} prometheus={false} width={100} stale={false} />).lastFrame()).toBe(
      [
        'Events   drop alerts/min 0',
        '         kernel rates: no /metrics, no metrics snapshot yet (metrics.enabled, output_rule)',
        '         alerts/min: Warning 4',
        '         top rules: rule names need json_output: true',
      ].join('\n'),
    );
  });

  test('the service panel: choosing, none, and a named service that stopped', () => {
    const frame = (service: Parameters<typeof ServicePanel>[0]['service']) =>
      render(<ServicePanel service={service} now={T0} windowMs={WINDOW} width={80} sparkWidth={3} />).lastFrame();
    expect(frame('pending')).toBe('Service  finding the busiest other container…');
    expect(frame('none')).toBe('Service  no other running container (name one with --service)');
    expect(frame({ reading: { name: 'bot', chosen: 'named', state: 'gone' }, cpuSeries: series(4, 8, null) })).toBe(
      ['Service  bot (--service): ✖ not running', '         ▄█  last 1 min, CPU'].join('\n'),
    );
  });
});

describe('header and findings', () => {
  test('the header names target, version, engine, preset, ring buffers and limits', () => {
    expect(render(<TargetHeader header={header} />).lastFrame()).toBe(
      ['falco-security-monitor falcosecurity/falco:0.44.1', 'Falco 0.44.1 · modern_ebpf preset 8 (rings 256.0 MiB) · limits 0.2 CPU, 512.0 MiB'].join('\n'),
    );
    expect(
      render(
        <TargetHeader
          header={{ ...header, cpuLimitCores: null, memLimitBytes: null, falcoVersion: null, engineKind: null, bufferPreset: null, ringBufferBytes: null }}
        />,
      ).lastFrame(),
    ).toBe(['falco-security-monitor falcosecurity/falco:0.44.1', 'version unknown · engine unknown · limits no CPU limit, no memory limit'].join('\n'));
  });

  test('findings: none yet, none open, and a window that keeps the selection in view', () => {
    expect(render(<FindingsPanel lastDiagnosis={null} selected={0} height={3} />).lastFrame()).toBe('No diagnosis yet: press d to run one.');
    expect(render(<FindingsPanel lastDiagnosis={{ ...lastDiagnosis, findings: [] }} selected={0} height={3} />).lastFrame()).toBe(
      '✔ No open findings (last diagnosis 2026-11-23 07:55:00 UTC, falco-security-monitor)',
    );
    expect(render(<FindingsPanel lastDiagnosis={lastDiagnosis} selected={1} height={1} />).lastFrame()).toBe(
      [
        'Open findings (2) last diagnosis 2026-11-23 07:55:00 UTC, falco-security-monitor · ↑ 1 more',
        '› INFO     FD-CONF-PERFORMANCE  metrics.interval 5s is fine for a diagnosis; for production falco.y…',
      ].join('\n'),
    );
  });
});
