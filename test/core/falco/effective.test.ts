import { describe, expect, it } from 'vitest';
import { computeEffectiveConfig, configFileEntries, getPath, parseOverride } from '../../../src/core/falco/index.js';
import { CONFIG_VERSIONS, falcoYaml, lineOf } from '../helpers/fixtures.js';

describe('effective config of each shipped falco.yaml', () => {
  for (const v of CONFIG_VERSIONS) {
    it(`parses falco-${v}.yaml with provenance on every leaf`, () => {
      const main = falcoYaml(v);
      const cfg = computeEffectiveConfig(main, [], []);
      expect(cfg.errors).toEqual([]);
      expect(cfg.files).toEqual(['/etc/falco/falco.yaml']);
      expect(getPath(cfg.value, 'webserver.listen_port')).toBe(8765);
      expect(cfg.provenance['webserver.listen_port']).toEqual({ source: '/etc/falco/falco.yaml', line: lineOf(main.text, /^ {2}listen_port: 8765/) });
      expect(cfg.provenance['syscall_event_drops.actions']?.line).toBe(lineOf(main.text, /^ {2}actions:/));
      expect(getPath(cfg.value, 'syscall_event_drops.threshold')).toBe(0.1);
    });
  }

  it('finds engine.modern_ebpf.buf_size_preset on its own line in 0.44.1', () => {
    const main = falcoYaml('0.44.1');
    const cfg = computeEffectiveConfig(main, [], []);
    const engineLine = lineOf(main.text, /^engine:/);
    const modernLine = main.text.split('\n').findIndex((l, i) => i >= engineLine && /^ {2}modern_ebpf:/.test(l)) + 1;
    const presetLine = main.text.split('\n').findIndex((l, i) => i >= modernLine && /^ {4}buf_size_preset:/.test(l)) + 1;
    expect(cfg.provenance['engine.modern_ebpf.buf_size_preset']).toEqual({ source: '/etc/falco/falco.yaml', line: presetLine });
    expect(getPath(cfg.value, 'engine.modern_ebpf.buf_size_preset')).toBe(4);
  });
});

describe('drop-ins and -o overrides, with Falco precedence', () => {
  const main = falcoYaml('0.44.1');
  const dropIn = (path: string, text: string, strategy: 'append' | 'override' | 'add-only') => ({ file: { path, text }, strategy });

  it('append: sequences appended, other top-level keys replaced whole, new keys added', () => {
    const cfg = computeEffectiveConfig(
      main,
      [dropIn('/etc/falco/config.d/10-rules.yaml', 'rules_files:\n  - /etc/falco/extra.yaml\nengine:\n  kind: kmod\nnew_top: 1\n', 'append')],
      [],
    );
    expect(getPath(cfg.value, 'rules_files')).toEqual([
      '/etc/falco/falco_rules.yaml',
      '/etc/falco/falco_rules.local.yaml',
      '/etc/falco/rules.d',
      '/etc/falco/extra.yaml',
    ]);
    expect(cfg.provenance['rules_files']).toEqual({ source: '/etc/falco/config.d/10-rules.yaml', line: 1 });
    // yaml_helper::include_config_file merges top-level keys only: engine.modern_ebpf.* is gone.
    expect(getPath(cfg.value, 'engine')).toEqual({ kind: 'kmod' });
    expect(cfg.provenance['engine.modern_ebpf.buf_size_preset']).toBeUndefined();
    expect(cfg.provenance['engine.kind']).toEqual({ source: '/etc/falco/config.d/10-rules.yaml', line: 4 });
    expect(getPath(cfg.value, 'new_top')).toBe(1);
  });

  it('override replaces sequences; add-only keeps existing keys', () => {
    const cfg = computeEffectiveConfig(
      main,
      [dropIn('/d/a.yaml', 'rules_files: [/only.yaml]\n', 'override'), dropIn('/d/b.yaml', 'json_output: true\nbrand_new: x\n', 'add-only')],
      [],
    );
    expect(getPath(cfg.value, 'rules_files')).toEqual(['/only.yaml']);
    expect(getPath(cfg.value, 'json_output')).toBe(false);
    expect(cfg.provenance['json_output']?.source).toBe('/etc/falco/falco.yaml');
    expect(getPath(cfg.value, 'brand_new')).toBe('x');
    expect(cfg.files).toEqual(['/etc/falco/falco.yaml', '/d/a.yaml', '/d/b.yaml']);
  });

  it('-o wins over files, and errors are data', () => {
    const cfg = computeEffectiveConfig(
      main,
      [dropIn('/d/a.yaml', 'engine:\n  kind: modern_ebpf\n  modern_ebpf: {buf_size_preset: 5}\nconfig_files: []\n: bad\n', 'append')],
      ['engine.modern_ebpf.buf_size_preset=6', 'rules_files[0]=/x.yaml', 'nokeyvalue'],
    );
    expect(getPath(cfg.value, 'engine.modern_ebpf.buf_size_preset')).toBe(6);
    expect(cfg.provenance['engine.modern_ebpf.buf_size_preset']).toEqual({ source: '-o engine.modern_ebpf.buf_size_preset=6', line: null });
    expect(getPath(cfg.value, 'rules_files[0]')).toBe('/x.yaml');
    expect(cfg.provenance['rules_files']?.source).toBe('-o rules_files[0]=/x.yaml');
    expect(cfg.errors.map((e) => [e.file, e.key])).toContainEqual(['/d/a.yaml', 'config_files']);
    expect(cfg.errors.map((e) => e.file)).toContain('-o nokeyvalue');
  });

  it('reports YAML syntax errors with file and line', () => {
    const cfg = computeEffectiveConfig({ path: '/etc/falco/falco.yaml', text: 'a: 1\nb: [1, 2\nc: 3\n' }, [], []);
    expect(cfg.errors.length).toBeGreaterThan(0);
    expect(cfg.errors[0]).toMatchObject({ file: '/etc/falco/falco.yaml' });
    expect(cfg.errors[0]?.line).toBeGreaterThanOrEqual(2);
  });
});

