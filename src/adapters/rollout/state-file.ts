// The rollout state on disk: <state dir>/rollout/state.json (folder 0700, file 0600), every write
// durable (temp + fsync + rename), every read parsed with the schema: a damaged file is reported by
// name, never half-trusted.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RolloutStateSchema, type RolloutState } from '../../core/rollout/state.js';
import { writeDurable } from '../apply/durable-write.js';
import { ensurePrivateDir } from '../journal/journal.js';
import { parseJsonFile } from '../files/json-file.js';

export function rolloutDir(stateDir: string): string {
  return path.join(stateDir, 'rollout');
}

export function stateFile(stateDir: string): string {
  return path.join(rolloutDir(stateDir), 'state.json');
}

export async function readRolloutState(stateDir: string): Promise<RolloutState | null> {
  const file = stateFile(stateDir);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (text === null) return null;
  return parseJsonFile(file, text, RolloutStateSchema, 'move it aside to start a new rollout');
}

export async function writeRolloutState(stateDir: string, state: RolloutState): Promise<void> {
  await ensurePrivateDir(stateDir);
  await ensurePrivateDir(rolloutDir(stateDir));
  await writeDurable(stateFile(stateDir), `${JSON.stringify(state)}\n`, { mode: 0o600 });
}
