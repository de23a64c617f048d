// The last canary, in the state dir (<state dir>/canary.json, 0600): what the pacing reads. Written
// before the canary fires, so a run that dies mid-way still counts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CanaryStateSchema, type CanaryState } from '../../core/canary/pace.js';
import { writeDurable } from '../apply/durable-write.js';
import { ensurePrivateDir } from '../journal/journal.js';
import { parseJsonFile } from '../files/json-file.js';

export const canaryStateFile = (stateDir: string): string => path.join(stateDir, 'canary.json');

export async function readCanaryState(stateDir: string): Promise<CanaryState | null> {
  const file = canaryStateFile(stateDir);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  return text === null ? null : parseJsonFile(file, text, CanaryStateSchema, 'remove it: it only paces the canary');
}

export async function writeCanaryState(stateDir: string, s: CanaryState): Promise<void> {
  await ensurePrivateDir(stateDir);
  await writeDurable(canaryStateFile(stateDir), `${JSON.stringify(s)}\n`, { mode: 0o600 });
}
