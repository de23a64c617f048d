// falco-doctor completion bash|zsh|fish: the script, built from the parser's tables
// (cli/completion-model.ts) and the shipped data: fix ids, runbook ids, checklist items.
import type { Shell } from '../cli/flags.js';
import { completionModel } from '../cli/completion-model.js';
import { completionScript } from '../cli/completion-scripts.js';
import { SEVERITIES } from '../core/findings.js';
import { readCatalogue } from '../adapters/catalogue-files.js';
import { readChecklist } from '../adapters/checklist/read-checklist.js';
import { ROLLOUT_ACTIONS } from './rollout/request.js';

export async function completionFor(shell: Shell): Promise<string> {
  const catalogue = await readCatalogue();
  const fixIds = Object.keys(catalogue.fixes).sort();
  const checklist = await readChecklist(null, catalogue);
  const model = completionModel({
    fixIds,
    runbookIds: catalogue.runbooks.map((r) => r.id).sort(),
    checklistItems: checklist.items.map((i) => i.id),
    rolloutActions: ROLLOUT_ACTIONS,
    severities: [...SEVERITIES, 'none'],
  });
  return completionScript(shell, model);
}
