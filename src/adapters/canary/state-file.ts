// The last canary, in the state dir (<state dir>/canary.json, 0600): what the pacing reads. Written
// before the canary fires, so a run that dies mid-way still counts. Beside it the operator's consent
// to canaries (canary-consent.json): a yes once, on a terminal.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { CanaryConsentSchema, CanaryStateSchema, type CanaryConsent, type CanaryState } from '../../core/canary/pace.js';
import { writeDurable } from '../apply/durable-write.js';
import { ensurePrivateDir } from '../journal/journal.js';
import { parseJsonFile } from '../files/json-file.js';

export const canaryStateFile = (stateDir: string): string => path.join(stateDir, 'canary.json');
const consentFile = (stateDir: string): string => path.join(stateDir, 'canary-consent.json');

/** null when the file does not exist; a malformed one is an error naming the file and what to do. */
async function readIfPresent<T extends z.ZodTypeAny>(file: string, schema: T, hint: string): Promise<z.infer<T> | null> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  return text === null ? null : parseJsonFile(file, text, schema, hint);
}

async function writePrivate(stateDir: string, file: string, value: unknown): Promise<void> {
  await ensurePrivateDir(stateDir);
  await writeDurable(file, `${JSON.stringify(value)}\n`, { mode: 0o600 });
}

export const readCanaryState = (stateDir: string): Promise<CanaryState | null> =>
  readIfPresent(canaryStateFile(stateDir), CanaryStateSchema, 'remove it: it only paces the canary');

export const writeCanaryState = (stateDir: string, s: CanaryState): Promise<void> => writePrivate(stateDir, canaryStateFile(stateDir), s);

export const readConsent = (stateDir: string): Promise<CanaryConsent | null> =>
  readIfPresent(consentFile(stateDir), CanaryConsentSchema, 'remove it: the doctor asks again');

export const recordConsent = (stateDir: string, by: string, answer: CanaryConsent['answer'] = 'yes'): Promise<void> =>
  writePrivate(stateDir, consentFile(stateDir), { at: new Date().toISOString(), by, answer } satisfies CanaryConsent);
