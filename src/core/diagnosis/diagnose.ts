// snapshot + catalogue → report. The same function serves a live run and an offline bundle.
import { observerCpuPercent, type Snapshot } from '../snapshot.js';
import type { Catalogue } from '../runbook/load.js';
import type { DiagnosisReport, RunbookResult } from '../report.js';
import { REPORT_SCHEMA_VERSION } from '../report.js';
import { sortFindings, type Finding, type FixRef } from '../findings.js';
import { buildContext, type DiagnosisContext } from './context.js';
import { computeFacts } from './probes/index.js';
import { evaluateRunbook, type Facts } from './evaluate.js';
import { planFix, describeChange } from '../fix/plan.js';
import { lintFindings, LINT_RUNBOOK } from './lint-findings.js';
import { startupRefusals } from '../falco/config/refusals.js';
import { outputsBuffering } from '../falco/outputs-buffering.js';
import { getPath } from '../falco/config/effective.js';

export interface DiagnoseOptions {
  toolVersion: string;
  source: 'live' | 'bundle';
  thresholds: Record<string, number>;
  /** only these runbooks (ids); empty = all */
  only: string[];
  now: Date;
}

export interface Diagnosis {
  report: DiagnosisReport;
  context: DiagnosisContext;
  facts: Facts;
}

export function diagnose(snapshot: Snapshot, catalogue: Catalogue, opts: DiagnoseOptions): Diagnosis {
  const ctx = buildContext(snapshot);
  const facts: Facts = computeFacts(ctx);
  const describeFix = (id: string): FixRef => {
    const fix = catalogue.fixes[id];
    if (!fix) return { id, title: id, summary: 'unknown fix' };
    const plan = planFix(id, fix, ctx, facts);
    const summary = plan.refused
      ? `not applicable: ${plan.refused}`
      : [...plan.changes.map(describeChange), ...plan.warnings.map((w) => `warning: ${w}`)].join('; ');
    return { id, title: fix.title, summary };
  };
  const runbooks = catalogue.runbooks.filter((r) => opts.only.length === 0 || opts.only.includes(r.id));
  const results: RunbookResult[] = [];
  const findings: Finding[] = [];
  for (const rb of runbooks) {
    const found = evaluateRunbook(rb, facts, { codes: catalogue.codes, thresholds: opts.thresholds, describeFix });
    findings.push(...found);
    results.push({
      id: rb.id,
      title: rb.title,
      status: found.some((f) => f.severity !== 'info') ? 'problem' : 'clear',
      findings: found.map((f) => f.code),
    });
  }
  if (opts.only.length === 0 || opts.only.includes(LINT_RUNBOOK.id)) {
    const lint = lintFindings(ctx);
    findings.push(...lint);
    results.push({ ...LINT_RUNBOOK, status: lint.some((f) => f.severity !== 'info') ? 'problem' : 'clear', findings: lint.map((f) => f.code) });
  }
  const main = snapshot.falco.configFiles[0];
  return {
    context: ctx,
    facts,
    report: {
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'falco-doctor', version: opts.toolVersion },
      generatedAt: opts.now.toISOString(),
      source: opts.source,
      origin: snapshot.origin,
      target: {
        name: snapshot.target.name,
        id: snapshot.target.id.slice(0, 12),
        image: snapshot.target.image,
        falcoVersion: ctx.version.version,
        versionSource: ctx.version.source,
        engineKind: ctx.engineKind,
        configPath: main ? (main.hostPath ?? main.path) : null,
        configSource: snapshot.falco.configSource,
        state: snapshot.target.state.restarting ? 'restarting' : snapshot.target.state.status,
      },
      window: {
        start: new Date(snapshot.window.start).toISOString(),
        end: new Date(snapshot.window.end).toISOString(),
        seconds: Math.round(ctx.windowSeconds * 10) / 10,
        ...observerCost(snapshot),
      },
      runbooks: results,
      findings: sortFindings(findings),
      facts,
      configErrors: [
        ...ctx.config.errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.key ? `${e.key}: ` : ''}${e.message}`),
        ...(snapshot.falco.configFiles.length > 0 ? startupRefusals(ctx.config, ctx.version.version) : []).map((r) => `${r.key}: Falco refuses to start: ${r.message} (${r.source})`),
        ...ctx.rules.refusedFiles.map((r) => r.message),
      ],
      notes: notesFor(ctx),
    },
  };
}

/** No drop alert in a log that Falco block-buffers, with no counter to read: "no drops" is not shown. */
function logLagNote(ctx: DiagnosisContext): string | null {
  const s = ctx.snapshot;
  if (!s.target.state.running || ctx.dropAlerts.length > 0 || ctx.promEnd !== null || ctx.metricsSnapshots.length > 0) return null;
  const b = outputsBuffering(s.target.cmd, ctx.version.version, getPath(ctx.config.value, 'buffered_outputs'));
  if (!b.buffered) return null;
  return `No drop alert in the log, but that does not show there were none: ${b.why}, so alerts (drop alerts included) reach docker logs in blocks of a few KB, possibly minutes late, and no drop counter (metrics) is on. Add -U to the container's command (command: in the compose file), or turn metrics on.`;
}

function notesFor(ctx: DiagnosisContext): string[] {
  const s = ctx.snapshot;
  const notes: string[] = [];
  if (s.origin === 'lab') notes.push("The target is the falco-doctor lab's Falco STAND-IN, not Falco.");
  if (s.falco.configSource === 'container')
    notes.push('falco.yaml was read from inside the container: it is not bind-mounted, so edits there would not persist.');
  if (s.falco.configSource === 'none') notes.push('falco.yaml could not be read: config-based checks are unknown.');
  if (ctx.version.note) notes.push(`Falco version: ${ctx.version.note}`);
  for (const e of s.falco.readErrors) notes.push(e);
  if (ctx.startup.errors.length > 0) notes.push(`Startup log errors: ${ctx.startup.errors.join(' | ')}`);
  if (s.logs.truncated) notes.push('The log look-back was longer than the doctor keeps; the oldest lines were left out.');
  if (s.target.state.restarting) notes.push(`The container is restarting (${s.target.state.restartCount} restarts so far): nothing was sampled.`);
  else if (!s.target.state.running) notes.push(`The container is ${s.target.state.status} (exit code ${s.target.state.exitCode}): nothing was sampled.`);
  if (s.webserver.error) notes.push(`Webserver: ${s.webserver.error}`);
  const lag = logLagNote(ctx);
  if (lag) notes.push(lag);
  return notes;
}

/** The doctor's own CPU over its sampling, as a share of one core (what it added to the host). */
function observerCost(snapshot: Snapshot): Pick<DiagnosisReport['window'], 'observer'> {
  const o = snapshot.window.observer;
  if (!o || o.ms <= 0) return {};
  return { observer: { cpuPercentOfOneCore: observerCpuPercent(o), via: o.via === 'cgroup' ? 'cgroup files' : 'stats API' } };
}
