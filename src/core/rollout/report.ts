// Rollout state → what the operator reads (text) and what scripts read (--json). Pure.
import type { RolloutPlan } from './plan-schema.js';
import type { RolloutState, PersistedGate } from './state.js';
import { nextAction, type NextAction } from './machine.js';
import { summarizeWindow, formatInterval, type WindowSummary } from './summary.js';
import { renderChart, type ChartRow } from './chart.js';
import type { FixRef } from '../findings.js';

export interface RolloutReport {
  schemaVersion: 1;
  status: RolloutState['status'] | 'not-started';
  next: NextAction;
  service: RolloutState['service'] | null;
  baseline: { journalId: string; window: WindowSummary } | null;
  phases: { id: string; title: string; journalId: string | null; rounds: number; window: WindowSummary | null; gate: PersistedGate | null }[];
  chart: string;
  log: RolloutState['log'];
}

export function rolloutReport(s: RolloutState | null, plan: RolloutPlan, now: number): RolloutReport {
  const opts = { resamples: Math.min(plan.statistics.resamples, 1000), confidence: plan.statistics.confidence };
  const rows: ChartRow[] = [];
  if (s?.baseline) rows.push({ label: 'baseline', window: s.baseline.window });
  for (const p of s?.phases ?? []) if (p.window) rows.push({ label: p.id, window: p.window });
  return {
    schemaVersion: 1,
    status: s ? s.status : 'not-started',
    next: nextAction(s, plan, now),
    service: s?.service ?? null,
    baseline: s?.baseline ? { journalId: s.baseline.journalId, window: summarizeWindow(s.baseline.window, opts) } : null,
    phases: (s?.phases ?? []).map((p) => ({
      id: p.id,
      title: plan.phases.find((x) => x.id === p.id)?.title ?? p.id,
      journalId: p.journalId,
      rounds: p.rounds,
      window: p.window ? summarizeWindow(p.window, opts) : null,
      gate: p.gate,
    })),
    chart: rows.length ? renderChart(rows, plan.criteria.latency.statistic) : '',
    log: s?.log ?? [],
  };
}

const MARK = { pass: '✔', fail: '✖', inconclusive: '?' } as const;

export function formatGate(g: PersistedGate, describeFix: (id: string) => FixRef): string {
  const lines = [`gate: ${g.verdict.toUpperCase()}`];
  for (const r of g.results) lines.push(`  ${MARK[r.verdict]} ${r.criterion}: ${r.summary}`);
  const failing = g.results.filter((r) => r.verdict === 'fail');
  for (const r of failing) {
    lines.push(`  failing criterion: ${r.criterion}. Fixes that address it:`);
    for (const id of r.fixes) {
      const f = describeFix(id);
      lines.push(`    falco-doctor fix ${id}   ${f.title}${f.summary ? ` (${f.summary})` : ''}`);
    }
  }
  if (g.verdict === 'inconclusive') lines.push('  not promoted: measure longer (rollout next adds a window; samples add up)');
  return lines.join('\n');
}

export function formatWindow(label: string, w: WindowSummary): string {
  const cpu = w.cpuPercent === null ? '–' : `${w.cpuPercent.toFixed(1)} %`;
  const mem = w.memMb === null ? '–' : `${w.memMb.toFixed(0)} MiB`;
  return `${label}: latency p50 ${formatInterval(w.latencyMs.p50)}, p95 ${formatInterval(w.latencyMs.p95)}, p99 ${formatInterval(w.latencyMs.p99)}; CPU ${cpu}, memory ${mem}; drops ${w.drops ?? 'unknown'}; ${w.samples.latency} probes (${w.samples.probeFailures} failed), ${w.samples.stats} stats samples`;
}

export function formatReport(r: RolloutReport, describeFix: (id: string) => FixRef): string {
  const out = [`rollout: ${r.status}`];
  if (r.baseline) out.push(formatWindow('baseline (Falco stopped)', r.baseline.window));
  for (const p of r.phases) {
    out.push(`${p.id} — ${p.title}${p.journalId ? ` (journal ${p.journalId})` : ''}`);
    if (p.window) out.push(`  ${formatWindow('measured', p.window)}`);
    if (p.gate) out.push(formatGate(p.gate, describeFix).replace(/^/gm, '  '));
  }
  if (r.chart) out.push('', r.chart);
  out.push('', `next: ${describeNext(r.next)}`);
  return `${out.join('\n')}\n`;
}

export function describeNext(n: NextAction): string {
  switch (n.kind) {
    case 'measure-baseline':
      return 'rollout next measures the baseline (stops Falco for the baseline window, after asking)';
    case 'start-phase':
      return `rollout next starts phase ${n.index + 1} and monitors it`;
    case 'resume-window':
      return `rollout next resumes monitoring phase ${n.index + 1}`;
    case 'evaluate-gate':
      return `rollout next evaluates the gate of phase ${n.index + 1}`;
    case 'extend-window':
      return `rollout next measures phase ${n.index + 1} longer (the gate was inconclusive)`;
    case 'blocked':
      return `${n.reason}; apply a fix, then rollout next --remeasure, or rollout abort`;
    case 'done':
      return n.reason;
  }
}
