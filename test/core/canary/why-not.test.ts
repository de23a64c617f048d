// The canary's "why not": each reason from a real 0.42.1 falco.yaml with one edit, against the real
// falco_rules 5.0.0; and the verdict once the window is over (alert seen, buffered, dropped).
import { describe, expect, it } from 'vitest';
import { canaryTarget, pickCanary } from '../../../src/core/canary/target.js';
import { configReasons, judge } from '../../../src/core/canary/verdict.js';
import type { Canary } from '../../../src/core/canary/schema.js';
import { formatCanary } from '../../../src/core/canary/format.js';
import { context, SHIPPED } from './helpers.js';

const canary = SHIPPED[0] as Canary;
const codes = (ctx: Parameters<typeof canaryTarget>[0]) => configReasons(canaryTarget(ctx, canary)).map((r) => r.code);
const miss = { marker: 'falco-doctor-canary-x', actionAtMs: 0, timeoutMs: 20_000, alert: null };

describe('canary: what the configuration says before it fires', () => {
  it('the shipped config and rules with -U: the rule is enabled, stdout readable, nothing in the way', () => {
    const t = pickCanary(context(), SHIPPED);
    expect(t.rule.state).toBe('enabled');
    expect(t.channels.map((c) => c.kind)).toEqual(['stdout']);
    expect(configReasons(t)).toEqual([]);
  });

  it('disabled through the rules: selection, by name or by tag, names the selection entry', () => {
    const byName = configReasons(canaryTarget(context({ edits: [[['rules'], [{ disable: { rule: 'Read sensitive file untrusted' } }]]] }), canary));
    expect(byName.map((r) => r.code)).toEqual(['disabled']);
    expect(byName[0]?.text).toContain('rules: disable rule "Read sensitive file untrusted"');
    const byTag = configReasons(canaryTarget(context({ edits: [[['rules'], [{ disable: { tag: 'T1555' } }]]] }), canary));
    expect(byTag[0]?.text).toContain('tag "T1555"');
    // enabled again by a later entry: nothing in the way
    expect(codes(context({ edits: [[['rules'], [{ disable: { rule: 'Read*' } }, { enable: { rule: 'Read sensitive file untrusted' } }]]] }))).toEqual([]);
  });

  it('disabled in its rules file names the file', () => {
    const rules = '- rule: Read sensitive file untrusted\n  condition: evt.type=openat\n  output: x\n  priority: WARNING\n  enabled: false\n';
    const r = configReasons(canaryTarget(context({ rules }), canary));
    expect(r[0]).toMatchObject({ code: 'disabled', text: expect.stringContaining('/etc/falco/falco_rules.yaml:1') });
  });

  it('a rules file without the rule: not loaded', () => {
    expect(codes(context({ rules: '- rule: Other\n  condition: evt.type=openat\n  output: x\n  priority: WARNING\n' }))).toEqual(['not-loaded']);
  });

  it('priority error: the WARNING rule is below the minimum', () => {
    const r = configReasons(canaryTarget(context({ edits: [[['priority'], 'error']] }), canary));
    expect(r.map((x) => x.code)).toEqual(['below-priority']);
    expect(r[0]?.text).toContain('below the configured priority minimum error');
  });

  it('base_syscalls: a positive custom_set without repair misses the state syscalls; repair adds them back; !openat blinds the rule', () => {
    const noRepair = configReasons(canaryTarget(context({ edits: [[['base_syscalls', 'custom_set'], ['openat']]] }), canary));
    expect(noRepair.map((x) => x.code)).toContain('syscall-missing');
    expect(noRepair.map((x) => x.text).join('\n')).toMatch(/syscall clone is not traced: not in base_syscalls.custom_set and repair is false/);
    expect(
      codes(
        context({
          edits: [
            [['base_syscalls', 'custom_set'], ['openat']],
            [['base_syscalls', 'repair'], true],
          ],
        }),
      ),
    ).toEqual([]);
    const negated = configReasons(canaryTarget(context({ edits: [[['base_syscalls', 'custom_set'], ['!openat']]] }), canary));
    expect(negated).toEqual([{ code: 'syscall-missing', text: 'syscall openat is not traced: base_syscalls.custom_set removes it (!openat)' }]);
  });

  it('stdout off and file_output off the bind mounts: no readable channel; under the mounted /etc/falco: the file, by its host path', () => {
    const off = context({
      edits: [
        [['stdout_output', 'enabled'], false],
        [['file_output', 'enabled'], true],
        [['file_output', 'filename'], '/var/log/falco/events.txt'],
      ],
    });
    const r = configReasons(canaryTarget(off, canary));
    expect(r.map((x) => x.code)).toEqual(['no-channel']);
    expect(r[0]?.text).toContain('/var/log/falco/events.txt: not on a bind mount');
    const mounted = canaryTarget(
      context({
        edits: [
          [['stdout_output', 'enabled'], false],
          [['file_output', 'enabled'], true],
          [['file_output', 'filename'], '/etc/falco/events.txt'],
        ],
      }),
      canary,
    );
    expect(mounted.channels).toEqual([{ kind: 'file', path: '/etc/falco/events.txt', hostPath: '/srv/falco/events.txt' }]);
  });
});

