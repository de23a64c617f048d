// The production checklist against the lab (run under `flock /tmp/fd-lab.lock`): the healthy scenario
// and a misconfigured one differ in exactly the expected items; then the TUI walk in a real terminal
// (tmux): open an item's evidence, confirm a manual item with a note, and find it saved with who/when.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labDown, labUp } from '../lab/lab.js';
import { SCENARIOS, busyLocalRules, type Scenario } from '../lab/scenarios.js';
import type { ItemResult } from '../../src/core/checklist/results.js';
import { ENTRY_ARGV, runChecklist } from './helpers/rollout-lab.js';
import { startTmux } from './helpers/tmux.js';
import { REPO } from '../core/helpers/fixtures.js';

/** What operators get wrong: 100 rules, metrics off, JSON alerts repeating the output, program_output to a non-notifier. */
const MISCONFIGURED: Scenario = {
  ...SCENARIOS.healthy,
  name: 'misconfigured',
  why: 'checklist lab: many rules, no metrics, chatty outputs',
  falcoYamlEdits: [
    [['metrics', 'enabled'], false],
    [['json_output'], true],
    [['program_output', 'enabled'], true],
    [['program_output', 'program'], 'jq -c . >> /var/log/falco.json'],
  ],
  localRules: busyLocalRules(),
};

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'fd-checklist-'));
const statuses = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as { items: ItemResult[] }).items.map((i) => [i.id, i.status]));

afterAll(async () => {
  await labDown();
});

describe('production checklist in the lab', () => {
  let healthy: Record<string, string> = {};

  it('healthy: limits, buffers, rules, outputs, monitoring and the journal pass; alerting and the rollout items do not', async () => {
    await labUp('healthy', { dir: path.join(tmp(), 'lab') });
    const state = tmp();
    const r = await runChecklist(['--json', '--window', '3', '--state-dir', state]);
    expect(r.exitCode, r.stderr).toBe(3);
    healthy = statuses(r.stdout);
    expect(healthy).toEqual({
      'buffer-sizes': 'pass',
      'resource-limits': 'pass',
      'essential-rules': 'pass',
      'outputs-minimal': 'pass',
      monitoring: 'pass',
      alerting: 'fail',
      'performance-baseline': 'fail',
      'load-tested': 'fail',
      'rollback-plan': 'pass',
    });
    // the run is kept in the state dir with who and when
    const saved = JSON.parse(fs.readFileSync(path.join(state, 'checklist', 'results.json'), 'utf8')) as { runs: { by: string; at: string }[] };
    expect(saved.runs[0]!.by).toMatch(/.+@.+/);
    expect(fs.statSync(path.join(state, 'checklist', 'results.json')).mode & 0o777).toBe(0o600);
  });

  it('misconfigured: differs exactly in buffers (unknown: metrics off, drops cannot be counted), rules, outputs, monitoring and alerting (unknown: a program that may not notify)', async () => {
    await labUp(MISCONFIGURED, { dir: path.join(tmp(), 'lab') });
    const r = await runChecklist(['--json', '--window', '3', '--state-dir', tmp()]);
    const bad = statuses(r.stdout);
    const differing = Object.keys(bad).filter((k) => bad[k] !== healthy[k]);
    expect(differing).toEqual(['buffer-sizes', 'essential-rules', 'outputs-minimal', 'monitoring', 'alerting']);
    expect(bad).toMatchObject({ 'buffer-sizes': 'unknown', 'essential-rules': 'fail', 'outputs-minimal': 'fail', monitoring: 'fail', alerting: 'unknown' });
    const items = (JSON.parse(r.stdout) as { items: ItemResult[] }).items;
    expect(items.find((i) => i.id === 'essential-rules')!.fixes.map((f) => f.id)).toContain('disable-noncritical-rules');
    expect(items.find((i) => i.id === 'essential-rules')!.evidence[0]).toMatchObject({ label: 'Enabled rules', observed: '100' });
  });

  it('TUI walk (tmux): evidence of an item, confirm a manual item with a note, saved with who and when', async () => {
    await labUp(MISCONFIGURED, { dir: path.join(tmp(), 'lab') });
    const state = tmp();
    const t = await startTmux([...ENTRY_ARGV, 'checklist', '--window', '2', '--state-dir', state, '--no-color'], { cwd: REPO, cols: 120, rows: 40 });
    try {
      await t.waitForText('Production checklist ·', 60_000);
      await t.waitForText(/› . \w+\s+Buffer sizes/);
      // one key per frame: keys sent together arrive as one input ("jjj") and mean nothing
      for (const title of ['Resource limits set', 'Only essential rules', 'Output channels minimal', 'Monitoring on', 'Alerting reaches a person']) {
        await t.keys('j');
        await t.waitForText(new RegExp(`› . \\w+\\s+${title}`));
      }
      expect(await t.screen()).toContain('› ? unknown   Alerting reaches a person');
      await t.keys('Enter');
      const detail = await t.waitForText('Evidence');
      expect(detail).toContain('program_output: on → jq -c . >> /var/log/falco.json');
      expect(detail).toContain('Press c to confirm: Do Falco');
      await t.keys('c');
      await t.waitForText('Note ›');
      await t.keys('-l', 'jq feeds the on-call pager via fluent-bit, tested today');
      // the text input submits what it holds: Enter only once the whole note is drawn
      await t.waitForText('tested today');
      await t.keys('Enter');
      await t.waitForText('confirmation saved');
      expect(await t.screen()).toMatch(/✔ confirmed Alerting reaches a person/);
      await t.keys('Escape');
      await t.waitForText('› ✔ confirmed Alerting reaches a person');
      await t.keys('q');
      const saved = JSON.parse(fs.readFileSync(path.join(state, 'checklist', 'results.json'), 'utf8')) as {
        confirmations: Record<string, { by: string; at: string; note: string }>;
      };
      expect(saved.confirmations['alerting']).toMatchObject({
        note: 'jq feeds the on-call pager via fluent-bit, tested today',
        by: expect.stringMatching(/.+@.+/),
      });
      expect(Date.now() - Date.parse(saved.confirmations['alerting']!.at)).toBeLessThan(120_000);
    } finally {
      await t.kill();
    }
  });
});
