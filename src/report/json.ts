// `--json`: the report as one JSON document (schema: README, "JSON report"; schemaVersion inside).
import type { DiagnosisReport } from '../core/report.js';

export function toJson(report: DiagnosisReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
