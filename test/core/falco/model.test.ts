import { describe, expect, it } from 'vitest';
import { compareVersions, engineKindsFor, engineOptionsFor, knownBlocksFor, knownKeysFor, lookupKey, parseYamlSource } from '../../../src/core/falco/index.js';
import { CONFIG_VERSIONS, falcoYaml } from '../helpers/fixtures.js';

describe('compareVersions', () => {
  it('orders semver and ignores suffixes', () => {
    expect(compareVersions('0.38.0', '0.37.1')).toBeGreaterThan(0);
    expect(compareVersions('0.9.0', '0.10.0')).toBeLessThan(0);
    expect(compareVersions('0.38.0-debian', '0.38.0')).toBe(0);
    expect(compareVersions('v0.44.1', '0.44.1')).toBe(0);
  });
});

describe('key catalogue against the shipped falco.yaml of each release', () => {
  for (const v of CONFIG_VERSIONS) {
    it(`knows every key of falco-${v}.yaml`, () => {
      const parsed = parseYamlSource(falcoYaml(v));
      expect(parsed.errors).toEqual([]);
      const known = knownKeysFor(v);
      const blocks = knownBlocksFor(v);
      const freeForm = [...known.values()].filter((k) => k.type === 'map' || k.type === 'sequence').map((k) => k.path);
      const unknown = [...parsed.keyLines.keys()].filter((p) => !known.has(p) && !blocks.has(p) && !freeForm.some((f) => p.startsWith(`${f}.`)));
      expect(unknown).toEqual([]);
    });
  }

  it('has the facts of falco-facts.md for defaults', () => {
    expect(lookupKey('engine.modern_ebpf.cpus_for_each_buffer')?.default).toBe(2);
    expect(lookupKey('syscall_event_drops.threshold')).toMatchObject({ default: 0.1, min: 0, max: 1 });
    expect(lookupKey('webserver.listen_port')?.default).toBe(8765);
    expect(lookupKey('metrics.interval')?.default).toBe('1h');
  });

  it('separates keys by version', () => {
    expect(knownKeysFor('0.36.2').has('rules_file')).toBe(true);
    expect(knownKeysFor('0.36.2').has('rules_files')).toBe(false);
    expect(knownKeysFor('0.38.0').has('rules_files')).toBe(true);
    expect(knownKeysFor('0.38.0').has('syscall_buf_size_preset')).toBe(false);
    expect(knownKeysFor('0.43.0').has('grpc.enabled')).toBe(true);
    expect(knownKeysFor('0.44.1').has('grpc.enabled')).toBe(false);
    expect(knownKeysFor('0.42.0').has('capture.mode')).toBe(true);
    expect(knownKeysFor('0.41.0').has('capture.mode')).toBe(false);
  });

  it('lists engine kinds and options per version', () => {
    expect(engineKindsFor('0.36.2')).toEqual([]);
    expect(engineKindsFor('0.38.0')).toEqual(['kmod', 'ebpf', 'modern_ebpf', 'replay', 'gvisor', 'nodriver']);
    expect(engineKindsFor('0.44.1')).toEqual(['kmod', 'modern_ebpf', 'replay', 'nodriver']);
    expect(engineOptionsFor('modern_ebpf', '0.38.0').sort()).toEqual(['buf_size_preset', 'cpus_for_each_buffer', 'drop_failed_exit']);
    expect(engineOptionsFor('modern_ebpf', '0.44.1')).toContain('disable_iterators');
    expect(engineOptionsFor('ebpf', '0.44.1')).toEqual([]);
    expect(engineOptionsFor('nodriver', '0.44.1')).toEqual([]);
  });
});
