// `r` on the home screen: the rollout's status as lines (the same report `rollout status` prints),
// the command for the next step with the operator's --state-dir, lines wrapped so a command copies
// whole, and the screen's keys (scroll, read again, back).
import { render } from 'ink-testing-library';
import { describe, expect, it, test } from 'vitest';
import { evaluateGate } from '../../src/core/rollout/criteria.js';
import { withBaseline, withGate, withPhaseStarted } from '../../src/core/rollout/machine.js';
import { rolloutReport } from '../../src/core/rollout/report.js';
import { ROLLOUT_SCHEMA_VERSION, type RolloutState } from '../../src/core/rollout/state.js';
import { RolloutApp } from '../../src/ui/home/rollout/RolloutApp.js';
import { nextCommands, rolloutLines, type RolloutView } from '../../src/ui/home/rollout/view.js';
import { wrapLines, wrapWords } from '../../src/ui/home/wrap.js';
import { noisy, shippedPlan, windowOf } from '../core/rollout/helpers.js';
import { waitFor, waitForText } from './helpers/terminal.js';

const plan = shippedPlan();
const planView = {
  baselineWindow: plan.baseline.window,
  phases: plan.phases.map((p) => ({ id: p.id, title: p.title, window: p.window ?? plan.monitor.window })),
};
const base = {
  stateDir: '/state/falco-doctor/rollout',
  stateDirFlag: null,
  service: null,
  plan: planView,
  fixTitles: { 'disable-noncritical-rules': 'Disable rules below Warning priority' },
  loadError: null,
};
const notStarted: RolloutView = { ...base, report: rolloutReport(null, plan, 0) };

/** The lab's bot measured without Falco, then phase `core` with p95 latency 20 ms higher: the gate fails. */
function failedGate(): RolloutView {
  const start: RolloutState = {
    schemaVersion: ROLLOUT_SCHEMA_VERSION,
    createdAt: 0,
    updatedAt: 0,
    planPath: 'checklists/staged-rollout.yaml',
    target: {
      id: 'f',
      name: 'falco-security-monitor',
      configHostPath: '/h/falco.yaml',
      configPath: '/etc/falco/falco.yaml',
      configRoot: '/h',
      healthzUrl: null,
      watchConfig: true,
      dropActionsLog: true,
    },
    service: { container: 'ai-trading-bot', probe: { kind: 'http', url: 'http://127.0.0.1:18080/quote' }, connect: null },
    original: { present: false, rules: null },
    baseline: null,
    phases: [],
    status: 'ready',
    abortJournalId: null,
    log: [],
  };
  const baseline = windowOf({ latencyMs: noisy(300, 10, 1, 1) });
  const phase = windowOf({ latencyMs: noisy(300, 30, 1, 2) });
  const s = withGate(
    withPhaseStarted(withBaseline(start, 'j-baseline', baseline, 1), 'core', 'j-core', phase, 2),
    evaluateGate(baseline, phase, plan),
    plan,
    3,
  );
  return { ...base, report: rolloutReport(s, plan, 4) };
}

