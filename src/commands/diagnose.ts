// diagnose: collect a snapshot (live) or load one (bundle), evaluate the runbooks, emit events.
// The UI, the JSON writer and the markdown writer all consume the same event stream.
import type { DiagnoseEvent } from '../core/events.js';
import type { Snapshot } from '../core/snapshot.js';
import type { Catalogue } from '../core/runbook/load.js';
import type { DiagnosisReport } from '../core/report.js';
import { diagnose } from '../core/diagnosis/diagnose.js';
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
  const snapshot =
    source.kind === 'live' ? await (await import('../adapters/collect.js')).collectSnapshot(source.docker, source.collect, emit, signal) : source.snapshot;
  const { report } = diagnose(snapshot, run.catalogue, {
    toolVersion: run.toolVersion,
    source: source.kind,
    thresholds: run.thresholds,
    only: run.only,
    now: new Date(),
  });
  for (const e of reportEvents(report)) emit(e);
  return { snapshot, report };
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
