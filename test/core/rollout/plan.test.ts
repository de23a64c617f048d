import { describe, expect, it } from 'vitest';
import { loadRolloutPlan } from '../../../src/core/rollout/load-plan.js';
import { applySelection, phaseSelection } from '../../../src/core/rollout/selection.js';
import { repoFile } from '../helpers/fixtures.js';
import { FIX_IDS, shippedPlan } from './helpers.js';

describe('staged-rollout.yaml', () => {
  it('the shipped plan loads with the guide defaults', () => {
    const p = shippedPlan();
    expect(p.phases.map((x) => x.id)).toEqual(['core', 'extended', 'full']);
    expect(p.monitor.window).toBe('24h');
    expect(p.criteria).toMatchObject({
      latency: { maxIncreaseMs: 5, maxIncreasePercent: 10 },
      cpu: { maxIncreasePoints: 15 },
      memory: { maxIncreaseMb: 100 },
      'disk-io': { maxIncreasePercent: 20 },
      'network-latency': { maxIncreaseMs: 1 },
      drops: { max: 0 },
    });
  });

  it('reports a misspelt fix with its line and a did-you-mean, and a bad duration by key', () => {
    const text = repoFile('checklists/staged-rollout.yaml')
      .replace('cpu: [disable-noncritical-rules', 'cpu: [disable-noncritcal-rules')
      .replace('window: 24h', 'window: a day');
    const { plan, errors } = loadRolloutPlan({ path: 'x.yaml', text }, FIX_IDS);
    expect(plan).toBeNull();
    expect(errors.map((e) => `${e.line}: ${e.key}: ${e.message}`)).toEqual([expect.stringMatching(/^\d+: monitor.window: a duration such as 10s, 5m or 24h$/)]);
    const fixOnly = loadRolloutPlan({ path: 'x.yaml', text: text.replace('window: a day', 'window: 24h') }, FIX_IDS);
    expect(fixOnly.errors).toEqual([
      {
        file: 'x.yaml',
        line: expect.any(Number),
        key: 'fixes.cpu.0',
        message: 'unknown fix "disable-noncritcal-rules" (did you mean "disable-noncritical-rules"?)',
      },
    ]);
  });
});

describe('phase rule selection', () => {
  const [core, , full] = shippedPlan().phases;
  const yaml = '# falco.yaml\nwatch_config_files: true\n# rules: (commented upstream)\npriority: debug\n';

  it('a phase writes its entries into a `rules:` block and keeps every other byte', () => {
    const change = phaseSelection(core!, { present: false, rules: null });
    const out = applySelection(yaml, change, { present: false, rules: null });
    expect(out.startsWith(yaml.trimEnd())).toBe(true);
    expect(out).toContain('rules:');
    expect(out).toMatch(/disable:\s*\n?\s*rule: "\*"|disable: \{ rule: "\*" \}/);
  });

  it("the operator's own disables stay after the phase entries; the full suite restores the original", () => {
    const original = { present: true, rules: [{ disable: { rule: 'Noisy rule' } }, { enable: { tag: 'x' } }] };
    expect(phaseSelection(core!, original)).toEqual({ kind: 'set', rules: [...core!.rules, { disable: { rule: 'Noisy rule' } }] });
    expect(phaseSelection(full!, original)).toEqual({ kind: 'restore' });
    const absent = { present: false, rules: null };
    const phased = applySelection(yaml, phaseSelection(core!, absent), absent);
    expect(applySelection(phased, { kind: 'restore' }, absent)).toBe(yaml);
  });
});