describe('canary: the verdict after the window', () => {
  it('detected: the channel and the latency from the action to the alert time and to the line', () => {
    const v = judge(canaryTarget(context(), canary), {
      ...miss,
      actionAtMs: 1000,
      drops: 0,
      alert: { channel: 'stdout', line: '…', alertAtMs: 1012, seenAtMs: 1040 },
    });
    expect(v).toMatchObject({ detected: true, channel: 'stdout', latencyMs: 12, deliveryMs: 40, reasons: [] });
  });

  it('Falco 0.42 without -U and no alert: the reason names the buffered outputs; with -U it does not', () => {
    const late = judge(canaryTarget(context({ unbuffered: false }), canary), { ...miss, drops: 0 });
    expect(late.detected).toBe(false);
    expect(late.reasons.map((r) => r.code)).toEqual(['buffered']);
    expect(late.reasons[0]?.text).toMatch(/block-buffered .*-U/);
    const unknown = judge(canaryTarget(context(), canary), { ...miss, drops: 0 });
    expect(unknown.reasons.map((r) => r.code)).toEqual(['unknown']);
  });

  it('drops counted in the window are named; an unmeasured window says so', () => {
    const v = judge(canaryTarget(context(), canary), { ...miss, drops: 1234 });
    expect(v.reasons).toEqual([{ code: 'dropped', text: "Falco dropped 1234 events during the 20 s window: the canary's may be among them" }]);
    expect(judge(canaryTarget(context(), canary), { ...miss, drops: null }).reasons[0]?.text).toContain('drop counters not readable');
  });

  it('a rule disabled and buffered outputs: both named, the configuration first', () => {
    const ctx = context({ unbuffered: false, edits: [[['rules'], [{ disable: { rule: 'Read sensitive file untrusted' } }]]] });
    expect(judge(canaryTarget(ctx, canary), { ...miss, drops: 0 }).reasons.map((r) => r.code)).toEqual(['disabled', 'buffered']);
  });
});

describe('canary report text', () => {
  const base = {
    schemaVersion: 1 as const,
    target: 'falco',
    firedAt: '2026-12-07T06:10:01.000Z',
    timeoutMs: 20_000,
    actionExit: 1,
    drops: 0,
    capture: 'counting' as const,
  };
  it('detected: rule, channel and both latencies; not detected: each reason on its line', () => {
    const v = judge(canaryTarget(context(), canary), {
      ...miss,
      actionAtMs: 0,
      drops: 0,
      alert: { channel: 'stdout', line: 'x', alertAtMs: 93, seenAtMs: 96 },
    });
    expect(formatCanary({ ...base, verdict: v })).toContain(
      'detected: rule "Read sensitive file untrusted" via stdout, latency 93 ms (action → alert time), on the channel after 96 ms',
    );
    const ctx = context({ unbuffered: false, edits: [[['rules'], [{ disable: { rule: 'Read*' } }]]] });
    const text = formatCanary({ ...base, verdict: judge(canaryTarget(ctx, canary), { ...miss, drops: 0 }) });
    expect(text).toMatch(/NOT detected within 20 s: rule "Read sensitive file untrusted"\n {2}- disabled: .*rules: disable rule "Read\*"\n {2}- buffered: /);
  });
});
