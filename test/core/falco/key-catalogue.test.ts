// The key catalogue: derived from the upstream files by one command, and every shipped falco.yaml of
// every release is clean for its own version.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueInputs, CATALOGUE_FILE, renderCatalogue } from '../../../scripts/catalogue-inputs.js';
import { deriveCatalogue } from '../../../src/core/falco/catalogue/derive.js';
import { KNOWN_RELEASES, resolveRelease } from '../../../src/core/falco/catalogue/index.js';
import { knownKeysFor, lintConfig, lookupKey } from '../../../src/core/falco/index.js';
import { fixture } from '../helpers/fixtures.js';

const inputs = catalogueInputs();

describe('the catalogue is what the upstream data gives', () => {
  it('re-derived from ../shared/fixtures/falco and knowledge/falco-code-reads.json, byte for byte (npm run catalogue)', () => {
    expect(readFileSync(CATALOGUE_FILE, 'utf8')).toBe(renderCatalogue(deriveCatalogue(inputs)));
  });

  it('covers the 24 releases of RELEASES.md', () => {
    expect(inputs.releases).toHaveLength(24);
    expect(KNOWN_RELEASES).toEqual(inputs.releases.map((r) => r.version));
  });

  it('every key of every shipped falco.yaml is a key of that release, and each recorded line holds its key', () => {
    const derived = deriveCatalogue(inputs);
    const yamlOf = new Map(inputs.releases.map((r) => [r.version, r.yaml.split('\n')]));
    let checked = 0;
    for (const [path, k] of Object.entries(derived.keys))
      for (const run of k.shipped ?? []) {
        expect(knownKeysFor(run.from).has(path), `${run.from} ${path}`).toBe(true);
        // an independent check of the provenance: the line of the run's first release names the key
        expect(yamlOf.get(run.from)?.[run.line - 1], `${run.from} ${path}`).toMatch(new RegExp(`^\\s*${path.split('.').pop()}:`));
        checked++;
      }
    expect(checked).toBeGreaterThan(100); // 128 runs of (release, key, value) today
  });
});

describe('all 24 shipped configs: zero findings for their own version', () => {
  for (const r of inputs.releases) {
    it(`falco-${r.version}.yaml`, () => {
      const issues = lintConfig({ path: `releases/falco-${r.version}.yaml`, text: r.yaml }, { version: r.version });
      expect(issues.map((i) => `${i.severity} ${i.code} ${i.key}`)).toEqual([]);
    });
  }
});

describe('facts read from the data', () => {
  it('keys appear and go in the exact release', () => {
    // configuration.cpp reads outputs.rate and metadata_download through 0.36.2 (knowledge/falco-code-reads.json)
    expect(lookupKey('outputs.rate')).toMatchObject({ until: '0.37.0' });
    expect(lookupKey('metadata_download.max_mb')).toMatchObject({ until: '0.37.0' });
    // container_engines: configuration.cpp@0.39.0–0.40.0 only; the container plugin from 0.41.0
    expect(lookupKey('container_engines.docker.enabled')).toMatchObject({ since: '0.39.0', until: '0.41.0' });
    expect(knownKeysFor('0.40.0').has('container_engines.docker.enabled')).toBe(true);
    expect(knownKeysFor('0.41.0').has('container_engines.docker.enabled')).toBe(false);
    // the ten keys issue #13 saw reported as "first appears in 0.44.1" on 0.42.1's own file
    for (const k of [
      'buffer_format_base64',
      'http_output.max_consecutive_timeouts',
      'metrics.output_file',
      'metrics.kernel_event_counters_per_cpu_enabled',
      'metrics.plugins_metrics_enabled',
      'metrics.jemalloc_stats_enabled',
      'base_syscalls.all',
      'falco_libs.snaplen',
      'falco_libs.thread_table_auto_purging_interval_s',
      'falco_libs.thread_table_auto_purging_thread_timeout_s',
    ])
      expect(knownKeysFor('0.42.1').has(k), k).toBe(true);
  });

  it('defaults in code where they differ from the shipped yaml (configuration.cpp@0.42.1)', () => {
    const k = knownKeysFor('0.42.1');
    expect(k.get('webserver.enabled')).toMatchObject({ default: true, codeDefault: false }); // configuration.cpp@0.42.1:523
    expect(k.get('metrics.output_rule')).toMatchObject({ default: true, codeDefault: false }); // :620
    expect(k.get('engine.kind')).toMatchObject({ default: 'modern_ebpf', codeDefault: 'kmod' }); // :249
    expect(k.get('stdout_output.enabled')).toMatchObject({ default: true, codeDefault: false }); // :379
    expect(knownKeysFor('0.37.1').get('engine.kind')).toMatchObject({ default: 'kmod', codeDefault: 'kmod' });
  });

  it('the schema declares keys Falco does not read: rule_files, and container_engines from 0.41', () => {
    const issues = lintConfig({ path: 'x.yaml', text: 'rule_files: [/etc/falco/a.yaml]\n' }, { version: '0.42.1' });
    expect(issues.map((i) => [i.class, i.key])).toEqual([['not-a-falco-key', 'rule_files']]);
  });

  it('a version that is not a known release is judged by the nearest one, and says so', () => {
    expect(resolveRelease('0.42.1')).toEqual({ release: '0.42.1', exact: true, note: null });
    expect(resolveRelease('0.42.2')).toMatchObject({ release: '0.42.1', exact: false });
    expect(resolveRelease('0.45.0').note).toContain('newer than the newest release known (0.44.1)');
    expect(resolveRelease('0.34.0')).toMatchObject({ release: '0.35.0', exact: false });
    const text = fixture('releases/falco-0.44.1.yaml');
    expect(lintConfig({ path: 'f.yaml', text }, { version: '0.45.0' })).toEqual([]);
  });
});
