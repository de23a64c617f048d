// The gate: each acceptance criterion compares a phase window with the baseline window. A criterion
// passes only when the whole confidence interval of the increase is under its limit, fails only when
// the whole interval is over it, and is inconclusive otherwise — noise is never read as a verdict.
import { assertNever } from '../assert-never.js';
import type { CriterionId, Criteria, RolloutPlan } from './plan-schema.js';
import { seedFrom, seededRng } from './rng.js';
import { bootstrapDifference, statistic, type Interval, type Statistic } from './stats.js';
import { values, type MeasureWindow, type SeriesId } from './window.js';

export const VERDICTS = ['pass', 'fail', 'inconclusive'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface CriterionResult {
  criterion: CriterionId;
  verdict: Verdict;
  /** the statistic compared, e.g. "p95 latency" */
  label: string;
  unit: 'ms' | 'points' | 'MiB' | 'B/s' | 'events';
  baseline: number | null;
  phase: number | null;
  /** phase − baseline with its confidence interval; null for counts (drops) */
  increase: Interval | null;
  /** the largest increase allowed */
  limit: number;
  /** one line, e.g. "p95 latency +0.3 ms (95% CI −0.1…+0.8), limit +0.2 ms: inconclusive: noise larger than the effect" */
  summary: string;
  fixes: string[];
}

export type GateVerdict = 'passed' | 'failed' | 'inconclusive';

export interface GateResult {
  verdict: GateVerdict;
  results: CriterionResult[];
  /** the criteria that failed, in plan order: what the operator must address */
  failing: CriterionId[];
}

type StatsOptions = RolloutPlan['statistics'];

interface Compared {
  series: SeriesId;
  stat: Statistic;
  label: string;
  unit: CriterionResult['unit'];
  limit: (baseline: number) => number;
}

function compared(id: Exclude<CriterionId, 'drops'>, c: Criteria): Compared {
  switch (id) {
    case 'latency': {
      const l = c.latency;
      // both must hold: under maxIncreaseMs and under maxIncreasePercent of the baseline
      return {
        series: 'latencyMs',
        stat: l.statistic,
        label: `${l.statistic} latency`,
        unit: 'ms',
        limit: (b) => Math.min(l.maxIncreaseMs, (b * l.maxIncreasePercent) / 100),
      };
    }
    case 'cpu':
      return { series: 'cpuPercent', stat: 'mean', label: 'CPU (Falco + service)', unit: 'points', limit: () => c.cpu.maxIncreasePoints };
    case 'memory':
      return { series: 'memMb', stat: 'mean', label: 'memory (Falco + service)', unit: 'MiB', limit: () => c.memory.maxIncreaseMb };
    case 'disk-io': {
      const d = c['disk-io'];
      return {
        series: 'ioBytesPerSec',
        stat: 'mean',
        label: 'block I/O (Falco + service)',
        unit: 'B/s',
        limit: (b) => Math.max(d.floorBytesPerSec, (b * d.maxIncreasePercent) / 100),
      };
    }
    case 'network-latency':
      return { series: 'connectMs', stat: 'p50', label: 'p50 TCP connect time', unit: 'ms', limit: () => c['network-latency'].maxIncreaseMs };
    default:
      return assertNever(id);
  }
}

export function evaluateGate(baseline: MeasureWindow, phase: MeasureWindow, plan: Pick<RolloutPlan, 'criteria' | 'statistics' | 'fixes'>): GateResult {
  const results: CriterionResult[] = [];
  for (const id of ['latency', 'cpu', 'memory', 'disk-io', 'network-latency'] as const) {
    const r = judgeSeries(id, compared(id, plan.criteria), baseline, phase, plan.statistics);
    if (r) results.push({ ...r, fixes: plan.fixes[id] ?? [] });
  }
  results.push({ ...judgeDrops(phase, plan.criteria.drops.max), fixes: plan.fixes.drops ?? [] });
  const failing = results.filter((r) => r.verdict === 'fail').map((r) => r.criterion);
  const verdict: GateVerdict = failing.length > 0 ? 'failed' : results.every((r) => r.verdict === 'pass') ? 'passed' : 'inconclusive';
  return { verdict, results, failing };
}

/** null: the series was not measured in either window (e.g. no TCP target): nothing to judge. */
function judgeSeries(id: CriterionId, c: Compared, base: MeasureWindow, phase: MeasureWindow, s: StatsOptions): Omit<CriterionResult, 'fixes'> | null {
  const b = values(base, c.series);
  const p = values(phase, c.series);
  if (b.length === 0 && p.length === 0) return null;
  const baseStat = b.length ? statistic(b, c.stat) : null;
  const phaseStat = p.length ? statistic(p, c.stat) : null;
  const limit = baseStat === null ? Number.NaN : c.limit(baseStat);
  const common = { criterion: id, label: c.label, unit: c.unit, baseline: baseStat, phase: phaseStat, limit };
  if (b.length < s.minSamples || p.length < s.minSamples)
    return {
      ...common,
      verdict: 'inconclusive',
      increase: null,
      summary: `${c.label}: inconclusive: too few samples (baseline ${b.length}, phase ${p.length}, need ${s.minSamples})`,
    };
  const ci = bootstrapDifference(b, p, c.stat, { resamples: s.resamples, confidence: s.confidence, rng: seededRng(seedFrom([...b, ...p])) });
  if (!ci) return { ...common, verdict: 'inconclusive', increase: null, summary: `${c.label}: inconclusive: too few samples` };
  const verdict: Verdict = ci.hi < limit ? 'pass' : ci.lo >= limit ? 'fail' : 'inconclusive';
  const what = `${c.label} ${signed(ci.estimate, c.unit)} (${Math.round(s.confidence * 100)}% CI ${signed(ci.lo, c.unit)}…${signed(ci.hi, c.unit)}), limit ${signed(limit, c.unit)}`;
  const tail = verdict === 'inconclusive' ? 'inconclusive: noise larger than the effect' : verdict;
  return { ...common, verdict, increase: ci, summary: `${what}: ${tail}` };
}

function judgeDrops(phase: MeasureWindow, max: number): Omit<CriterionResult, 'fixes'> {
  const common = { criterion: 'drops' as const, label: 'event drops', unit: 'events' as const, baseline: null, increase: null, limit: max };
  if (phase.drops === null)
    return {
      ...common,
      phase: null,
      verdict: 'inconclusive',
      summary: 'event drops: inconclusive: no drop counter was read (turn metrics on: a quiet log is no proof, Falco alerts only above its threshold)',
    };
  const verdict: Verdict = phase.drops <= max ? 'pass' : 'fail';
  return { ...common, phase: phase.drops, verdict, summary: `event drops ${phase.drops} (${phase.dropsSource ?? 'unknown source'}), limit ${max}: ${verdict}` };
}

export function formatAmount(v: number, unit: CriterionResult['unit']): string {
  switch (unit) {
    case 'ms':
      return `${v.toFixed(Math.abs(v) < 10 ? 2 : 1)} ms`;
    case 'points':
      return `${v.toFixed(1)} %`;
    case 'MiB':
      return `${v.toFixed(1)} MiB`;
    case 'B/s':
      return `${(v / 1024).toFixed(1)} KiB/s`;
    case 'events':
      return `${Math.round(v)}`;
    default:
      return assertNever(unit);
  }
}

function signed(v: number, unit: CriterionResult['unit']): string {
  const s = formatAmount(v, unit);
  return v >= 0 ? `+${s}` : s.replace(/^-/, '−');
}
