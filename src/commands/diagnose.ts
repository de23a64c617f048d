// diagnose: collect a snapshot (live) or load one (bundle), evaluate the runbooks, emit events.
// The UI, the JSON writer and the markdown writer all consume the same event stream.
import type { DiagnoseEvent } from '../core/events.js';
import type { Snapshot } from '../core/snapshot.js';
import type { Catalogue } from '../core/runbook/load.js';
import type { DiagnosisReport } from '../core/report.js';
import { diagnose, type Diagnosis } from '../core/diagnosis/diagnose.js';
// the collector (Docker's client, the host reader) loads only for a live run: a bundle needs neither
import type { CollectOptions } from '../adapters/collect.js';
import type { DockerClient } from '../adapters/docker/client.js';

export interface DiagnoseRun {
  catalogue: Catalogue;
  thresholds: Record<string, number>;
  only: string[];
  toolVersion: string;
}

export type SnapshotSource = { kind: 'live'; docker: DockerClient; collect: CollectOptions } | { kind: 'bundle'; snapshot: Snapshot };

export async function runDiagnosis(
  source: SnapshotSource,
  run: DiagnoseRun,
  emit: (e: DiagnoseEvent) => void,
  /** the screen's channel aborts it when the operator quits: the live collection stops there */
  signal?: AbortSignal,
): Promise<{ snapshot: Snapshot; report: DiagnosisReport }> {
  const { snapshot, report } =
    source.kind === 'live' ? await diagnoseLive(source.docker, source.collect, run, emit, signal) : judgeSnapshot(source.snapshot, run, 'bundle');
  for (const e of reportEvents(report)) emit(e);
  return { snapshot, report };
}

/** The one "collect then diagnose" of every command (diagnose, fix and its re-measure, checklist): the live
 *  target measured over the window and judged by the runbooks. */
export async function diagnoseLive(
  docker: DockerClient,
  collect: CollectOptions,
  run: DiagnoseRun,
  emit: (e: DiagnoseEvent) => void = () => {},
  signal?: AbortSignal,
): Promise<Diagnosis & { snapshot: Snapshot }> {
  const { collectSnapshot } = await import('../adapters/collect.js');
  return judgeSnapshot(await collectSnapshot(docker, collect, emit, signal), run, 'live');
}

/** A snapshot already taken (the diagnose screen's, a bundle) judged by the runbooks. */
export function judgeSnapshot(snapshot: Snapshot, run: DiagnoseRun, source: 'live' | 'bundle'): Diagnosis & { snapshot: Snapshot } {
  const d = diagnose(snapshot, run.catalogue, { toolVersion: run.toolVersion, source, thresholds: run.thresholds, only: run.only, now: new Date() });
  return { ...d, snapshot };
}

/** What a diagnosis emits once its report is made: one step per runbook, each finding, the report. */
export function reportEvents(report: DiagnosisReport): DiagnoseEvent[] {
  return [
    ...report.runbooks.flatMap((rb): DiagnoseEvent[] => [
      { type: 'step-started', id: `runbook:${rb.id}`, title: `Runbook: ${rb.title}` },
      {
        type: 'step-finished',
        id: `runbook:${rb.id}`,
        status: rb.status === 'problem' ? 'warn' : 'ok',
        detail: rb.findings.length ? rb.findings.join(', ') : 'clear',
      },
    ]),
    ...report.findings.map((finding): DiagnoseEvent => ({ type: 'finding', finding })),
    { type: 'done', report },
  ];
}
