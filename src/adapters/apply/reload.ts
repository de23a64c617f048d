// After Falco's files change: wait for Falco to reload them itself (watch_config_files; proof is the
// startup lines logged again after the change), else restart the container. A refused reload (Falco's
// "hot restart failure" alert: the new config failed its dry run) is reported, not waited out.
import type { DockerClient } from '../docker/client.js';
import { readLogs } from '../docker/logs.js';
import { ExternalError } from '../../core/errors.js';

export const RELOAD_REFUSED = 'Falco internal: hot restart failure';
const STARTUP_MARK = /Falco initialized with configuration files?:|Loading rules from/;

export interface PickUp {
  how: 'reloaded' | 'restarted';
  /** ms since epoch from which the new run's log starts */
  sinceMs: number;
}

export class ReloadRefusedError extends Error {}

export async function waitForPickUp(docker: DockerClient, id: string, changedAtMs: number, opts: { watch: boolean; timeoutMs: number }): Promise<PickUp> {
  if (opts.watch) {
    const deadline = Date.now() + opts.timeoutMs;
    while (Date.now() < deadline) {
      const lines = (await readLogs(docker, id, { sinceMs: changedAtMs, tty: false, maxLines: 2000, keep: 'last' })).lines.filter(
        (l) => Date.parse(l.t) >= changedAtMs,
      );
      const refused = lines.find((l) => l.text.includes(RELOAD_REFUSED));
      if (refused) throw new ReloadRefusedError(`Falco refused the new configuration: ${refused.text.trim().slice(0, 300)}`);
      const mark = lines.find((l) => STARTUP_MARK.test(l.text));
      if (mark) return { how: 'reloaded', sinceMs: Date.parse(mark.t) };
      await sleep(300);
    }
  }
  return { how: 'restarted', sinceMs: await restartContainer(docker, id) };
}

/** Restarts and returns when the container started (ms since epoch). */
export async function restartContainer(docker: DockerClient, id: string): Promise<number> {
  const before = Date.now();
  try {
    await docker.getContainer(id).restart({ t: 10 });
  } catch (e) {
    throw Object.assign(new ExternalError(`docker restart ${id.slice(0, 12)} failed: ${(e as Error).message}`), { cause: e });
  }
  return before;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
