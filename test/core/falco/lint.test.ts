import { describe, expect, it } from 'vitest';
import { explainShellAdvice, lintConfig, type LintIssue } from '../../../src/core/falco/index.js';
import { CONFIG_VERSIONS, falcoYaml } from '../helpers/fixtures.js';

const lint = (text: string, version: string | null = '0.44.1', extra: { enabledRuleEventTypes?: string[] } = {}): LintIssue[] =>
  lintConfig({ path: '/etc/falco/config.d/tuning.yaml', text }, { version, ...extra });
const brief = (issues: LintIssue[]) => issues.map((i) => ({ key: i.key, class: i.class, replacement: i.replacement, line: i.line }));

describe('shipped falco.yaml files are clean for their own version', () => {
  for (const v of CONFIG_VERSIONS) it(`falco-${v}.yaml`, () => expect(lintConfig(falcoYaml(v), { version: v })).toEqual([]));

  it('0.36.2 file read by 0.44.1: renamed and removed keys', () => {
    const issues = lintConfig(falcoYaml('0.36.2'), { version: '0.44.1' });
    expect(issues.map((i) => [i.key, i.class, i.replacement])).toEqual([
      ['rules_file', 'renamed', 'rules_files'],
      ['outputs', 'deprecated', null],
      ['grpc_output', 'deprecated', null],
      ['grpc', 'deprecated', null],
      ['syscall_buf_size_preset', 'renamed', 'engine.modern_ebpf.buf_size_preset'],
      ['syscall_drop_failed_exit', 'renamed', 'engine.modern_ebpf.drop_failed_exit'],
      ['modern_bpf.cpus_for_each_syscall_buffer', 'renamed', 'engine.modern_ebpf.cpus_for_each_buffer'],
      ['metadata_download', 'deprecated', null],
    ]);
  });
});

