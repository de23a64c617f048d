// The rollout's changes to Falco, each one a transaction of the fix journal: the intent (with the
// exact before-bytes) is on disk before anything changes, a failed change is undone at once, and any
// of them can be undone later with `falco-doctor rollback ID` — also after a crash mid-change.
// Behind a small interface so the commands (and tests) do not depend on how changes are applied.
import type { DockerClient } from '../docker/client.js';
import { JOURNAL_SCHEMA_VERSION, isIncomplete, type JournalEntry } from '../../core/fix/journal-entry.js';
import type { ApplyPlan } from '../../core/fix/apply-plan.js';
import { UserError, errorMessage } from '../../core/errors.js';
import { snapshotFile } from '../apply/file-snapshot.js';
import { readLimits } from '../apply/limits.js';
import { applyEntry } from '../apply/transaction.js';
import { record, type FixEvent, type TxContext } from '../apply/context.js';
import { verifyHealthy } from '../apply/verify.js';
import { sleep } from '../apply/reload.js';
import { readLogs } from '../docker/logs.js';
import { httpGet } from '../webserver.js';
import { parseStartupLog } from '../../core/falco/parse/startup.js';
import { newEntryId, openJournal, type Journal } from '../journal/journal.js';
import { acquireLock } from '../journal/lock.js';
import { stateDir as defaultStateDir } from '../paths.js';
import type { RolloutState } from '../../core/rollout/state.js';

export interface RolloutChanges {
  /**
   * Replaces falco.yaml with `edit(current text)` as one journaled transaction; returns the journal id,
   * or null when the text would not change. Throws a UserError when Falco refused it (already undone).
   */
  editConfig(kind: string, summary: string, edit: (text: string) => string): Promise<string | null>;
  /** Stops Falco, runs `during`, starts Falco again and checks it is healthy: one journaled change. */
  withFalcoStopped<T>(during: () => Promise<T>): Promise<{ journalId: string; value: T }>;
}

export interface ChangeTimings {
  /** Falco must stay up this long after a change */
  settleSeconds: number;
  /** how long Falco gets to reload by itself before it is restarted */
  reloadTimeoutSeconds: number;
}

export interface ChangeOptions {
  stateDir: string | null;
  timings: ChangeTimings;
  emit: (e: FixEvent) => void;
}

type Target = RolloutState['target'];

