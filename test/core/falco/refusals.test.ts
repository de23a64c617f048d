// Configurations Falco refuses to start with, each from Falco's source at the tag cited, judged on the
// merged config with the code's defaults for absent keys. Through diagnose they are critical findings
// and configErrors (exit 2, as for invalid YAML).
import { describe, expect, it } from 'vitest';
import { computeEffectiveConfig } from '../../../src/core/falco/index.js';
import { startupRefusals } from '../../../src/core/falco/config/refusals.js';
import { diagnoseShape } from '../helpers/diagnose-shape.js';
import { fixture } from '../helpers/fixtures.js';
import { setKey } from '../../../src/core/falco/config/edit.js';

const refusals = (text: string, version = '0.42.1', extra: { path: string; text: string }[] = []) =>
  startupRefusals(
    computeEffectiveConfig(
      { path: '/etc/falco/falco.yaml', text },
      extra.map((file) => ({ file, strategy: 'append' as const })),
      [],
    ),
    version,
  ).map((r) => [r.key, r.message]);

describe('Falco refuses to start', () => {
  it('metrics enabled with no output (process_events.cpp@0.42.1:458); metrics.output_rule is false in code (configuration.cpp@0.42.1:620)', () => {
    expect(refusals('metrics:\n  enabled: true\n  interval: 1m\n')).toEqual([
      ['metrics.enabled', expect.stringContaining('Metrics are enabled with no output configured')],
    ]);
    expect(refusals('metrics:\n  enabled: true\n  interval: 1m\n  output_rule: true\n')).toEqual([]);
    expect(refusals('metrics:\n  enabled: true\n  interval: 1m\n  output_file: /tmp/m.json\n')).toEqual([]);
    expect(refusals('metrics:\n  enabled: true\n  interval: 1m\nwebserver:\n  prometheus_metrics_enabled: true\n')).toEqual([]);
  });

  it('metrics.interval under 100ms as Falco parses it (process_events.cpp@0.42.1:443, falco_utils.cpp@0.42.1 parse_prometheus_interval)', () => {
    // the code default "5000" and any number without a unit parse to 0 ms: the 100ms check (first) refuses them
    for (const interval of ['', '  interval: 5000\n', '  interval: 50ms\n', '  interval: 30s1m\n', '  interval: 1.5m\n'])
      expect(refusals(`metrics:\n  enabled: true\n  output_rule: true\n${interval}`), interval).toEqual([
        ['metrics.interval', expect.stringContaining('Metrics interval must have a minimum value of 100ms')],
      ]);
    for (const interval of ['100ms', '1m30s', '1h', '2w'])
      expect(refusals(`metrics:\n  enabled: true\n  output_rule: true\n  interval: ${interval}\n`), interval).toEqual([]);
  });

  it('metrics with no output, per release: a warning only in 0.35.x (process_events.cpp@0.35.1:433); the Prometheus flag counts from 0.38.1 (@0.38.0:416 and @0.38.1:416)', () => {
    const noOutput = 'metrics:\n  enabled: true\n  interval: 1m\n';
    expect(refusals(noOutput, '0.35.1')).toEqual([]);
    expect(refusals(noOutput, '0.36.0')).toEqual([
      ['metrics.enabled', 'Metrics are enabled with no output configured. Please enable at least one output channel'],
    ]);
    const promOnly = `${noOutput}webserver:\n  enabled: true\n  prometheus_metrics_enabled: true\n`;
    expect(refusals(promOnly, '0.38.0').map(([k]) => k)).toEqual(['metrics.enabled']);
    expect(refusals(promOnly, '0.38.1')).toEqual([]);
  });

  it('drop actions: ignore with log/alert, an unknown action, a threshold outside [0, 1] (configuration.cpp@0.42.1:546-583)', () => {
    expect(refusals('syscall_event_drops:\n  actions: [ignore, alert]\n')).toEqual([
      ['syscall_event_drops.actions', 'syscall event drop action "alert" does not make sense with the "ignore" action'],
    ]);
    expect(refusals('syscall_event_drops:\n  actions: [alert, ignore]\n')).toEqual([]); // the check is on order, as in the loop
    expect(refusals('syscall_event_drops:\n  actions: [page]\n')[0]?.[0]).toBe('syscall_event_drops.actions');
    expect(refusals('syscall_event_drops:\n  threshold: 1.5\n')[0]?.[0]).toBe('syscall_event_drops.threshold');
  });

  it('engine: an unknown kind, ebpf in 0.44 (configuration.cpp@0.44.0:236), replay without a capture file, preset outside 1..10 (configure_syscall_buffer_size.cpp@0.42.1:35)', () => {
    expect(refusals('engine:\n  kind: ebpf\n', '0.43.1')).toEqual([]);
    expect(refusals('engine:\n  kind: ebpf\n', '0.44.1')).toEqual([['engine.kind', "engine.kind 'ebpf' is not a valid kind."]]);
    expect(refusals('engine:\n  kind: replay\n')).toEqual([
      ['engine.replay.capture_file', "engine.kind is 'replay' but no engine.replay.capture_file specified."],
    ]);
    expect(refusals('engine:\n  kind: modern_ebpf\n  modern_ebpf:\n    buf_size_preset: 0\n')[0]?.[0]).toBe('engine.modern_ebpf.buf_size_preset');
    expect(refusals('engine:\n  kind: modern_ebpf\n  kmod:\n    buf_size_preset: 0\n')).toEqual([]); // another kind's block is not read
  });

  it('rules_file and rules_files both set (configuration.cpp@0.38.0:275); 0.37 reads rules_file only', () => {
    const both = 'rules_file: [/etc/falco/a.yaml]\nrules_files: [/etc/falco/b.yaml]\n';
    expect(refusals(both, '0.38.0')).toEqual([['rules_files', "both 'rules_files' and 'rules_file' keys set"]]);
    expect(refusals(both, '0.37.1')).toEqual([]);
  });

  it('an output enabled without its target (configuration.cpp@0.42.1:367,397,415), across a drop-in', () => {
    expect(refusals('file_output:\n  enabled: true\n  filename: ""\n')).toEqual([
      ['file_output.filename', 'file output enabled but no filename in configuration block'],
    ]);
    const main = 'config_files: [/etc/falco/config.d]\nhttp_output:\n  enabled: false\n';
    expect(refusals(main, '0.42.1', [{ path: '/etc/falco/config.d/http.yaml', text: 'http_output:\n  enabled: true\n' }])).toEqual([
      ['http_output.url', 'http output enabled but no url in configuration block'],
    ]);
  });

  it('none of the 24 shipped configs is refused by its own release', () => {
    for (const v of ['0.35.0', '0.36.2', '0.37.1', '0.38.2', '0.39.2', '0.40.0', '0.41.3', '0.42.1', '0.43.1', '0.44.0', '0.44.1'])
      expect(refusals(fixture(`releases/falco-${v}.yaml`), v), v).toEqual([]);
  });

  it('through diagnose: a critical FD-CONF-REFUSED finding and a configErrors entry (exit 2)', async () => {
    // the real 0.42.1 file with two edits made by the project's own comment-preserving editor
    const withNoOutput = setKey(setKey(fixture('releases/falco-0.42.1.yaml'), ['metrics', 'enabled'], true), ['metrics', 'output_rule'], false);
    const r = await diagnoseShape({ cpuPercent: 4, memBytes: 60 * 2 ** 20, falcoYaml: withNoOutput });
    expect(r.findings.filter((f) => f.code === 'FD-CONF-REFUSED').map((f) => [f.severity, f.evidence[0]?.label])).toEqual([['critical', 'metrics.enabled']]);
    expect(r.configErrors).toEqual([expect.stringContaining('metrics.enabled: Falco refuses to start: Metrics are enabled with no output configured')]);
  });
});
