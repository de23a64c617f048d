// The Docker kind of change: files written atomically, the container's limits updated, the container
// re-created with another command line; Falco made to pick the files up, verified, re-measured. A fix
// (commands/fix) and a rollout's config edit (rollout/changes.ts) are both this kind.
import type { ApplyPlan } from '../../../core/fix/apply-plan.js';
import type { ContainerTarget, EntryOf, FileBefore, Measure, Recreate } from '../../../core/fix/journal-entry.js';
import { UserError, errorMessage } from '../../../core/errors.js';
import { inspectContainer } from '../../docker/inspect.js';
import type { DockerClient } from '../../docker/client.js';
import { writeDurable } from '../../apply/durable-write.js';
import { resolveInside } from '../../apply/safe-path.js';
import { readLimits, updateLimits } from '../../apply/limits.js';
import { waitForPickUp } from '../../apply/reload.js';
import { throwProblems, verifyHealthy } from '../../apply/verify.js';
import { faultPoint } from '../../apply/fault.js';
import { ensureWritable } from '../../apply/writable.js';
import { record, step, type TxContext } from '../../apply/context.js';
import { undoEntry } from '../../apply/undo.js';
import { describeFailure, dockerFailure } from '../../apply/docker-failure.js';
import { parkedNameFor, recreateWithCmd, removeParked } from '../../apply/recreate.js';
import type { TimingOptions } from '../session.js';
import type { ChangeKind, ChangeTx, PlannedChange } from '../kind.js';

type DockerEntry = EntryOf<'docker'>;

export interface DockerChangeRequest {
  id: string;
  fixId: string;
  title: string;
  target: ContainerTarget;
  plan: ApplyPlan;
  /** the before-state of the plan's files, read when the change begins (each within its root) */
  filesBefore: () => Promise<FileBefore[]>;
  timings: TimingOptions;
  /** re-measure after the change: the probes of the findings, with a log look-back from `sinceMs` */
  measure: ((sinceMs: number) => Promise<Measure[]>) | null;
}

export function plannedDockerChange(docker: DockerClient, r: DockerChangeRequest): PlannedChange<'docker'> {
  const { plan } = r;
  let ctx: TxContext | null = null;
  const dtx = (t: ChangeTx): TxContext => (ctx ??= dockerTx(docker, t, r.target, r.timings, r.measure));
  let changedAt = 0;
  // the new run's log starts here: the verify and the re-measure look back no further
  let sinceMs: number | 'last-start' = 'last-start';
  return {
    id: r.id,
    fixId: r.fixId,
    title: r.title,
    changes: plan.summary,
    async intent() {
      const files = await r.filesBefore();
      for (const f of plan.files) {
        const b = files.find((x) => x.path === f.path);
        const now = b?.existed ? Buffer.from(b.bytesBase64, 'base64').toString('utf8') : null;
        if (!b || now !== f.before) throw new UserError(`${f.path}: changed since the preview was computed`, 'run the fix again to see the current diff');
      }
      await ensureWritable(files);
      const limits = plan.limits ? { before: await readLimits(docker, r.target.id), after: plan.limits } : null;
      return { target: r.target, change: { kind: 'docker', files, limits, recreate: null } };
    },
    async apply(t, start) {
      const tx = dtx(t);
      let entry = start;
      changedAt = entry.appliedAt ?? Date.now();
      await step(
        tx,
        'write',
        'Write the files (atomic)',
        () => writeFiles(entry, plan),
        () => plan.files.map((f) => f.path).join(', ') || 'no file',
      );
      faultPoint('after-files');
      if (plan.limits) {
        const l = plan.limits;
        await step(tx, 'limits', 'Update the container limits (docker update)', () => updateLimits(tx.docker, tx.containerId, l));
        faultPoint('after-limits');
      }
      if (plan.recreate) {
        const r = plan.recreate;
        const name = entry.target.name;
        // journaled before the first Docker change: an undo from any later session finds the parked container
        const rec: Recreate = {
          name,
          beforeId: tx.containerId,
          parkedName: parkedNameFor(name, entry.id),
          cmdBefore: r.cmdBefore,
          cmdAfter: r.cmdAfter,
          afterId: null,
        };
        entry = await record(tx, entry, { change: { ...entry.change, recreate: rec } }, `re-creating ${name} with ${rec.cmdAfter.join(' ')}`);
        const startedAt = Date.now();
        const onCreated = async (newId: string) => {
          const change = { ...entry.change, recreate: { ...rec, afterId: newId } };
          entry = await record(tx, entry, { change, target: { ...entry.target, id: newId } }, `created ${newId.slice(0, 12)}`);
        };
        tx.containerId = await step(
          tx,
          'recreate',
          'Re-create the container with the new command line (Docker cannot change it in place)',
          () => recreateWithCmd(tx.docker, rec, onCreated),
          (v) => `${v.slice(0, 12)} started; the old one is parked as ${rec.parkedName}`,
        );
        sinceMs = startedAt;
      }
      entry = await record(tx, entry, { state: 'applied' }, 'files and limits changed');
      faultPoint('after-applied');
      if (plan.needsReload && !plan.recreate) {
        const wait = () => waitForPickUp(tx.docker, tx.containerId, changedAt, { watch: tx.watchConfig, timeoutMs: tx.reloadTimeoutMs });
        sinceMs = (await step(tx, 'reload', 'Wait for Falco to reload (else restart it)', wait, (v) => v.how)).sinceMs;
      }
      faultPoint('after-reload');
      return entry;
    },
    async verify(t, entry) {
      const tx = dtx(t);
      const opts = { sinceMs, settleMs: tx.settleMs, healthzUrl: tx.healthzUrl, onSettle: () => faultPoint('mid-verify') };
      // problems fail the step (shown ✖), and the engine undoes the change
      await step(
        tx,
        'verify',
        'Check that Falco is healthy',
        () => verifyHealthy(tx.docker, tx.containerId, opts).then(throwProblems),
        () => 'healthy',
      );
      return entry;
    },
    async finish(t, entry) {
      const tx = dtx(t);
      const rec = entry.change.recreate;
      // healthy: the parked container has served its purpose (an undo re-creates from the new one)
      if (rec)
        await step(
          tx,
          'cleanup',
          `Remove the parked container ${rec.parkedName}`,
          () => removeParked(tx.docker, rec),
          () => `${rec.parkedName} removed`,
        ).catch(() => undefined);
      // a failed re-measure does not undo a healthy change, but the journal says why the figures are missing
      let measures: Measure[] = [];
      let note = '';
      const measure = tx.measure;
      if (measure) {
        const from = typeof sinceMs === 'number' ? sinceMs : changedAt;
        measures = await step(
          tx,
          'measure',
          'Measure again',
          () => measure(from),
          (m) => `${m.length} figures`,
        ).catch((e: unknown) => {
          note = `; re-measure failed: ${errorMessage(e)}`;
          return [];
        });
      }
      faultPoint('after-measure');
      return { entry, measures, note };
    },
    explain: (e) => describeFailure(e, r.target.name),
    undo: (t, entry, done) => undoEntry(dtx(t), entry, done),
  };
}

