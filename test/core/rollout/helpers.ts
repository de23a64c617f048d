// Windows built from plain arrays, with seeded noise, for the pure rollout tests.
import { seededRng } from '../../../src/core/rollout/rng.js';
import { emptyWindow, type MeasureWindow, type SeriesId } from '../../../src/core/rollout/window.js';
import { loadRolloutPlan } from '../../../src/core/rollout/load-plan.js';
import type { RolloutPlan } from '../../../src/core/rollout/plan-schema.js';
import { repoFile } from '../helpers/fixtures.js';
import YAML from 'yaml';

export function windowOf(series: Partial<Record<SeriesId, number[]>>, drops: number | null = 0): MeasureWindow {
  const w = emptyWindow(1_000, 10_000);
  for (const [k, v] of Object.entries(series) as [SeriesId, number[]][]) w.series[k] = { values: [...v], seen: v.length };
  w.drops = drops;
  w.dropsSource = drops === null ? null : 'test';
  return w;
}

/** n values around `mid`, spread ±`spread` (uniform, seeded). */
export function noisy(n: number, mid: number, spread: number, seed: number): number[] {
  const r = seededRng(seed);
  return Array.from({ length: n }, () => mid + (r() * 2 - 1) * spread);
}

export const FIX_IDS = Object.keys((YAML.parse(repoFile('runbooks/fixes.yaml')) as { fixes: Record<string, unknown> }).fixes);

export function shippedPlan(): RolloutPlan {
  const { plan, errors } = loadRolloutPlan({ path: 'checklists/staged-rollout.yaml', text: repoFile('checklists/staged-rollout.yaml') }, FIX_IDS);
  if (!plan) throw new Error(errors.map((e) => e.message).join('; '));
  return plan;
}
