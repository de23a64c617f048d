import { describe, expect, it } from 'vitest';
import { computeEffectiveConfig, getPath, reserialize, setKey, unifiedDiff, unsetKey } from '../../../src/core/falco/index.js';
import { CONFIG_VERSIONS, falcoYaml } from '../helpers/fixtures.js';

const changed = (diff: string): string[] => diff.split('\n').filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+) /.test(l));

describe('round trip', () => {
  for (const v of CONFIG_VERSIONS) {
    it(`reserializes falco-${v}.yaml byte for byte`, () => {
      const text = falcoYaml(v).text;
      expect(reserialize(text)).toBe(text);
      expect(setKey(text, ['webserver', 'listen_port'], 8765)).toBe(text); // same value: no edit at all
    });
  }
});

describe('setKey / unsetKey keep every untouched byte', () => {
  const text = falcoYaml('0.44.1').text;

  it('changes one line for engine.modern_ebpf.buf_size_preset = 6', () => {
    const after = setKey(text, ['engine', 'modern_ebpf', 'buf_size_preset'], 6);
    const diff = unifiedDiff('falco.yaml', text, after);
    expect(changed(diff)).toEqual(['-    buf_size_preset: 4', '+    buf_size_preset: 6']);
    expect(diff.startsWith('--- a/falco.yaml\n+++ b/falco.yaml\n@@ ')).toBe(true);
    expect(getPath(computeEffectiveConfig({ path: 'f', text: after }, [], []).value, 'engine.modern_ebpf.buf_size_preset')).toBe(6);
    expect(getPath(computeEffectiveConfig({ path: 'f', text: after }, [], []).value, 'engine.kmod.buf_size_preset')).toBe(4);
  });

  it('replaces a quoted empty string with one line changed', () => {
    const after = setKey(text, ['metrics', 'output_file'], '/var/log/falco/metrics.jsonl');
    expect(changed(unifiedDiff('falco.yaml', text, after))).toEqual(['-  output_file: ""', '+  output_file: /var/log/falco/metrics.jsonl']);
  });

  it('adds new nested keys', () => {
    const after = setKey(text, ['webserver', 'threadiness_extra'], 3);
    expect(changed(unifiedDiff('falco.yaml', text, after))).toEqual(['+  threadiness_extra: 3']);
    const deeper = setKey(text, ['engine', 'kmod', 'new_opt'], true);
    expect(changed(unifiedDiff('falco.yaml', text, deeper))).toEqual(['+    new_opt: true']);
    const top = setKey(text, ['fresh', 'block'], { a: 1 });
    expect(changed(unifiedDiff('falco.yaml', text, top))).toEqual(['+fresh:', '+  block:', '+    a: 1']);
    const cfg = computeEffectiveConfig({ path: 'f', text: top }, [], []);
    expect(cfg.errors).toEqual([]);
    expect(getPath(cfg.value, 'fresh.block.a')).toBe(1);
  });

  it('replaces a value, keeping a trailing comment', () => {
    const src = 'a:\n  b: 1 # keep me\n  c: [x, y]\n';
    expect(setKey(src, ['a', 'b'], 2)).toBe('a:\n  b: 2 # keep me\n  c: [x, y]\n');
    expect(setKey(src, ['a', 'c'], ['z'])).toBe('a:\n  b: 1 # keep me\n  c:\n    - z\n');
    expect(setKey('engine: {kind: kmod}\n', ['engine', 'kind'], 'modern_ebpf')).toBe('engine: { kind: modern_ebpf }\n');
    expect(setKey('', ['a', 'b'], 'x')).toBe('a:\n  b: x\n');
  });

  it('sets a value under a null key', () => {
    expect(setKey('x:\ny: 1\n', ['x', 'z'], 1)).toBe('x:\n  z: 1\ny: 1\n');
  });

  it('removes a key and its lines only', () => {
    const after = unsetKey(text, ['engine', 'modern_ebpf', 'disable_iterators']);
    expect(changed(unifiedDiff('falco.yaml', text, after))).toEqual(['-    disable_iterators: false']);
    expect(unsetKey(text, ['no', 'such'])).toBe(text);
    expect(unsetKey('a:\n  b: 1\nc: 2\n', ['a', 'b'])).toBe('c: 2\n');
  });

  it('diff of identical texts is empty', () => {
    expect(unifiedDiff('f', text, text)).toBe('');
  });
});
