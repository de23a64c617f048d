import { describe, expect, it } from 'vitest';
import {
  parseAlertLine,
  parseDropAlert,
  parseMetricsSnapshot,
  parsePrometheus,
  parseShutdownSummary,
  parseStartupLog,
  promValue,
} from '../../../src/core/falco/index.js';
import { sample } from '../helpers/fixtures.js';

const firstLine = (name: string): string => sample(name).split('\n')[0] as string;

describe('parseDropAlert (real 0.42.1 samples)', () => {
  it('json_output', () => {
    const d = parseDropAlert(firstLine('drop-alert.json'));
    expect(d).toMatchObject({ time: '2026-11-23T08:00:09.597860667Z', nDrops: 275160, nEvts: 685977, format: 'json' });
    expect(d?.fields['n_drops_buffer_open_exit']).toBe(137773);
    expect(d?.fields['n_drops_buffer_total']).toBe(275160);
    expect(Object.keys(d?.fields ?? {})).toHaveLength(15);
  });
  it('text output', () => {
    const d = parseDropAlert(firstLine('drop-alert-text.txt'));
    expect(d).toMatchObject({ time: '08:01:26.057270124', nDrops: 146905, nEvts: 355780, format: 'text' });
    expect(d?.fields['n_drops_buffer_close_exit']).toBe(73313);
  });
  it('rejects other lines', () => {
    expect(parseDropAlert(firstLine('alert-json-read-sensitive-file.json'))).toBeNull();
    expect(parseDropAlert(firstLine('metrics-snapshot.json'))).toBeNull();
    expect(parseDropAlert('not json but mentions syscall event drop')).toBeNull();
  });
});

describe('parseMetricsSnapshot', () => {
  it('json', () => {
    const m = parseMetricsSnapshot(firstLine('metrics-snapshot.json'));
    expect(m?.format).toBe('json');
    expect(m?.time).toBe('2026-11-23T08:14:35.173784685Z');
    expect(m?.fields).toMatchObject({
      'falco.cpu_usage_perc': 3.4,
      'falco.memory_rss_mb': 54.2,
      'scap.engine_name': 'modern_bpf',
      'scap.n_evts': 4692,
      'falco.rules.Read_sensitive_file_untrusted': 19,
    });
  });
  it('text', () => {
    const m = parseMetricsSnapshot(firstLine('metrics-snapshot-text.txt'));
    expect(m).toMatchObject({ time: '08:01:19.238799437', format: 'text' });
    expect(m?.fields).toMatchObject({
      'falco.cpu_usage_perc': 44.2,
      'falco.version': '0.42.1',
      'scap.engine_name': 'modern_bpf',
      'scap.n_evts': 446,
      'falco.host_netinfo.interfaces.eth0.protocols.ipv6.addresses': 'fd00:0:0:0:0:0:0:2,fe80:0:0:0:fc:ff:fe00:1',
    });
    expect(parseMetricsSnapshot(firstLine('drop-alert.json'))).toBeNull();
  });
});

describe('parsePrometheus', () => {
  const samples = parsePrometheus(sample('webserver-metrics-prometheus.http.txt'));
  it('skips the HTTP headers and reads every sample', () => {
    const body = sample('webserver-metrics-prometheus.http.txt')
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n\n');
    const expected = body.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).length;
    expect(samples).toHaveLength(expected);
    expect(promValue(samples, 'falcosecurity_scap_n_evts_total')).toBe(4122);
    expect(promValue(samples, 'falcosecurity_falco_memory_rss_bytes')).toBe(56733696);
    expect(promValue(samples, 'falcosecurity_falco_cpu_usage_ratio')).toBeCloseTo(0.052);
  });
  it('sums by label subset', () => {
    expect(promValue(samples, 'falcosecurity_scap_n_drops_buffer_total')).toBe(0);
    expect(samples.filter((s) => s.name === 'falcosecurity_scap_n_drops_buffer_total' && s.labels['dir'] === 'exit')).toHaveLength(8);
    expect(promValue(samples, 'falcosecurity_falco_rules_matches_total', { rule_name: 'Read sensitive file untrusted' })).toBe(19);
    expect(promValue(samples, 'falcosecurity_falco_version_info', { version: '0.42.1' })).toBe(1);
    expect(promValue(samples, 'falcosecurity_nope')).toBeNull();
  });
  it('parses a raw body with escapes', () => {
    expect(parsePrometheus('# HELP x\nx{a="q\\"uote"} 2 1700000000\ny +Inf\n')).toEqual([
      { name: 'x', labels: { a: 'q"uote' }, value: 2 },
      { name: 'y', labels: {}, value: Infinity },
    ]);
  });
});

