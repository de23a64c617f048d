// home: the live view of Falco's health and the place every other screen starts from. Composes the
// poller (adapters/monitor), the last saved diagnosis and the Ink screen; resolves with the screen the
// operator picked, so the CLI opens it and comes back here afterwards.
import { connectDocker, type DockerClient } from '../adapters/docker/client.js';
import { hostVisible } from '../adapters/docker/endpoint.js';
import { startMonitor } from '../adapters/monitor/poller.js';
import { readLastReport } from '../adapters/monitor/last-report.js';
import { DEFAULT_WINDOW_MS } from '../core/monitor/state.js';
import type { HomeNext, HomeScreenName, MonitorSource } from '../ui/home/run.js';
import { readChanges } from './history-ui.js';
import { readCanaryState } from '../adapters/canary/state-file.js';
import { stateDir } from '../adapters/paths.js';

export { writeLastReport, readLastReport, lastReportPath } from '../adapters/monitor/last-report.js';
export type { HomeNext, HomeScreenName } from '../ui/home/run.js';

export const DEFAULT_HOME_INTERVAL_MS = 2000;

export interface HomeOptions {
  /** --container NAME|ID; null: discover Falco as diagnose does */
  container: string | null;
  /** --service NAME|ID; null: the busiest other running container */
  service: string | null;
  /** --interval; default 2 s */
  intervalMs?: number;
  /** how far back sparklines and top rules reach; default 5 min */
  windowMs?: number;
  noColor: boolean;
  /** --state-dir: where the journal is (the last change, `u`); null: $XDG_STATE_HOME/falco-doctor */
  stateDir?: string | null;
  /** shown until the first key (what the last screen opened from here said, e.g. a canary refused) */
  notice?: string | null;
  /** screens the caller opens when picked; c/r/h not listed here show "coming soon". Default: diagnose. */
  available?: readonly HomeScreenName[];
  docker?: DockerClient;
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

/** next: the screen picked; lastChangeId: the journal entry `u` (next = 'undo') is about */
export async function runHome(opts: HomeOptions): Promise<{ next: HomeNext; lastChangeId: string | null }> {
  const env = opts.env ?? process.env;
  const docker = opts.docker ?? connectDocker(env);
  const intervalMs = opts.intervalMs ?? DEFAULT_HOME_INTERVAL_MS;
  const windowMs = opts.windowMs ?? DEFAULT_WINDOW_MS;
  const source: MonitorSource = {
    subscribe(onTick) {
      const handle = startMonitor(
        docker,
        {
          container: opts.container,
          service: opts.service,
          intervalMs,
          windowMs,
          hostVisible: hostVisible(env),
          env,
        },
        onTick,
      );
      // the poll in flight ends on its own (every call has a deadline); no tick follows stop()
      return () => void handle.stop();
    },
  };
  // Ink only when it is needed: `--json` and friends never load it
  const { runHomeUi } = await import('../ui/home/run.js');
  // read once per visit: coming back from a screen (an undo, a fix) reads it again
  const journal = await readChanges(opts.stateDir ?? null, env);
  const lastChange = journal.changes[0] ?? null;
  const next = await runHomeUi({
    source,
    lastDiagnosis: await readLastReport(opts.stateDir ?? null, env),
    lastChange,
    detection: await readCanaryState(stateDir(env, opts.stateDir ?? null)).catch(() => null),
    notice: journal.error === null ? (opts.notice ?? null) : `journal: ${journal.error}`,
    available: opts.available ?? ['diagnose'],
    intervalMs,
    windowMs,
    noColor: opts.noColor,
    ...(opts.stdout ? { stdout: opts.stdout } : {}),
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
  });
  return { next, lastChangeId: lastChange?.id ?? null };
}