describe('configFileEntries', () => {
  it('reads strings and {path, strategy}', () => {
    expect(configFileEntries(computeEffectiveConfig(falcoYaml('0.44.1'), [], []).value)).toEqual([{ path: '/etc/falco/config.d', strategy: 'append' }]);
    expect(
      configFileEntries({
        config_files: ['/a', { path: '/b', strategy: 'override' }, { path: '/c', strategy: 'add-only' }, { path: '/d', strategy: 'weird' }],
      }),
    ).toEqual([
      { path: '/a', strategy: 'append' },
      { path: '/b', strategy: 'override' },
      { path: '/c', strategy: 'add-only' },
      { path: '/d', strategy: 'append' },
    ]);
  });
  it('loads nothing when the key is absent or before 0.38', () => {
    expect(configFileEntries({})).toEqual([]);
    expect(configFileEntries({ config_files: ['/a'] }, '0.37.1')).toEqual([]);
  });
});

describe('parseOverride (configuration.cpp set_cmdline_option)', () => {
  it('splits at the first = and types the scalar', () => {
    expect(parseOverride('engine.kind=kmod')).toEqual({ path: 'engine.kind', value: 'kmod' });
    expect(parseOverride('metrics.enabled=true')).toEqual({ path: 'metrics.enabled', value: true });
    expect(parseOverride('x=a=b')).toEqual({ path: 'x', value: 'a=b' });
    expect(parseOverride('plugins[0].init_config={a: 1}')).toEqual({ path: 'plugins[0].init_config', value: { a: 1 } });
    expect(parseOverride('rules_files[]=/x.yaml')).toEqual({ path: 'rules_files[]', value: '/x.yaml' });
    expect(parseOverride('k=')).toEqual({ path: 'k', value: '' });
  });
  it('returns errors as data', () => {
    expect(parseOverride('novalue')).toMatchObject({ message: expect.stringContaining('Must be of the form key=val') });
    expect(parseOverride('a..b=1')).toMatchObject({ key: 'a..b' });
    expect(parseOverride('a[x]=1')).toMatchObject({ message: expect.stringContaining("expected a numeric index, found 'x'") });
  });
});