describe('rollout lines', () => {
  it('not started: the plan it will follow and the first command, with the placeholders to fill', () => {
    expect(rolloutLines(notStarted).map((l) => l.text)).toEqual([
      'state: /state/falco-doctor/rollout',
      'No rollout started yet.',
      'Plan: baseline with Falco stopped (5m), then one phase at a time:',
      '  1. core — Core rules only (the stable upstream ruleset) (24h)',
      '  2. extended — Stable and incubating rule sets (24h)',
      '  3. full — Full suite (your rules as configured before the rollout) (24h)',
      '',
      'Next: rollout next measures the baseline (stops Falco for the baseline window, after asking)',
      '  $ falco-doctor rollout next --service NAME --probe-url URL',
    ]);
  });

  it('a failed gate: the failing criterion, the fixes that address it, and the two ways on', () => {
    const lines = rolloutLines(failedGate());
    const texts = lines.map((l) => l.text);
    expect(texts).toContain('service ai-trading-bot · probe http://127.0.0.1:18080/quote');
    expect(texts).toContain('core — Core rules only (the stable upstream ruleset) (journal j-core)');
    expect(lines.find((l) => l.text === '  gate: FAILED')?.tone).toBe('critical');
    expect(texts.some((t) => /^ {4}✖ latency: p95 latency \+20\.\d+ ms/.test(t))).toBe(true);
    expect(texts).toContain('    failing criterion: latency. Fixes that address it:');
    expect(texts).toContain('      falco-doctor fix disable-noncritical-rules   Disable rules below Warning priority');
    expect(texts).toContain('Next: phase core failed its gate: latency; apply a fix, then rollout next --remeasure, or rollout abort');
    expect(texts.slice(-2)).toEqual(['  $ falco-doctor rollout next --remeasure', '  $ falco-doctor rollout abort']);
    // the chart is drawn as is, never wrapped
    expect(lines.filter((l) => l.nowrap).length).toBeGreaterThan(0);
  });

  it('a state that cannot be read says so, with the reason', () => {
    expect(rolloutLines({ ...base, report: null, loadError: '/s/rollout/state.json: not JSON' })).toEqual([
      { text: '✖ the rollout state could not be read: /s/rollout/state.json: not JSON', tone: 'critical' },
    ]);
  });

  it('commands carry the --state-dir given, quoted when a shell would split it, and the --service', () => {
    expect(nextCommands({ kind: 'measure-baseline' }, { stateDirFlag: '/srv/my state', service: 'ai-trading-bot' })).toEqual([
      "falco-doctor rollout next --service ai-trading-bot --probe-url URL --state-dir '/srv/my state'",
    ]);
    expect(nextCommands({ kind: 'resume-window', index: 0 }, { stateDirFlag: '/s', service: null })).toEqual(['falco-doctor rollout next --state-dir /s']);
    expect(nextCommands({ kind: 'done', reason: 'the rollout is complete' }, { stateDirFlag: null, service: null })).toEqual([]);
  });
});

describe('wrapping', () => {
  it('wraps at spaces within the width; a command continues with a backslash so it copies whole', () => {
    const cmd = '  $ falco-doctor rollout next --service NAME --probe-url URL --state-dir /tmp/fd-state-abc/falco-doctor';
    const lines = wrapWords(cmd, 60, ' \\');
    expect(lines).toEqual(['  $ falco-doctor rollout next --service NAME --probe-url \\', '      URL --state-dir /tmp/fd-state-abc/falco-doctor']);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
    expect(lines.join('\n').replace(/ \\\n +/g, ' ')).toBe(cmd);
    expect(wrapWords('short', 60)).toEqual(['short']);
    // a single word wider than the line stays whole (the Text cuts it)
    expect(wrapWords('a /a/very/long/path/that/does/not/fit', 10)).toEqual(['a', '    /a/very/long/path/that/does/not/fit']);
    expect(wrapLines([{ text: '▁▂▃▄▅▆▇█ '.repeat(20), nowrap: true }], 20)).toHaveLength(1);
  });
});

describe('rollout screen', () => {
  test('r reads the state again; q goes back', async () => {
    let reads = 0;
    const reload = async () => {
      reads++;
      return failedGate();
    };
    let left = false;
    const app = render(<RolloutApp initial={notStarted} reload={reload} onExit={() => (left = true)} />);
    const frame = () => app.lastFrame() ?? '';
    await waitForText(frame, 'Staged rollout · not-started');
    expect(frame()).toContain('↑/↓ scroll · r read again · q or Esc home');
    app.stdin.write('r');
    await waitForText(frame, 'Staged rollout · gate-failed');
    expect(reads).toBe(1);
    expect(left).toBe(false);
    app.stdin.write('q');
    await waitFor(
      () => String(left),
      (v) => v === 'true',
      { what: 'the screen to be left' },
    );
    app.unmount();
  });

  test('taller than the terminal: ↓ scrolls, and the screen says how much is left', async () => {
    const app = render(<RolloutApp initial={failedGate()} reload={async () => failedGate()} />);
    const frame = () => app.lastFrame() ?? '';
    const first = await waitForText(frame, 'more · ↑/↓ scroll');
    const left = Number(/↓ (\d+) more/.exec(first)?.[1]);
    expect(left).toBeGreaterThan(0);
    app.stdin.write('j');
    await waitFor(frame, (f) => f.includes(`↓ ${left - 1} more`), { what: 'one line scrolled' });
    app.unmount();
  });
});
