// Is Falco healthy after a change (or after its undo)? Running and not restarting for a settle period,
// /healthz answering when the webserver is on, and a startup log since the change that shows the
// rules loaded with no error. Returns the problems found; an empty list means healthy.
import type { DockerClient } from '../docker/client.js';
import { inspectContainer } from '../docker/inspect.js';
import { readLogs } from '../docker/logs.js';
import { httpGet } from '../webserver.js';
import { parseStartupLog } from '../../core/falco/parse/startup.js';
import { RELOAD_REFUSED, sleep } from './reload.js';
import { errorMessage } from '../../core/errors.js';

/** A Falco that has just allocated large ring buffers on a small CPU quota can be slow to answer once. */
const HEALTHZ_PATIENCE_MS = 10_000;

export interface VerifyOptions {
  /** the new run's log starts here (ms since epoch); 'last-start': from the last startup sequence */
  sinceMs: number | 'last-start';
  settleMs: number;
  healthzUrl: string | null;
  /** called at each look during the settle period (the fault hook) */
  onSettle?: () => void;
}

/** The health check's problems as an error: a step that found them shows as failed. */
export class UnhealthyError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'UnhealthyError';
  }
}

export function throwProblems(problems: string[]): string[] {
  if (problems.length > 0) throw new UnhealthyError(problems);
  return problems;
}

export async function verifyHealthy(docker: DockerClient, id: string, opts: VerifyOptions): Promise<string[]> {
  const problems: string[] = [];
  const first = await inspectContainer(docker, id);
  const deadline = Date.now() + opts.settleMs;
  for (;;) {
    const i = await inspectContainer(docker, id);
    if (!i.State.Running || i.State.Restarting) {
      problems.push(`the container is ${i.State.Restarting ? 'restarting' : i.State.Status} (exit code ${i.State.ExitCode})`);
      break;
    }
    if (i.RestartCount !== first.RestartCount || i.State.StartedAt !== first.State.StartedAt) {
      problems.push(`the container restarted during the ${Math.round(opts.settleMs / 1000)} s settle period`);
      break;
    }
    if (Date.now() >= deadline) break;
    opts.onSettle?.();
    await sleep(Math.min(500, Math.max(0, deadline - Date.now())));
  }
  if (problems.length === 0 && opts.healthzUrl) {
    const h = await healthz(opts.healthzUrl, Math.max(HEALTHZ_PATIENCE_MS, opts.settleMs));
    if (h.status !== 200) problems.push(`${opts.healthzUrl} answered ${h.status || h.body}`);
  }
  const lines = await runLog(docker, id, opts.sinceMs, Date.parse(first.State.StartedAt) || 0);
  const startup = parseStartupLog(lines);
  if (startup.rulesFiles.length === 0) problems.push('the startup log since the change does not show rules being loaded');
  for (const e of startup.errors) problems.push(`startup log: ${e}`);
  const refused = lines.find((l) => l.includes(RELOAD_REFUSED));
  if (refused) problems.push(`Falco refused a reload: ${refused.trim().slice(0, 200)}`);
  return problems;
}

/** The log of the current run: from `since`, or from the last "Falco version:" line since the start. */
async function runLog(docker: DockerClient, id: string, since: number | 'last-start', startedMs: number): Promise<string[]> {
  const from = since === 'last-start' ? startedMs : since;
  const lines = (await readLogs(docker, id, { sinceMs: from, tty: false, maxLines: 20_000, keep: 'last' })).lines
    .filter((l) => Date.parse(l.t) >= from)
    .map((l) => l.text);
  if (since !== 'last-start') return lines;
  let last = -1;
  lines.forEach((l, i) => {
    if (/Falco version:/.test(l)) last = i;
  });
  return last < 0 ? lines : lines.slice(last);
}

async function healthz(url: string, patienceMs: number): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const h = await httpGet(url).catch((e: unknown) => ({ status: 0, body: errorMessage(e) }));
    if (h.status === 200 || Date.now() >= deadline) return h;
    await sleep(500);
  }
}
