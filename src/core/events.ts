// One typed event stream from the diagnosis; the Ink UI reduces it into screen state and the
// JSON/markdown writers consume the same events without mounting Ink.
import type { Finding } from './findings.js';
import type { StatsSample } from './snapshot.js';
import type { DiagnosisReport } from './report.js';

export type StepStatus = 'ok' | 'warn' | 'failed' | 'skipped';

export type DiagnoseEvent =
  | { type: 'step-started'; id: string; title: string }
  | { type: 'step-finished'; id: string; status: StepStatus; detail: string }
  | { type: 'sample'; sample: StatsSample; elapsedMs: number; windowMs: number }
  | { type: 'finding'; finding: Finding }
  | { type: 'done'; report: DiagnosisReport };
