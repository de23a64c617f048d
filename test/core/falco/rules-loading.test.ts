// Rules loading as Falco does it, each rule from its source at the tag cited, on the real rules releases.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../src/core/falco/index.js';
import { engineVersionOf, rulesFolderEntries, rulesPaths } from '../../../src/core/falco/rules/loading.js';
import { effectiveConfigOfFiles } from '../../../src/core/falco/config/from-files.js';
import { fixture } from '../helpers/fixtures.js';

const rules = (name: string) => ({ path: `/etc/falco/${name}`, text: fixture(`rules-releases/${name}`) });

describe('rules loading', () => {
  it('priority minimum: enabled rules below it are skipped (falco_engine.cpp@0.42.1:222)', () => {
    const all = loadRules([rules('falco_rules-5.0.0.yaml')], undefined, { falcoVersion: '0.42.1' });
    const warningUp = loadRules([rules('falco_rules-5.0.0.yaml')], undefined, { falcoVersion: '0.42.1', minPriority: 'warning' });
    const below = all.rules.filter((r) => r.enabled && !['emergency', 'alert', 'critical', 'error', 'warning'].includes(r.priority.toLowerCase()));
    expect(below.length).toBeGreaterThan(0); // NOTICE / INFO rules in the stable set
    expect(warningUp.belowPriorityCount).toBe(below.length);
    expect(warningUp.enabledCount).toBe(all.enabledCount - below.length);
  });

  it('required_engine_version above the running engine: Falco refuses the file, with both versions (RELEASES.md engine table)', () => {
    const newest = rules('falco-incubating_rules-6.0.1.yaml');
    const required = /required_engine_version:\s*(\S+)/.exec(newest.text)?.[1];
    expect(required).toBeDefined();
    expect(engineVersionOf('0.35.0')).toBe('0.17.0');
    expect(engineVersionOf('0.42.1')).toBe('0.57.0');
    const old = loadRules([newest], undefined, { falcoVersion: '0.35.0' });
    expect(old.refusedFiles).toEqual([expect.objectContaining({ file: newest.path, running: '0.17.0' })]);
    expect(old.refusedFiles[0]?.message).toMatch(/requires engine version .* but Falco 0\.35\.0 runs engine 0\.17\.0/);
    expect(old.totalCount).toBe(0);
    expect(loadRules([newest], undefined, { falcoVersion: '0.44.1' }).refusedFiles).toEqual([]);
  });

  it('a rules folder: only *.yaml/*.yml from 0.41.0 (configuration.cpp@0.41.0 "only consider yaml files"), every file before', () => {
    const names = ['b_rules.yaml', 'a_rules.yml', 'README.md', 'c.yaml.bak'];
    expect(rulesFolderEntries(names, '0.41.0')).toEqual(['a_rules.yml', 'b_rules.yaml']);
    expect(rulesFolderEntries(names, '0.40.0')).toEqual(['README.md', 'a_rules.yml', 'b_rules.yaml', 'c.yaml.bak']);
  });

  it('0.37 reads rules_file only; 0.38+ rules_files (configuration.cpp@0.37.1:193, @0.38.0)', () => {
    const cfg = effectiveConfigOfFiles(
      [{ path: '/etc/falco/falco.yaml', text: 'rules_files: [/etc/falco/new.yaml]\nrules_file: [/etc/falco/old.yaml]\n' }],
      [],
    );
    expect(rulesPaths(cfg, '0.37.1')).toEqual({ key: 'rules_file', paths: ['/etc/falco/old.yaml'] });
    expect(rulesPaths(cfg, '0.38.0')).toEqual({ key: 'rules_files', paths: ['/etc/falco/new.yaml'] });
    const onlyNew = effectiveConfigOfFiles([{ path: '/etc/falco/falco.yaml', text: 'rules_files: [/etc/falco/new.yaml]\n' }], []);
    expect(rulesPaths(onlyNew, '0.37.1').paths).toEqual([]); // 0.37 ignores rules_files: no rules at all
  });

  it('the rules: selection disables a rule (falco.yaml `rules:` block, read from 0.38.0)', () => {
    const f = rules('falco_rules-5.0.0.yaml');
    const name = /^- rule: (.+)$/m.exec(f.text)?.[1]?.trim() as string;
    const before = loadRules([f], undefined, {});
    const after = loadRules([f], [{ disable: { rule: name } }], {});
    expect(after.enabledCount).toBe(before.enabledCount - 1);
    expect(after.rules.find((r) => r.name === name)?.enabled).toBe(false);
  });
});
