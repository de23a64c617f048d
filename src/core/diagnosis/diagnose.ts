// snapshot + catalogue → report. The same function serves a live run and an offline bundle.
import { observerCpuPercent, type Snapshot } from '../snapshot.js';
import type { Catalogue } from '../runbook/load.js';
import type { DiagnosisReport, RunbookResult } from '../report.js';
import { REPORT_SCHEMA_VERSION } from '../report.js';
import { sortFindings, type Finding } from '../findings.js';
import { buildContext, type DiagnosisContext } from './context.js';
import { computeFacts } from './probes/index.js';
import { evaluateRunbook, type Facts } from './evaluate.js';
import { fixDescriber } from '../fix/describe.js';
import { lintFindings, LINT_RUNBOOK } from './lint-findings.js';
import { notesFor } from './notes.js';

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
  const describeFix = fixDescriber(catalogue, { context: ctx, facts });
  const runbooks = catalogue.runbooks.filter((r) => opts.only.length === 0 || opts.only.includes(r.id));
  const results: RunbookResult[] = [];
  const findings: Finding[] = [];
  for (const rb of runbooks) {
    const found = evaluateRunbook(rb, facts, { codes: catalogue.codes, thresholds: opts.thresholds, describeFix, kube: snapshot.kube !== null });
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
        ...ctx.refusals.map((r) => `${r.key}: Falco refuses to start: ${r.message} (${r.source})`),
        ...ctx.rules.refusedFiles.map((r) => r.message),
        ...ctx.rules.pluginRefusals.map((r) => r.message),
      ],
      notes: notesFor(ctx),
    },
  };
}

/** The doctor's own CPU over its sampling, as a share of one core (what it added to the host). */
function observerCost(snapshot: Snapshot): Pick<DiagnosisReport['window'], 'observer'> {
  const o = snapshot.window.observer;
  if (!o || o.ms <= 0) return {};
  return { observer: { cpuPercentOfOneCore: observerCpuPercent(o), via: o.via === 'cgroup' ? 'cgroup files' : 'stats API' } };
}