describe('parseStartupLog', () => {
  it('reads the real 0.42.1 startup log', () => {
    const s = parseStartupLog(sample('startup-log.txt').split('\n'));
    expect(s).toEqual({
      version: '0.42.1',
      arch: 'x86_64',
      configFiles: [
        { path: '/etc/falco/config.d/falco.container_plugin.yaml', validation: 'ok' },
        { path: '/etc/falco/falco.yaml', validation: 'ok' },
      ],
      rulesFiles: [
        { path: '/etc/falco/falco_rules.yaml', validation: 'ok' },
        { path: '/etc/falco/falco_rules.local.yaml', validation: 'none' },
      ],
      bufferBytes: 8388608,
      engine: 'modern_ebpf',
      ringBufferEveryCpus: 2,
      webserver: { threadiness: 2, address: '127.0.0.1', port: 8765 },
      metricsIntervalMs: 5000,
      errors: [],
      standIn: false,
    });
  });
  it('reads the dry-run log, older and journal formats, errors and the stand-in marker', () => {
    expect(parseStartupLog(sample('dry-run.log').split('\n'))).toMatchObject({ version: '0.42.1', bufferBytes: 8388608, engine: null, webserver: null });
    const s = parseStartupLog([
      'Dec 17 07:00:26 node01 falco[17904]: Falco version: 0.37.0 (x86_64)',
      'Wed Apr  3 12:22:26 2024: Falco initialized with configuration file: /etc/falco/falco.yaml',
      'Wed Apr  3 12:22:26 2024: Loading rules from file /etc/falco/falco_rules.yaml',
      "Wed Apr  3 12:22:26 2024: Opening 'syscall' source with Kernel module",
      'Wed Apr  3 12:22:26 2024:    /etc/falco/x.yaml | schema validation: failed for <root>: bad',
      "Error: engine.kind 'foo' is not a valid kind.",
      'Falco STAND-IN (lab)',
    ]);
    expect(s).toMatchObject({
      version: '0.37.0',
      engine: 'kmod',
      standIn: true,
      configFiles: [{ path: '/etc/falco/falco.yaml', validation: 'unknown' }],
      rulesFiles: [{ path: '/etc/falco/falco_rules.yaml', validation: 'unknown' }],
    });
    expect(s.errors).toEqual(['/etc/falco/x.yaml | schema validation: failed for <root>: bad', "Error: engine.kind 'foo' is not a valid kind."]);
  });
});

describe('parseShutdownSummary', () => {
  it('reads stdout and stderr of the real run', () => {
    const s = parseShutdownSummary(`${sample('shutdown-summary-with-drops.stdout.txt')}\n${sample('shutdown-summary-with-drops.stderr.txt')}`);
    expect(s).toEqual({
      eventsDetected: 35,
      bySeverity: { WARNING: 35 },
      byRule: { 'Read sensitive file untrusted': 35 },
      dropOccurrences: 7,
      actionsTaken: 7,
    });
    expect(parseShutdownSummary('')).toEqual({ eventsDetected: null, bySeverity: {}, byRule: {}, dropOccurrences: null, actionsTaken: null });
  });
});

describe('parseAlertLine', () => {
  it('json and text alerts', () => {
    expect(parseAlertLine(firstLine('alert-json-read-sensitive-file.json'))).toMatchObject({
      time: '2026-11-23T08:14:15.525692877Z',
      priority: 'Warning',
      rule: 'Read sensitive file untrusted',
      format: 'json',
    });
    const t = parseAlertLine(firstLine('alert-text-read-sensitive-file.txt'));
    expect(t).toMatchObject({ time: '08:01:25.438762173', priority: 'Warning', rule: null, format: 'text' });
    expect(t?.output.startsWith('Sensitive file opened for reading by non-trusted program |')).toBe(true);
    expect(parseAlertLine(firstLine('drop-alert-text.txt'))).toMatchObject({ priority: 'Debug', rule: 'Falco internal: syscall event drop' });
    expect(parseAlertLine('2026-11-23T08:14:15.525692877+0000: Critical Something bad')).toMatchObject({
      priority: 'Critical',
      time: '2026-11-23T08:14:15.525692877+0000',
    });
    expect(parseAlertLine(firstLine('startup-log.txt'))).toBeNull();
    expect(parseAlertLine('{"a":1}')).toBeNull();
  });
});

describe('drops and snapshots as Falco writes them (issue #13)', () => {
  it('one drop, written by both the log action (stderr) and the alert (stdout), counts once (event_drops.cpp@0.42.1:149)', async () => {
    const { dedupeDropAlerts, parseDropAlert } = await import('../../../src/core/falco/parse/drop-alert.js');
    const alert = sample('drop-alert-text.txt').trim();
    // falco_logger::log to stderr: "<ctime>: <msg>" (logger.cpp@0.42.1), the message of the alert without its fields
    const log = 'Mon Nov 23 08:01:26 2026: Falco internal: syscall event drop. 146905 system calls dropped in last second.';
    const parsed = [log, alert].map(parseDropAlert);
    expect(parsed.map((p) => p?.via)).toEqual(['log', 'alert']);
    expect(dedupeDropAlerts(parsed.filter((p) => p !== null)).map((p) => [p.via, p.nDrops])).toEqual([['alert', 146905]]);
    // a log line alone (actions: [log]) is still a drop
    expect(dedupeDropAlerts([parseDropAlert(log)!]).length).toBe(1);
  });

  it('a text metrics snapshot carries its time in evt.time (ns), so two give a span and a drop rate', async () => {
    const { parseMetricsSnapshot } = await import('../../../src/core/falco/parse/metrics-snapshot.js');
    const text = parseMetricsSnapshot(sample('metrics-snapshot-text.txt').trim());
    const json = parseMetricsSnapshot(sample('metrics-snapshot.json').trim());
    expect(text?.format).toBe('text');
    expect(text?.timeMs).toBeCloseTo(1795420879238.8, 0); // evt.time=1795420879238799437
    expect(json?.timeMs).toBeCloseTo(1795421675173.8, 0);
    expect(new Date(text!.timeMs!).toISOString()).toBe('2026-11-23T08:01:19.238Z');
  });
});
