// Bridges a prepared fix to the Ink fix flow: the preview it shows and the apply/undo it may start.
// The UI never touches Docker; these closures do.
import type { DockerClient } from '../../adapters/docker/client.js';
import type { FixActions, FixPreviewView } from '../../ui/fix/run.js';
import { applyPreparedFix, type FixRequest, type PreparedFix } from './fix.js';
import { rollback } from '../rollback.js';
import { formatMeasure } from './report.js';

export function fixUiModel(docker: DockerClient, p: PreparedFix, req: FixRequest): { preview: FixPreviewView; actions: FixActions } {
  let entryId: string | null = null;
  return {
    preview: { title: p.plan.title, target: p.target.name, summary: p.applyPlan.summary, warnings: p.plan.warnings, diff: p.preview },
    actions: {
      async apply(emit) {
        const r = await applyPreparedFix(docker, p, req, emit);
        entryId = r.entry.id;
        return { outcome: r.outcome, entryId: r.entry.id, failure: r.failure, manualSteps: r.manualSteps, measures: r.entry.measures.map(formatMeasure) };
      },
      async undo(emit) {
        const u = await rollback(docker, { id: entryId, last: entryId === null, stateDir: req.stateDir, timings: req.timings }, emit);
        return { ok: u.ok, problems: u.manualSteps };
      },
    },
  };
}
