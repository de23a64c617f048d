// The "Falco stopped for a while" kind of change (the rollout's baseline: the service measured without
// Falco): stop the container, run what needs Falco away, start it again and check it is healthy. The
// undo, from any session (say the doctor died while Falco was stopped), starts it and checks it.
import type { ContainerTarget, EntryOf } from '../../../core/fix/journal-entry.js';
import { errorMessage } from '../../../core/errors.js';
import type { DockerClient } from '../../docker/client.js';
import { inspectContainer } from '../../docker/inspect.js';
import { readLogs } from '../../docker/logs.js';
import { httpGet } from '../../webserver.js';
import { parseStartupLog } from '../../../core/falco/parse/startup.js';
import { record, step } from '../../apply/context.js';
import { sleep } from '../../apply/reload.js';
import { throwProblems, verifyHealthy } from '../../apply/verify.js';
import type { TimingOptions } from '../session.js';
import type { ChangeKind, ChangeTx, PlannedChange, UndoneState } from '../kind.js';
import { liveContainerId } from './docker.js';
import { newEntryId } from '../../journal/journal.js';

type StoppedEntry = EntryOf<'falco-stopped'>;

/** The change, with `during` run while Falco is stopped; its value (or error) is kept for the caller. */
export function plannedFalcoStopped<T>(
  docker: DockerClient,
  target: ContainerTarget,
  timings: TimingOptions,
  during: () => Promise<T>,
): PlannedChange<'falco-stopped'> & { outcome: () => { value: T } | { failure: unknown } } {
  let result: { value: T } | { failure: unknown } = { failure: new Error('not run') };
  let startedAt = 0;
  const summary = `stop ${target.name} to measure the service without Falco, then start it again`;
  return {
    id: newEntryId('rollout-baseline'),
    fixId: 'rollout-baseline',
    title: summary,
    changes: [summary],
    outcome: () => result,
    intent: async () => ({ target, change: { kind: 'falco-stopped' } }),
    async apply(tx, start) {
      await step(tx, 'stop', `Stop ${target.name}`, () => docker.getContainer(target.id).stop({ t: 10 }));
      const entry = await record(tx, start, { state: 'applied' }, 'Falco stopped');
      result = await during().then(
        (value) => ({ value }),
        (failure: unknown) => ({ failure }),
      );
      startedAt = Date.now();
      await step(tx, 'start', `Start ${target.name} again`, () => docker.getContainer(target.id).start());
      return entry;
    },
    async verify(tx, entry) {
      await healthyAgain(docker, tx, target, timings, startedAt);
      return entry;
    },
    finish: async (_tx, entry) => ({ entry, measures: [], note: ': Falco started again' }),
    explain: (e) => errorMessage(e),
    undo: (tx, entry, done) => startAgain(docker, tx, entry, timings, done),
  };
}

export const falcoStoppedKind: ChangeKind<'falco-stopped'> = {
  kind: 'falco-stopped',
  touches: (e) => [`running state of ${e.target.name}`],
  restores: () => [],
  restoredWhat: (e) => `${e.target.name} runs again`,
  async undo(tx, entry, conn, done) {
    const docker = conn.docker();
    const target = { ...entry.target, id: await liveContainerId(docker, entry.target) };
    return startAgain(docker, tx, { ...entry, target }, conn.timings, done);
  },
};

/** Starts Falco when it is not running, then checks it; safe to repeat. */
async function startAgain(docker: DockerClient, tx: ChangeTx, entry: StoppedEntry, timings: TimingOptions, done: UndoneState) {
  const t = entry.target;
  const manual: string[] = [];
  try {
    const state = (await inspectContainer(docker, t.id)).State;
    const since = Date.now();
    if (!state.Running) await step(tx, 'start', `Start ${t.name} again`, () => docker.getContainer(t.id).start());
    await healthyAgain(docker, tx, t, timings, state.Running ? 'last-start' : since);
  } catch (e) {
    manual.push(`start it by hand and check it: docker start ${t.name}; docker logs ${t.name} (${errorMessage(e)})`);
  }
  const ok = manual.length === 0;
  const patch = { state: ok ? done : ('rollback-incomplete' as const), finishedAt: new Date().toISOString() };
  const next = await record(tx, entry, patch, ok ? `${t.name} runs again, healthy` : `undo incomplete: ${manual.join(' | ')}`);
  return { entry: next, ok, manualSteps: manual };
}

/** A started Falco needs a moment to load its rules and open its webserver; the health check comes after. */
async function healthyAgain(docker: DockerClient, tx: ChangeTx, t: ContainerTarget, timings: TimingOptions, sinceMs: number | 'last-start') {
  const check = async () => {
    if (sinceMs !== 'last-start') await waitForStartup(docker, t, sinceMs, timings.reloadTimeoutSeconds * 1000);
    throwProblems(await verifyHealthy(docker, t.id, { sinceMs, settleMs: timings.settleSeconds * 1000, healthzUrl: t.healthzUrl }));
  };
  await step(tx, 'verify', 'Check that Falco is healthy', check, () => 'healthy');
}

async function waitForStartup(docker: DockerClient, t: ContainerTarget, sinceMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lines = (await readLogs(docker, t.id, { sinceMs, tty: false, maxLines: 2000, keep: 'last' })).lines.map((l) => l.text);
    const loaded = parseStartupLog(lines).rulesFiles.length > 0;
    const healthy =
      t.healthzUrl === null ||
      (await httpGet(t.healthzUrl).then(
        (r) => r.status === 200,
        () => false,
      ));
    if (loaded && healthy) return;
    await sleep(300);
  }
}
