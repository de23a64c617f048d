// <state dir>/checklist/results.json: the last runs and the operator's confirmations (who, when, note).
// Durable writes, schema-checked reads; the person is the login name, or SUDO_USER behind sudo.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CHECKLIST_SCHEMA_VERSION,
  KEEP_RUNS,
  ResultsFileSchema,
  type ChecklistRun,
  type Confirmation,
  type ResultsFile,
} from '../../core/checklist/results.js';
import { writeDurable } from '../apply/durable-write.js';
import { ensurePrivateDir } from '../journal/journal.js';
import { parseJsonFile } from '../files/json-file.js';

const fileOf = (stateDir: string) => path.join(stateDir, 'checklist', 'results.json');

export function whoAmI(env: NodeJS.ProcessEnv = process.env): string {
  const user = env['SUDO_USER'] || os.userInfo().username;
  return `${user}@${os.hostname()}`;
}

export async function readResults(stateDir: string): Promise<ResultsFile> {
  const file = fileOf(stateDir);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return { schemaVersion: CHECKLIST_SCHEMA_VERSION, runs: [], confirmations: {} };
  return parseJsonFile(file, text, ResultsFileSchema, 'move it aside; confirmations in it would be lost');
}

async function write(stateDir: string, data: ResultsFile): Promise<void> {
  await ensurePrivateDir(stateDir);
  await ensurePrivateDir(path.dirname(fileOf(stateDir)));
  await writeDurable(fileOf(stateDir), `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
}

export async function appendRun(stateDir: string, run: ChecklistRun): Promise<void> {
  const data = await readResults(stateDir);
  await write(stateDir, { ...data, runs: [...data.runs, run].slice(-KEEP_RUNS) });
}

export async function saveConfirmation(stateDir: string, itemId: string, note: string): Promise<Confirmation> {
  const data = await readResults(stateDir);
  const c: Confirmation = { by: whoAmI(), at: new Date().toISOString(), note };
  await write(stateDir, { ...data, confirmations: { ...data.confirmations, [itemId]: c } });
  return c;
}
