// "Rollback plan available", checked for real: the state dir is ours (0700) and writable, and for each
// journaled change that could still be undone the undo is computed from the journal and every file it
// would write back is reachable and writable — a dry run: nothing is written.
import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { restorePlanFor } from '../../core/fix/invert.js';
import type { RollbackReadiness } from '../../core/checklist/builtins.js';
import { errorMessage } from '../../core/errors.js';
import { openJournal } from '../journal/journal.js';
import { resolveInside } from '../apply/safe-path.js';

/** The newest entries are the ones an operator would undo; older ones are history. */
const CHECK_LAST = 20;

export async function checkRollbackReady(stateDir: string): Promise<RollbackReadiness> {
  const problems: string[] = [];
  let journal;
  try {
    journal = await openJournal(stateDir);
  } catch (e) {
    return { stateDirOk: false, stateDirMode: await modeOf(stateDir), dryRunChecked: 0, problems: [`cannot open the journal: ${errorMessage(e)}`] };
  }
  const mode = await modeOf(stateDir);
  const writable = await access(stateDir, constants.W_OK).then(
    () => true,
    () => false,
  );
  let entries;
  try {
    entries = (await journal.list()).filter((e) => e.state !== 'rolled-back' && e.state !== 'reverted').slice(-CHECK_LAST);
  } catch (e) {
    return { stateDirOk: writable && mode === '0700', stateDirMode: mode, dryRunChecked: 0, problems: [errorMessage(e)] };
  }
  for (const entry of entries) {
    // only a Docker change writes files back on this host
    if (entry.change.kind !== 'docker') continue;
    const plan = restorePlanFor({ id: entry.id, change: entry.change });
    for (const f of plan.files) {
      try {
        const real = await resolveInside(f.path, f.root);
        const exists = await stat(real).then(
          () => true,
          () => false,
        );
        await access(exists ? real : path.dirname(real), constants.W_OK);
      } catch (e) {
        problems.push(`${entry.id}: ${f.path}: ${errorMessage(e)}`);
      }
    }
  }
  return { stateDirOk: writable && mode === '0700', stateDirMode: mode, dryRunChecked: entries.length, problems };
}

async function modeOf(dir: string): Promise<string> {
  return stat(dir).then(
    (s) => `0${(s.mode & 0o777).toString(8)}`,
    () => 'missing',
  );
}
