// The runbook operators, one by one (issue #14): what each says of a measured value, with thresholds
// by $name, and that an unmeasured probe is "unknown", never a pass.
import { describe, expect, it } from 'vitest';
import { runTest } from '../../src/core/diagnosis/evaluate.js';
import type { Runbook, Test } from '../../src/core/runbook/schema.js';
import { OPS } from '../../src/core/runbook/schema.js';

const rb: Runbook = { id: 'rb', title: 'rb', description: '', thresholds: { limit: { default: 80, description: 'd' } }, checks: [] };
const opts = (thresholds: Record<string, number> = {}) => ({ codes: {}, thresholds, describeFix: () => ({ id: '', title: '', summary: '', refused: null }) });
const run = (probe: string | number | boolean | null, op: Test['op'], value: Test['value'], thresholds?: Record<string, number>) =>
  runTest({ probe: 'p', op, value }, { p: probe }, rb, opts(thresholds));

describe('runbook operators', () => {
  it('cover the closed set', () => expect([...OPS].sort()).toEqual(['eq', 'gt', 'gte', 'in', 'lt', 'lte', 'ne', 'regex']));
  it('eq / ne compare exactly (no coercion: "1" is not 1)', () => {
    expect([run(true, 'eq', true), run(1, 'eq', '1'), run('ignore', 'ne', 'ignore'), run('log', 'ne', 'ignore')]).toEqual(['pass', 'fail', 'fail', 'pass']);
  });
  it('gt / gte / lt / lte on numbers only', () => {
    expect([run(81, 'gt', 80), run(80, 'gt', 80), run(80, 'gte', 80), run(79, 'lt', 80), run(80, 'lte', 80), run('90', 'gt', 80)]).toEqual([
      'pass',
      'fail',
      'pass',
      'pass',
      'pass',
      'fail',
    ]);
  });
  it('in: membership in a list', () => {
    expect([run('kmod', 'in', ['kmod', 'modern_ebpf']), run('ebpf', 'in', ['kmod', 'modern_ebpf'])]).toEqual(['pass', 'fail']);
  });
  it('regex: on the value as text', () => {
    expect([run('log,alert', 'regex', '(^|,)alert(,|$)'), run('log', 'regex', '(^|,)alert(,|$)'), run(42, 'regex', '^4')]).toEqual(['pass', 'fail', 'pass']);
  });
  it('$threshold: the default, or the operator override (qualified or bare)', () => {
    expect(run(85, 'gte', '$limit')).toBe('pass');
    expect(run(85, 'gte', '$limit', { 'rb.limit': 90 })).toBe('fail');
    expect(run(85, 'gte', '$limit', { limit: 90 })).toBe('fail');
  });
  it('an unmeasured probe is unknown, for every operator', () => {
    for (const op of OPS) expect(run(null, op, 1), op).toBe('unknown');
  });
});
