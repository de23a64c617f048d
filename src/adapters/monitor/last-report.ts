// The last diagnosis, kept in the state dir so the home screen can show its open findings:
// <state dir>/last-report.json: --state-dir when given, else $XDG_STATE_HOME/falco-doctor or
// ~/.local/state/falco-doctor (the journal's folder: one --state-dir moves everything the tool keeps).
// Read through a schema (a file on disk is not trusted); a missing or unreadable file is "none".
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SEVERITIES } from '../../core/findings.js';
import type { DiagnosisReport } from '../../core/report.js';
import { stateDir } from '../paths.js';

const LastReportSchema = z.object({
  generatedAt: z.string(),
  target: z.object({ name: z.string() }),
  findings: z.array(z.object({ code: z.string(), severity: z.enum(SEVERITIES), title: z.string() })),
});

/** What the home screen shows of the last diagnosis. */
export type LastReport = z.infer<typeof LastReportSchema>;

export function lastReportPath(env: NodeJS.ProcessEnv = process.env, override: string | null = null): string {
  return path.join(stateDir(env, override), 'last-report.json');
}

/** Saves a diagnosis as the last one (atomically: a reader never sees half a file). */
export async function writeLastReport(report: DiagnosisReport, override: string | null = null, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = lastReportPath(env, override);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
  return file;
}

export async function readLastReport(override: string | null = null, env: NodeJS.ProcessEnv = process.env): Promise<LastReport | null> {
  let text: string;
  try {
    text = await readFile(lastReportPath(env, override), 'utf8');
  } catch {
    return null; // never diagnosed here yet
  }
  try {
    const parsed = LastReportSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // a truncated or foreign file: show no findings rather than fail the home screen
  }
}
