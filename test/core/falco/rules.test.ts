import { describe, expect, it } from 'vitest';
import { computeEffectiveConfig, disableRuleOverride, getPath, loadRules, matchesWildcard } from '../../../src/core/falco/index.js';
import { CONFIG_VERSIONS, falcoYaml, fixture } from '../helpers/fixtures.js';

const RULES = { path: '/etc/falco/falco_rules.yaml', text: fixture('falco_rules-5.1.0.yaml') };

/** Counted straight from the raw text, without the loader: names of `- rule:` items and their `enabled:`. */
function rawCounts(text: string) {
  const items = text.split(/^(?=- )/m);
  const names = (kind: string) => new Set(items.filter((i) => i.startsWith(`- ${kind}:`)).map((i) => /^- \w+:\s*(.+)$/m.exec(i)?.[1]?.trim()));
  const rules = items.filter((i) => i.startsWith('- rule:'));
  const disabled = rules.filter((i) => /^ {2}enabled: false\s*$/m.test(i)).length;
  return { rules: names('rule').size, enabled: names('rule').size - disabled, lists: names('list').size, macros: names('macro').size };
}

describe('falco_rules-5.1.0.yaml', () => {
  const s = loadRules([RULES]);
  const raw = rawCounts(RULES.text);

  it('loads without errors and matches counts derived from the raw file', () => {
    expect(s.errors).toEqual([]);
    expect(s.totalCount).toBe(raw.rules);
    expect(s.enabledCount).toBe(raw.enabled);
    expect(s.listCount).toBe(raw.lists);
    expect(s.macroCount).toBe(raw.macros);
    expect(raw).toEqual({ rules: 25, enabled: 25, lists: 49, macros: 87 });
  });

  it('finds evt.type sets through macros', () => {
    const byName = new Map(s.rules.map((r) => [r.name, r]));
    expect(byName.get('Read sensitive file untrusted')?.evtTypes).toEqual(['open', 'openat', 'openat2']); // via open_read
    expect(byName.get('Terminal shell in container')?.evtTypes).toEqual(['execve', 'execveat']); // via spawned_process
    expect(byName.get('Create Symlink Over Sensitive Files')?.evtTypes).toEqual(['symlink', 'symlinkat']);
    expect(byName.get('PTRACE attached to process')?.evtTypes).toEqual(['ptrace']);
    expect(byName.get('Read sensitive file untrusted')).toMatchObject({ line: 397, priority: 'WARNING', source: 'syscall', enabled: true });
    expect(s.rules.every((r) => r.evtTypes !== null && r.evtTypes.length > 0)).toBe(true);
    expect(s.requiredEventTypes).toEqual(expect.arrayContaining(['execve', 'openat', 'connect', 'ptrace']));
    expect(byName.get('Run shell untrusted')?.costHints.some((h) => h.includes('string-matching'))).toBe(true);
  });

  for (const v of CONFIG_VERSIONS) {
    it(`computes the enabled set with the rules: selection of falco-${v}.yaml`, () => {
      const cfg = computeEffectiveConfig(falcoYaml(v), [], []);
      const sel = loadRules([RULES], getPath(cfg.value, 'rules'));
      expect(sel.enabledCount).toBe(raw.enabled); // the block ships commented out
      const withBlock = computeEffectiveConfig(falcoYaml(v), [], ['rules={x: 1}']).errors;
      expect(withBlock).toEqual([]);
    });
  }
});

describe('overrides and selection', () => {
  const local = (text: string) => ({ path: '/etc/falco/falco_rules.local.yaml', text });

  it('disables a rule with the supported override', () => {
    const yaml = disableRuleOverride('Read sensitive file untrusted');
    expect(yaml).toBe('- rule: Read sensitive file untrusted\n  enabled: false\n  override:\n    enabled: replace\n');
    const s = loadRules([RULES, local(yaml)]);
    expect(s.errors).toEqual([]);
    expect(s.enabledCount).toBe(24);
    expect(s.rules.find((r) => r.name === 'Read sensitive file untrusted')?.enabled).toBe(false);
    expect(disableRuleOverride('Rule: with colon')).toContain('- rule: "Rule: with colon"');
  });

  it('standalone enabled, append and override of conditions, lists and macros', () => {
    const s = loadRules([
      RULES,
      local(
        [
          '- rule: Terminal shell in container\n  enabled: false',
          '- list: shell_binaries\n  items: [fish]\n  override:\n    items: append',
          '- macro: open_read\n  condition: or evt.type = creat\n  append: true',
          '- rule: PTRACE attached to process\n  condition: and evt.type = open\n  override:\n    condition: replace',
          '- rule: Clear Log Activities\n  condition: and proc.name = x\n  override:\n    condition: append',
          '- rule: Ghost\n  condition: evt.type = open\n  override:\n    condition: append',
          '- rule: Mine\n  condition: evt.type = open and undefined_macro_here\n  priority: NOTICE\n  tags: [custom]',
        ].join('\n\n'),
      ),
    ]);
    const byName = new Map(s.rules.map((r) => [r.name, r]));
    expect(byName.get('Terminal shell in container')?.enabled).toBe(false);
    expect(byName.get('Read sensitive file untrusted')?.evtTypes).toEqual(['creat', 'open', 'openat', 'openat2']);
    expect(byName.get('Clear Log Activities')?.condition.endsWith('and proc.name = x')).toBe(true);
    // Loader errors come first (while folding the files), then condition errors (while compiling).
    expect(s.errors.map((e) => e.key)).toEqual(['Ghost', 'PTRACE attached to process', 'Mine']);
    expect(s.errors[0]?.message).toContain('no rule by that name already exists');
    expect(s.errors[1]?.message).toContain('unexpected "and"');
    expect(s.errors[2]?.message).toContain("undefined macro 'undefined_macro_here'");
    expect(byName.get('Mine')).toMatchObject({ priority: 'NOTICE', tags: ['custom'], enabled: true, file: '/etc/falco/falco_rules.local.yaml' });
  });

  it('applies rules: selection entries in order, with * wildcards and tags', () => {
    const s = loadRules([RULES], [{ disable: { rule: '*' } }, { enable: { tag: 'maturity_stable' } }, { disable: { rule: 'PTRACE*' } }]);
    expect(s.enabledCount).toBe(23);
    expect(loadRules([RULES], [{ disable: { tag: 'container' } }]).enabledCount).toBeLessThan(25);
    expect(matchesWildcard('Read*file*', 'Read sensitive file untrusted')).toBe(true);
    expect(matchesWildcard('Read*', 'Clear Log Activities')).toBe(false);
    expect(matchesWildcard('a*b*c', 'abc')).toBe(true);
  });

  it('reports YAML errors with file and line', () => {
    const s = loadRules([local('- rule: x\n  condition: [unclosed\n')]);
    expect(s.errors[0]).toMatchObject({ file: '/etc/falco/falco_rules.local.yaml' });
    expect(s.errors[0]?.line).not.toBeNull();
  });
});