export function journaledChanges(docker: DockerClient, target: Target, o: ChangeOptions): RolloutChanges {
  const container: JournalEntry['container'] = { id: target.id, name: target.name, healthzUrl: target.healthzUrl, watchConfig: target.watchConfig };
  const dir = defaultStateDir(process.env, o.stateDir);
  const txFor = (journal: Journal): TxContext => ({
    docker,
    journal,
    containerId: target.id,
    watchConfig: target.watchConfig,
    healthzUrl: target.healthzUrl,
    settleMs: o.timings.settleSeconds * 1000,
    reloadTimeoutMs: o.timings.reloadTimeoutSeconds * 1000,
    measure: null,
    emit: o.emit,
  });
  // the fix journal's lock: one doctor changes Falco at a time, whether it runs a fix or a rollout
  const session = async (what: string) => {
    const lock = await acquireLock(dir, what);
    const s = {
      lock,
      journal: await openJournal(dir).catch(async (e: unknown) => {
        await lock.release();
        throw e;
      }),
    };
    const unfinished = (await s.journal.list()).filter(isIncomplete).at(-1);
    if (unfinished) {
      await s.lock.release();
      throw new UserError(
        `transaction ${unfinished.id} (${unfinished.fixId}) did not finish (its process died)`,
        'undo it first: falco-doctor rollback --last',
      );
    }
    return s;
  };
  const intentFor = async (kind: string, changes: string[], files: JournalEntry['files']): Promise<JournalEntry> => ({
    schemaVersion: JOURNAL_SCHEMA_VERSION,
    id: newEntryId(kind),
    fixId: kind,
    title: changes[0] ?? kind,
    createdAt: new Date().toISOString(),
    state: 'intent',
    pid: process.pid,
    container,
    changes,
    files,
    limitsBefore: await readLimits(docker, target.id),
    limitsAfter: null,
    recreate: null,
    kube: null,
    appliedAt: null,
    measures: [],
    log: [],
    finishedAt: null,
  });

  return {
    async editConfig(kind, summary, edit) {
      const s = await session(kind);
      try {
        const before = await snapshotFile(target.configHostPath, target.configPath, target.configRoot);
        const beforeText = Buffer.from(before.bytesBase64, 'base64').toString('utf8');
        const after = edit(beforeText);
        if (after === beforeText) return null;
        const intent = await intentFor(kind, [summary], [before]);
        await s.journal.write(intent);
        const plan: ApplyPlan = {
          files: [{ path: target.configHostPath, containerPath: target.configPath, before: beforeText, after }],
          limits: null,
          recreate: null,
          needsReload: true,
          summary: [summary],
        };
        const r = await applyEntry(txFor(s.journal), intent, plan);
        if (r.outcome !== 'verified')
          throw new UserError(
            `${kind}: ${r.failure ?? 'failed'}; ${r.outcome === 'reverted' ? 'undone, falco.yaml is as before' : `undo incomplete: ${r.manualSteps.join('; ')}`}`,
          );
        return intent.id;
      } finally {
        await s.lock.release();
      }
    },

    async withFalcoStopped<T>(during: () => Promise<T>) {
      const s = await session('rollout-baseline');
      try {
        let entry = await intentFor('rollout-baseline', [`stop ${target.name} to measure the service without Falco, then start it again`], []);
        await s.journal.write(entry);
        const tx = txFor(s.journal);
        entry = await record(tx, entry, { appliedAt: Date.now() }, 'stopping Falco');
        await docker.getContainer(target.id).stop({ t: 10 });
        entry = await record(tx, entry, { state: 'applied' }, 'Falco stopped');
        let value: T | undefined;
        let failure: unknown = null;
        try {
          value = await during();
        } catch (e) {
          failure = e;
        }
        const startedAt = Date.now();
        await docker
          .getContainer(target.id)
          .start()
          .catch((e: unknown) => {
            throw new UserError(
              `could not start ${target.name} again: ${errorMessage(e)}`,
              `start it by hand: docker start ${target.name} (or falco-doctor rollback ${entry.id})`,
            );
          });
        await waitForStartup(docker, target, startedAt, o.timings.reloadTimeoutSeconds * 1000);
        const problems = await verifyHealthy(docker, target.id, {
          sinceMs: startedAt,
          settleMs: o.timings.settleSeconds * 1000,
          healthzUrl: target.healthzUrl,
        });
        entry = await record(
          tx,
          entry,
          { state: problems.length ? 'applied' : 'verified', finishedAt: new Date().toISOString() },
          problems.length ? `started, not healthy: ${problems.join('; ')}` : 'Falco started again, healthy',
        );
        if (problems.length) throw new UserError(`${target.name} started again but is not healthy: ${problems.join('; ')}`, `read docker logs ${target.name}`);
        if (failure !== null) throw failure;
        return { journalId: entry.id, value: value as T };
      } finally {
        await s.lock.release();
      }
    },
  };
}

/** A started Falco needs a moment to load its rules and open its webserver; the health check comes after. */
async function waitForStartup(docker: DockerClient, target: Target, sinceMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lines = (await readLogs(docker, target.id, { sinceMs, tty: false, maxLines: 2000, keep: 'last' })).lines.map((l) => l.text);
    const loaded = parseStartupLog(lines).rulesFiles.length > 0;
    const healthy =
      target.healthzUrl === null ||
      (await httpGet(target.healthzUrl).then(
        (r) => r.status === 200,
        () => false,
      ));
    if (loaded && healthy) return;
    await sleep(300);
  }
}
