// The staged rollout as the home screen's `r` shows it: the same report as `falco-doctor rollout
// status` (read from the state dir), the plan it follows, and what the operator would run next.
// Built by src/commands/rollout/screen.ts; rendered into lines here, so the screen can scroll them.
import type { RolloutReport } from '../../../core/rollout/report.js';
import { describeNext, formatGate, formatWindow } from '../../../core/rollout/report.js';
import type { NextAction } from '../../../core/rollout/machine.js';
import type { Tone } from '../../theme.js';
import type { WrappableLine } from '../wrap.js';

export interface RolloutView {
  /** null when the state or the plan could not be read (loadError says why) */
  report: RolloutReport | null;
  loadError: string | null;
  plan: { baselineWindow: string; phases: readonly { id: string; title: string; window: string }[] } | null;
  /** fix id → title, for the fixes a failing gate names */
  fixTitles: Readonly<Record<string, string>>;
  /** where the state lives (shown), and the --state-dir the operator passed (repeated in commands) */
  stateDir: string;
  stateDirFlag: string | null;
  /** --service given to the home screen: fills the baseline command */
  service: string | null;
}

export interface ViewLine extends WrappableLine {
  tone?: Tone;
  bold?: boolean;
}

const VERDICT_TONE: Readonly<Record<string, Tone>> = { PASSED: 'ok', FAILED: 'critical', INCONCLUSIVE: 'warning' };

export function rolloutLines(v: RolloutView): ViewLine[] {
  if (v.report === null) return [{ text: `✖ the rollout state could not be read: ${v.loadError ?? 'unknown error'}`, tone: 'critical' }];
  const r = v.report;
  const out: ViewLine[] = [{ text: `state: ${v.stateDir}`, tone: 'muted' }];
  if (r.status === 'not-started') {
    out.push({ text: 'No rollout started yet.', bold: true });
    if (v.plan) {
      out.push({ text: `Plan: baseline with Falco stopped (${v.plan.baselineWindow}), then one phase at a time:` });
      for (const [i, p] of v.plan.phases.entries()) out.push({ text: `  ${i + 1}. ${p.id} — ${p.title} (${p.window})` });
    }
  } else {
    if (r.service) out.push({ text: `service ${r.service.container} · probe ${describeProbe(r.service.probe)}`, tone: 'muted' });
    out.push(r.baseline ? { text: formatWindow('baseline (Falco stopped)', r.baseline.window) } : { text: 'baseline: not measured', tone: 'muted' });
    for (const p of r.phases) {
      out.push({ text: `${p.id} — ${p.title}${p.journalId ? ` (journal ${p.journalId})` : ''}${p.rounds > 1 ? ` · round ${p.rounds}` : ''}`, bold: true });
      if (p.window) out.push({ text: `  ${formatWindow('measured', p.window)}` });
      if (p.gate)
        for (const line of formatGate(p.gate, (id) => ({ id, title: v.fixTitles[id] ?? id, summary: '', refused: null })).split('\n')) {
          const verdict = /^gate: (\w+)/.exec(line)?.[1];
          out.push({ text: `  ${line}`, ...(verdict && VERDICT_TONE[verdict] ? { tone: VERDICT_TONE[verdict] } : {}) });
        }
      else if (p.window) out.push({ text: `  gate: not evaluated yet (window ends ${p.window.endsAt.slice(0, 16).replace('T', ' ')} UTC)`, tone: 'muted' });
    }
    if (r.chart) out.push({ text: '' }, ...r.chart.split('\n').map((text) => ({ text, nowrap: true })));
  }
  out.push({ text: '' }, { text: `Next: ${describeNext(r.next)}`, bold: true });
  for (const c of nextCommands(r.next, v)) out.push({ text: `  $ ${c}`, tone: 'accent', command: true });
  return out;
}

function describeProbe(p: NonNullable<RolloutReport['service']>['probe']): string {
  switch (p.kind) {
    case 'http':
      return p.url;
    case 'tcp':
      return `tcp ${p.host}:${p.port}`;
    case 'exec':
      return `exec ${p.argv.join(' ')}`;
  }
}

/** The commands that take the next step, with the operator's --state-dir; the rollout runs outside this screen. */
export function nextCommands(next: NextAction, v: Pick<RolloutView, 'stateDirFlag' | 'service'>): string[] {
  const dir = v.stateDirFlag ? ` --state-dir ${shellWord(v.stateDirFlag)}` : '';
  const cmd = (rest: string) => `falco-doctor rollout ${rest}${dir}`;
  switch (next.kind) {
    case 'measure-baseline':
      return [cmd(`next --service ${v.service ? shellWord(v.service) : 'NAME'} --probe-url URL`)];
    case 'start-phase':
    case 'resume-window':
    case 'evaluate-gate':
    case 'extend-window':
      return [cmd('next')];
    case 'blocked':
      return [cmd('next --remeasure'), cmd('abort')];
    case 'done':
      return [];
  }
}

/** Quotes a word for display when a shell would split or expand it (the operator copies the line). */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
