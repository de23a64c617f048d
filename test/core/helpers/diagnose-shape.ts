// A diagnosis of a snapshot made by makeSnapshot (real 0.42.1 files), with the real runbooks, as a
// bundle is diagnosed: the one way the core tests run the whole evaluation.
import path from 'node:path';
import { readCatalogue } from '../../../src/adapters/catalogue-files.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import type { DiagnosisReport } from '../../../src/core/report.js';
import type { Catalogue } from '../../../src/core/runbook/load.js';
import { REPO } from './fixtures.js';
import { makeSnapshot, type SnapshotShape } from './snapshot.js';

let catalogue: Promise<Catalogue> | null = null;

export async function diagnoseShape(shape: SnapshotShape, thresholds: Record<string, number> = {}): Promise<DiagnosisReport> {
  catalogue ??= readCatalogue(path.join(REPO, 'runbooks'));
  return diagnose(makeSnapshot(shape), await catalogue, { toolVersion: 't', source: 'bundle', thresholds, only: [], now: new Date(0) }).report;
}