describe('snippets from tuning guides', () => {
  it('options under the wrong engine kind', () => {
    const text = 'engine:\n  kind: modern_ebpf\n  ebpf:\n    probe: ""\n    buf_size_preset: 1\n    drop_failed_exit: true\n';
    for (const v of ['0.38.0', '0.44.1']) {
      expect(brief(lint(text, v))).toEqual([
        { key: 'engine.ebpf.probe', class: 'wrong-engine-kind', replacement: null, line: 4 },
        { key: 'engine.ebpf.buf_size_preset', class: 'wrong-engine-kind', replacement: 'engine.modern_ebpf.buf_size_preset', line: 5 },
        { key: 'engine.ebpf.drop_failed_exit', class: 'wrong-engine-kind', replacement: 'engine.modern_ebpf.drop_failed_exit', line: 6 },
      ]);
    }
    expect(lint(text)[1]?.fix).toEqual([{ key: 'engine.modern_ebpf.buf_size_preset', value: 1 }]);
  });

  it('top-level syscall_buf_size_preset: valid, deprecated or ignored by version', () => {
    const text = 'syscall_buf_size_preset: 1\n';
    expect(lint(text, '0.36.2')).toEqual([]);
    expect(lint(text, '0.37.1').map((i) => [i.class, i.severity, i.replacement])).toEqual([['renamed', 'warning', 'engine.modern_ebpf.buf_size_preset']]);
    expect(lint(text, '0.44.1').map((i) => [i.class, i.severity, i.replacement])).toEqual([['renamed', 'error', 'engine.modern_ebpf.buf_size_preset']]);
    expect(lint('engine: {kind: kmod}\nsyscall_buf_size_preset: 1\n')[0]?.replacement).toBe('engine.kmod.buf_size_preset');
  });

  it('the invented tune: block', () => {
    const issues = lint(
      'tune:\n  syscall_buf_size: 4194304\n  syscall_drops_threshold: 0.2\n  syscall_drops_timeout: 60\n  syscall_drops_rate: 2\n  syscall_drops_max_burst: 500\n',
    );
    expect(issues.map((i) => [i.key, i.class, i.replacement])).toEqual([
      ['tune.syscall_buf_size', 'not-a-falco-key', 'engine.modern_ebpf.buf_size_preset'],
      ['tune.syscall_drops_threshold', 'not-a-falco-key', 'syscall_event_drops.threshold'],
      ['tune.syscall_drops_timeout', 'not-a-falco-key', null],
      ['tune.syscall_drops_rate', 'not-a-falco-key', 'syscall_event_drops.rate'],
      ['tune.syscall_drops_max_burst', 'not-a-falco-key', 'syscall_event_drops.max_burst'],
    ]);
    expect(issues[0]?.fix).toEqual([{ key: 'engine.modern_ebpf.buf_size_preset', value: 3 }]); // 4 MB is preset 3
  });

  it('rules_file is renamed from 0.38 on, and both keys together are fatal', () => {
    const text = 'rules_file:\n  - /etc/falco/falco_rules.yaml\n  - /etc/falco/falco_rules.local.yaml\n';
    expect(brief(lint(text, '0.38.0'))).toEqual([{ key: 'rules_file', class: 'renamed', replacement: 'rules_files', line: 1 }]);
    expect(lint(text, '0.36.2')).toEqual([]);
    // both keys: a refusal on the merged config (refusals.test.ts), the file lint says "renamed"
    expect(lint(`${text}rules_files: [/a.yaml]\n`).map((i) => i.class)).toEqual(['renamed']);
  });

  it('real output keys raise nothing', () => {
    const text =
      'json_output: true\njson_include_output_property: true\njson_include_tags_property: true\nfile_output:\n  enabled: true\n  keep_alive: false\n  filename: /var/log/falco/events.json\nprogram_output:\n  enabled: false\n  program: "jq \'{text: .output}\'"\n';
    for (const v of CONFIG_VERSIONS) expect(lint(text, v)).toEqual([]);
  });

  it('metrics.collection_interval_seconds -> metrics.interval: 30s', () => {
    const [i] = lint('metrics:\n  enabled: true\n  collection_interval_seconds: 30\n');
    expect(i).toMatchObject({
      code: 'FD-CONF-NOT-A-FALCO-KEY',
      class: 'not-a-falco-key',
      key: 'metrics.collection_interval_seconds',
      replacement: 'metrics.interval',
      line: 3,
      fix: [{ key: 'metrics.interval', value: '30s' }],
    });
  });

  it('log_rotation has no replacement', () => {
    expect(brief(lint('log_rotation:\n  max_size: 100\n  max_backups: 5\n  max_age: 7\n'))).toEqual([
      { key: 'log_rotation', class: 'not-a-falco-key', replacement: null, line: 1 },
    ]);
  });

  it('prometheus_output -> the webserver /metrics', () => {
    const issues = lint('prometheus_output:\n  enabled: true\n  listen_port: 9376\n');
    expect(brief(issues)).toEqual([
      { key: 'prometheus_output.enabled', class: 'not-a-falco-key', replacement: 'webserver.prometheus_metrics_enabled', line: 2 },
      { key: 'prometheus_output.listen_port', class: 'not-a-falco-key', replacement: 'webserver.listen_port', line: 3 },
    ]);
    expect(issues[0]?.fix).toEqual([
      { key: 'webserver.prometheus_metrics_enabled', value: true },
      { key: 'metrics.enabled', value: true },
    ]);
    expect(issues[1]?.message).toContain('8765');
  });

  it('base_syscalls.custom_set: names, negations and missing state syscalls', () => {
    const text = 'base_syscalls:\n  custom_set:\n    - openat\n    - opneat\n    - "!connect"\n    - execve\n  repair: false\n';
    const issues = lint(text, '0.44.1', { enabledRuleEventTypes: ['openat', 'execve', 'execveat', 'connect'] });
    expect(issues.map((i) => [i.class, i.line, i.didYouMean ?? i.replacement])).toEqual([
      ['contradiction', 2, null],
      ['contradiction', 2, 'base_syscalls.repair'],
      ['unknown-syscall', 4, 'openat'],
    ]);
    expect(issues[0]?.message).toContain('!connect');
    expect(issues[1]?.message).toContain('clone');
    expect(lint(text.replace('repair: false', 'repair: true'), '0.44.1', { enabledRuleEventTypes: ['openat'] }).map((i) => i.class)).toEqual([
      'unknown-syscall',
    ]);
  });
});