export const dockerKind: ChangeKind<'docker'> = {
  kind: 'docker',
  touches: (e) => [
    ...e.change.files.map((f) => `file ${f.path}`),
    ...(e.change.limits ? [`limits of ${e.target.name}`] : []),
    ...(e.change.recreate ? [`command line of ${e.target.name}`] : []),
  ],
  restores: (e) => e.change.files.map((f) => f.path),
  restoredWhat: (e) => `${e.change.recreate ? 'files, limits and the container (its command line)' : 'files and limits'} are as before the change`,
  async undo(t, entry, conn, done) {
    const docker = conn.docker();
    const target = { ...entry.target, id: await liveContainerId(docker, entry.target) };
    return undoEntry(dockerTx(docker, t, target, conn.timings, null), entry, done);
  },
};

/** What a Docker step needs: the container (its id changes when it is re-created), health, timings. */
export function dockerTx(
  docker: DockerClient,
  t: ChangeTx,
  target: ContainerTarget,
  timings: TimingOptions,
  measure: DockerChangeRequest['measure'],
): TxContext {
  return {
    docker,
    journal: t.journal,
    emit: t.emit,
    containerId: target.id,
    watchConfig: target.watchConfig,
    healthzUrl: target.healthzUrl,
    settleMs: timings.settleSeconds * 1000,
    reloadTimeoutMs: timings.reloadTimeoutSeconds * 1000,
    measure,
  };
}

/** The container by id, else by name (it may have been recreated since the change). When it is gone,
 * or Docker does not answer, the recorded id: the undo still restores the files (they are on this
 * host) and reports what is left to do about the container. */
export async function liveContainerId(docker: DockerClient, target: ContainerTarget): Promise<string> {
  for (const ref of [target.id, target.name]) {
    const found = await inspectContainer(docker, ref).then(
      (i) => i.Id,
      (e: unknown) => (dockerFailure(e) === 'container-gone' ? null : target.id),
    );
    if (found) return found;
  }
  return target.id;
}

async function writeFiles(entry: DockerEntry, plan: ApplyPlan): Promise<void> {
  for (const [i, f] of plan.files.entries()) {
    if (i > 0) faultPoint('between-files');
    const before = entry.change.files.find((b) => b.path === f.path);
    if (!before) throw new Error(`${f.path}: not in the journal entry; refusing to change a file without its before-state`);
    const real = await resolveInside(f.path, before.root);
    await writeDurable(real, f.after, { mode: before.mode, owner: { uid: before.uid, gid: before.gid }, beforeRename: () => faultPoint('mid-file') });
  }
}
