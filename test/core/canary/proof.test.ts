// The detection check of a change (before → after) and the last proof as one line.
import { describe, expect, it } from 'vitest';
import { compareDetection, detectionPolicy, proofView } from '../../../src/core/canary/proof.js';
import { judge, type CanaryVerdict } from '../../../src/core/canary/verdict.js';
import { canaryTarget } from '../../../src/core/canary/target.js';
import { SHIPPED, context } from './helpers.js';
import { canaryState } from '../helpers/canary-state.js';

const canary = SHIPPED[0]!;
const verdict = (edits: [string[], unknown][], alert: boolean): CanaryVerdict =>
  judge(canaryTarget(context({ edits }), canary), {
    marker: 'falco-doctor-canary-t',
    actionAtMs: 1000,
    timeoutMs: 5000,
    alert: alert ? { channel: 'stdout', line: 'x', alertAtMs: 1084, seenAtMs: 1100 } : null,
    drops: 0,
  });

describe('detection before and after a change', () => {
  const detected = verdict([], true);
  it('kept: a pass naming the rule and both latencies', () => {
    expect(compareDetection(detected, verdict([], true))).toEqual({
      ok: true,
      note: 'detection kept: rule "Read sensitive file untrusted" via stdout, 84 ms before, 84 ms after',
    });
  });

  it('lost after base_syscalls removes openat: a failure naming the rule and the syscall the config now leaves out', () => {
    const after = verdict(
      [
        [
          ['base_syscalls', 'custom_set'],
          ['!openat', '!open', '!openat2'],
        ],
      ],
      false,
    );
    const r = compareDetection(detected, after);
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({
      reason: expect.stringContaining('detection lost: rule "Read sensitive file untrusted" alerted before the change and not after'),
    });
    expect(r).toMatchObject({
      reason: expect.stringContaining('syscall-missing: syscall openat is not traced: base_syscalls.custom_set removes it (!openat)'),
    });
  });

  it('not detected before: nothing to lose, "could not tell" (never a pass, never an undo)', () => {
    const before = verdict([[['rules'], [{ disable: { rule: 'Read sensitive file untrusted' } }]]], false);
    expect(compareDetection(before, verdict([], false))).toMatchObject({ ok: null, note: expect.stringContaining('not detected before the change either') });
    expect(before.reasons.map((r) => r.code)).toContain('disabled');
  });

  it('not measured before or after: null, said so', () => {
    expect(compareDetection(null, detected)).toMatchObject({ ok: null, note: expect.stringContaining('not measured before') });
    expect(compareDetection(detected, null)).toMatchObject({ ok: null, note: expect.stringContaining('not measured after') });
  });
});

describe('the last proof as one line', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  const state = canaryState({ lastAt: '2026-12-07T09:58:30Z', rule: 'R', channel: 'file', latencyMs: 91.6, by: 'fix raise-cpu-limit, after' });
  it('detected, not detected (with the reasons), unfinished, never', () => {
    expect(proofView(state, now)).toEqual({ detected: true, line: 'proven 2 min ago on falco: rule "R" via file, 92 ms (fix raise-cpu-limit, after)' });
    expect(proofView({ ...state, detected: false, reasons: ['disabled: rule "R" is disabled by x'] }, now).line).toBe(
      'NOT detected 2 min ago on falco: rule "R" — disabled: rule "R" is disabled by x (fix raise-cpu-limit, after)',
    );
    expect(proofView({ ...state, detected: null }, now)).toMatchObject({
      detected: null,
      line: 'not proven: the last canary (2 min ago on falco) did not finish',
    });
    expect(proofView(null, now)).toEqual({ detected: null, line: 'never proven: falco-doctor canary fires one' });
    expect(proofView({ ...state, lastAt: '2026-12-05T10:00:00Z' }, now).line).toMatch(/^proven 48 h ago|^proven 2 days ago/);
  });
});

describe('whether a change proves detection', () => {
  it('--canary always, --no-canary never; by default only on a terminal, asked once and the answer kept', () => {
    expect(detectionPolicy('on', false, null)).toBe('run');
    expect(detectionPolicy('on', true, 'no')).toBe('run');
    expect(detectionPolicy('off', true, 'yes')).toBe('skip');
    expect(detectionPolicy('ask', false, 'yes')).toBe('skip');
    expect(detectionPolicy('ask', true, null)).toBe('ask');
    expect(detectionPolicy('ask', true, 'yes')).toBe('run');
    expect(detectionPolicy('ask', true, 'no')).toBe('skip');
  });
});
