// Shared by the rollout lab tests: the lab scenario (the trading bot at a steady event rate, the 75
// busy local rules present but tagged `custom`, so the core phase leaves them out and the full suite
// brings them in), a compressed plan (windows of seconds) and a runner for the test entry.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import YAML from 'yaml';
import { REPO } from '../../core/helpers/fixtures.js';
import { SCENARIOS, busyLocalRules, type Scenario } from '../../lab/scenarios.js';

export const ENTRY = path.join(REPO, 'test/e2e/helpers/rollout-entry.ts');
export const TSX = path.join(REPO, 'node_modules/.bin/tsx');

/** 11000 events/s: 25 stable rules cost ~6 % of a CPU, all 100 rules want more than the 0.2 quota. */
export const ROLLOUT_SCENARIO: Scenario = {
  ...SCENARIOS.healthy,
  name: 'rollout',
  why: 'rollout lab: 25 stable upstream rules + 75 custom local rules at 11000 events/s under a 0.2 CPU quota',
  localRules: busyLocalRules(),
  env: { ...SCENARIOS.healthy.env, STANDIN_EVENT_RATE: '11000', STANDIN_STATE_MB: '8' },
};

/** The shipped plan with windows of seconds; phases: core (stable only), then the full suite. */
export function compressedPlan(dir: string, windowSeconds: number): string {
  const shipped = YAML.parse(fs.readFileSync(path.join(REPO, 'checklists/staged-rollout.yaml'), 'utf8')) as Record<string, unknown> & { phases: { id: string }[] };
  const plan = {
    ...shipped,
    baseline: { window: `${windowSeconds}s` },
    monitor: { window: `${windowSeconds}s`, sampleEvery: '500ms', probeEvery: '50ms' },
    phases: shipped.phases.filter((p) => p.id === 'core' || p.id === 'full'),
  };
  const file = path.join(dir, 'staged-rollout.yaml');
  fs.writeFileSync(file, YAML.stringify(plan));
  return file;
}

export function runRollout(args: string[], env: Record<string, string> = {}) {
  return execa(TSX, [ENTRY, 'rollout', ...args], { reject: false, cwd: REPO, env: { ...env, CI: 'true' }, timeout: 170_000 });
}
