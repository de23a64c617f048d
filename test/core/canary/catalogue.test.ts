// runbooks/canaries.yaml: checked against the real rules it names (falco_rules 5.0.0 of Falco 0.42), and
// refused with file:line:key when it is wrong; the alert recognised by rule or output start and marker.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCanaries, argvWithMarker, canaryMarker } from '../../../src/core/canary/schema.js';
import { formatDataError } from '../../../src/core/runbook/load.js';
import { alertTime, findAlert } from '../../../src/core/canary/verdict.js';
import { paceRefusal } from '../../../src/core/canary/pace.js';
import { loadRules } from '../../../src/core/falco/rules/load.js';
import { fixture } from '../helpers/fixtures.js';
import { SHIPPED } from './helpers.js';

const RULES = fixture('rules-releases/falco_rules-5.0.0.yaml');
const errorsOf = (text: string) => loadCanaries({ path: 'canaries.yaml', text }).errors.map(formatDataError);
const GOOD = `canaries:
  - id: read-sensitive-file
    rule: Read sensitive file untrusted
    rules_release: falco_rules 5.x
    why: test
    argv: [/bin/cat, /etc/shadow, '/{marker}']
    event_types: [openat]
    alert: { rule: Read sensitive file untrusted, output_prefix: Sensitive file, priority: Warning }
`;

describe('canary catalogue', () => {
  it('each shipped canary matches its rule in falco_rules 5.0.0: output start, priority, event types', () => {
    expect(SHIPPED.length).toBeGreaterThan(0);
    const items = parse(RULES) as { rule?: string; output?: string; priority?: string }[];
    const analyzed = loadRules([{ path: 'falco_rules.yaml', text: RULES }]);
    for (const c of SHIPPED) {
      const rule = items.find((i) => i.rule === c.rule);
      expect(rule, c.rule).toBeDefined();
      expect(rule?.output?.startsWith(c.alert.output_prefix)).toBe(true);
      // the marker reaches the alert through proc.cmdline
      expect(rule?.output).toContain('%proc.cmdline');
      expect(rule?.priority?.toLowerCase()).toBe(c.alert.priority.toLowerCase());
      expect([...c.event_types].sort()).toEqual(analyzed.rules.find((r) => r.name === c.rule)?.evtTypes);
    }
  });

  it('a minimal entry loads; the marker names falco-doctor and lands in the argv', () => {
    const [c] = loadCanaries({ path: 'canaries.yaml', text: GOOD }).canaries;
    const marker = canaryMarker(1_700_000_000_000, 'ab12cd34');
    expect(marker).toMatch(/^falco-doctor-canary-[a-z0-9]+$/);
    expect(argvWithMarker(c!, marker)).toEqual(['/bin/cat', '/etc/shadow', `/${marker}`]);
  });

  it('refuses a bad entry with file:line:key', () => {
    expect(errorsOf(GOOD.replace("'/{marker}'", '/tmp/x'))).toEqual([
      'canaries.yaml:6: canaries.0.argv: one argument must carry {marker} (the alert is recognised by it)',
    ]);
    expect(errorsOf(GOOD.replace('[openat]', '[opnat]'))).toEqual(['canaries.yaml:7: canaries.0.event_types.0: not a Linux x86_64 syscall']);
    expect(errorsOf(GOOD.replace('    why: test\n', '    why: test\n    shell: yes\n'))[0]).toMatch(/^canaries\.yaml:2: canaries\.0: Unrecognized key.*shell/);
    expect(errorsOf(GOOD + GOOD.replace('canaries:\n', ''))).toEqual(['canaries.yaml:9: canaries.1.id: duplicate canary id "read-sensitive-file"']);
    expect(errorsOf('canaries: [\n')[0]).toMatch(/^canaries\.yaml:\d+: /);
  });
});

describe('canary alert', () => {
  const c = SHIPPED[0]!;
  const marker = 'falco-doctor-canary-abc';
  const text = (m: string) =>
    `06:10:01.250000000: Warning Sensitive file opened for reading by non-trusted program | file=/etc/shadow process=cat command=cat /etc/shadow /${m} terminal=0`;
  const action = Date.parse('2026-12-07T06:10:01.000Z');

  it('text output: found by its output start and this run marker, timed by its own timestamp', () => {
    const lines = [
      { t: '2026-12-07T06:10:01.300Z', text: text('falco-doctor-canary-other') },
      { t: '2026-12-07T06:10:01.400Z', text: text(marker) },
    ];
    expect(findAlert(lines, c, marker, 'stdout', action)).toEqual({
      channel: 'stdout',
      line: text(marker),
      alertAtMs: action + 250,
      seenAtMs: action + 400,
    });
    expect(findAlert(lines.slice(0, 1), c, marker, 'stdout', action)).toBeNull();
  });

  it('JSON output: found by its rule name', () => {
    const line = JSON.stringify({ time: '2026-12-07T06:10:01.020000000Z', rule: c.rule, priority: 'Warning', output: `x command=cat /${marker}` });
    expect(findAlert([{ t: '2026-12-07T06:10:01.100Z', text: line }], c, marker, 'stdout', action)?.alertAtMs).toBe(action + 20);
  });

  it('a time of day is placed on the action day, across midnight too', () => {
    expect(alertTime('23:59:59.900', Date.parse('2026-12-08T00:00:00.100Z'))).toBe(Date.parse('2026-12-07T23:59:59.900Z'));
    expect(alertTime('2026-12-07T06:10:01.5+0000', 0)).toBe(Date.parse('2026-12-07T06:10:01.500Z'));
  });

  it('paced: one per 3 minutes unless forced', () => {
    const last = { lastAt: '2026-12-07T06:00:00Z', marker, rule: c.rule, detected: true };
    expect(paceRefusal(last, Date.parse('2026-12-07T06:01:00Z'), false)).toContain('next in 120 s');
    expect(paceRefusal(last, Date.parse('2026-12-07T06:01:00Z'), true)).toBeNull();
    expect(paceRefusal(last, Date.parse('2026-12-07T06:03:00Z'), false)).toBeNull();
    expect(paceRefusal(null, 0, false)).toBeNull();
  });
});