describe('other checks', () => {
  it('unknown keys with did-you-mean', () => {
    const issues = lint('webserver:\n  listen_prot: 8765\nwebservr:\n  enabled: true\nlisten_port: 1\n');
    expect(issues.map((i) => [i.key, i.class, i.didYouMean, i.line])).toEqual([
      ['webserver.listen_prot', 'unknown-key', 'webserver.listen_port', 2],
      ['webservr', 'unknown-key', 'webserver', 3],
      ['listen_port', 'unknown-key', 'webserver.listen_port', 5],
    ]);
  });

  it('wrong types and out-of-range values', () => {
    const issues = lint(
      'engine:\n  kind: modern_bpf\n  modern_ebpf:\n    buf_size_preset: 0\n    cpus_for_each_buffer: -1\nsyscall_event_drops:\n  threshold: 1.5\njson_output: maybe\nwebserver:\n  listen_port: http\nmetrics:\n  interval: 30 seconds\n',
    );
    expect(issues.map((i) => [i.key, i.class, i.didYouMean])).toEqual([
      ['engine.kind', 'out-of-range', 'modern_ebpf'],
      ['engine.modern_ebpf.buf_size_preset', 'out-of-range', null],
      ['engine.modern_ebpf.cpus_for_each_buffer', 'out-of-range', null],
      ['syscall_event_drops.threshold', 'out-of-range', null],
      ['json_output', 'wrong-type', null],
      ['webserver.listen_port', 'wrong-type', null],
      ['metrics.interval', 'wrong-type', null],
    ]);
    expect(lint('engine:\n  kind: ebpf\n', '0.44.1')[0]).toMatchObject({ key: 'engine.kind', class: 'out-of-range' });
    expect(lint('engine:\n  kind: ebpf\n', '0.43.0')).toEqual([]);
    expect(lint('json_output: yes\nwebserver:\n  listen_port: "8765"\n')).toEqual([]); // yaml-cpp converts these
  });

  it('contradictions', () => {
    expect(lint('webserver:\n  enabled: false\n  prometheus_metrics_enabled: true\nmetrics:\n  enabled: false\n').map((i) => [i.class, i.replacement])).toEqual(
      [
        ['contradiction', 'webserver.enabled'],
        ['contradiction', 'metrics.enabled'],
      ],
    );
    // what Falco refuses to start with is judged on the merged config: test/core/falco/refusals.test.ts
  });

  it('performance traps', () => {
    expect(lint('metrics:\n  enabled: true\n  interval: 50ms\n').map((i) => i.class)).toEqual(['out-of-range']);
    expect(lint('metrics:\n  enabled: true\n  interval: 5s\n').map((i) => [i.class, i.severity])).toEqual([['performance', 'info']]);
    expect(lint('syscall_event_drops:\n  simulate_drops: true\nbase_syscalls:\n  all: true\n').map((i) => [i.class, i.key])).toEqual([
      ['performance', 'syscall_event_drops.simulate_drops'],
      ['performance', 'base_syscalls.all'],
    ]);
    expect(lint('engine:\n  kind: kmod\n  kmod:\n    buf_size_preset: 8\n')[0]?.message).toContain('128 MB per ring buffer');
  });

  it('removed and deprecated keys', () => {
    expect(lint('grpc:\n  enabled: true\n', '0.43.0').map((i) => [i.key, i.class])).toEqual([['grpc.enabled', 'deprecated']]);
    expect(lint('grpc:\n  enabled: true\n', '0.44.1').map((i) => [i.key, i.class])).toEqual([['grpc', 'deprecated']]);
    expect(lint('capture:\n  enabled: true\n', '0.41.0').map((i) => [i.key, i.class])).toEqual([['capture', 'unknown-key']]);
  });
});

describe('explainShellAdvice', () => {
  it('flags the invented endpoints and files', () => {
    expect(explainShellAdvice('curl http://localhost:8765/stats')).toMatchObject({ verdict: 'wrong', replacement: 'curl http://localhost:8765/metrics' });
    expect(explainShellAdvice('curl http://localhost:8765/stats')?.message).toMatch(/\/healthz.*\/versions.*\/metrics/);
    const debugfs = explainShellAdvice('cat /sys/kernel/debug/falco/stats');
    expect(debugfs?.verdict).toBe('wrong');
    expect(debugfs?.message).toMatch(/syscall event drop.*metrics snapshot.*\/metrics/);
  });
  it('accepts the real endpoints and ignores unrelated commands', () => {
    expect(explainShellAdvice('curl -s http://127.0.0.1:8765/metrics')?.verdict).toBe('ok');
    expect(explainShellAdvice('curl localhost:8765/healthz')?.verdict).toBe('ok');
    expect(explainShellAdvice('wget -qO- http://localhost:8765/versions')?.verdict).toBe('ok');
    expect(explainShellAdvice('ls -la /etc/falco')).toBeNull();
  });
});
