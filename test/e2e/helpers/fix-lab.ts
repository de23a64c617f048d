// Shared by the fix lab tests: run the fix commands as a user would (the built dist/cli.js), and capture
// a folder byte for byte with modes and owners. Only a test that adds fixes to the catalogue
// (FALCO_DOCTOR_TEST_FIXES, e.g. one Falco refuses) goes through the test entry, which accepts them.
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from '../../core/helpers/fixtures.js';
import { docker } from '../../lab/docker-cli.js';

const ENTRY = path.join(REPO, 'test/e2e/helpers/fix-cli.ts');
const TSX = path.join(REPO, 'node_modules/.bin/tsx');

/** Compressed timings: a few seconds per window, enough for the stand-in's 2 s bursts. */
export const FAST = ['--window', '3', '--settle', '2', '--reload-timeout', '8'];

const CLI = path.join(REPO, 'dist/cli.js');

export function runFixCli(args: string[], env: Record<string, string> = {}) {
  const viaEntry = env['FALCO_DOCTOR_TEST_FIXES'] !== undefined;
  const [cmd, argv] = viaEntry ? [TSX, [ENTRY, ...args]] : ['node', [CLI, ...args]];
  return execa(cmd, argv, { reject: false, cwd: REPO, env: { ...env, CI: 'true' }, timeout: 120_000 });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `fd-${prefix}-`));
}

export interface FileState {
  bytes: string;
  mode: number;
  uid: number;
  gid: number;
}

/** Every regular file under dir: content (base64), mode and owner. */
export function captureDir(dir: string): Record<string, FileState> {
  const out: Record<string, FileState> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    const st = fs.lstatSync(p);
    if (st.isFile()) out[name] = { bytes: fs.readFileSync(p).toString('base64'), mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
  }
  return out;
}

export async function limitsOf(container: string): Promise<{ NanoCpus: number; Memory: number; MemorySwap: number }> {
  return JSON.parse(await docker(['inspect', '--format', '{{json .HostConfig}}', container])) as { NanoCpus: number; Memory: number; MemorySwap: number };
}

export interface HistoryEntry {
  id: string;
  state: string;
  measures: { fact: string; before: number | string | boolean | null; after: number | string | boolean | null }[];
}

export async function history(stateDir: string): Promise<HistoryEntry[]> {
  const r = await runFixCli(['history', '--json', '--state-dir', stateDir]);
  return (JSON.parse(r.stdout) as { entries: HistoryEntry[] }).entries;
}

export function measure(e: HistoryEntry | undefined, fact: string): { before: number; after: number } {
  const m = e?.measures.find((x) => x.fact === fact);
  return { before: Number(m?.before), after: Number(m?.after) };
}
