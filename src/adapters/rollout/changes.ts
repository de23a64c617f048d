// The rollout's changes to Falco go through the change engine like a fix: a phase's (or the abort's)
// falco.yaml edit is a Docker change, the baseline's stop/start is the falco-stopped change. Same
// lock, guards (breaker, unfinished transaction, free space, file unchanged since read), journal and
// undo: any of them can be undone later with `falco-doctor rollback ID`, also after a crash mid-change.
// Behind a small interface so the commands (and tests) do not depend on how changes are applied.
import type { DockerClient } from '../docker/client.js';
import type { ContainerTarget } from '../../core/fix/journal-entry.js';
import { DEFAULT_MAX_CHANGES_PER_HOUR } from '../../core/fix/breaker.js';
import { UserError } from '../../core/errors.js';
import type { FixEvent } from '../../core/fix/events.js';
import { snapshotFile } from '../apply/file-snapshot.js';
import { newEntryId } from '../journal/journal.js';
import { runChange, type ChangeResult, type PostChangeCheck } from '../change/engine.js';
import type { TimingOptions } from '../change/session.js';
import { plannedDockerChange } from '../change/kinds/docker.js';
import { plannedFalcoStopped } from '../change/kinds/falco-stopped.js';
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

export type ChangeTimings = TimingOptions;

export interface ChangeOptions {
  stateDir: string | null;
  timings: ChangeTimings;
  emit: (e: FixEvent) => void;
  maxChangesPerHour?: number;
  /** the detection canary around each config edit (a rules change can blind Falco); none when absent */
  detection?: { checksFor(change: string): readonly PostChangeCheck[]; accept: boolean };
}

type Target = RolloutState['target'];

export function journaledChanges(docker: DockerClient, target: Target, o: ChangeOptions): RolloutChanges {
  const container: ContainerTarget = { kind: 'container', id: target.id, name: target.name, healthzUrl: target.healthzUrl, watchConfig: target.watchConfig };
  const base = { stateDir: o.stateDir, maxChangesPerHour: o.maxChangesPerHour ?? DEFAULT_MAX_CHANGES_PER_HOUR, emit: o.emit };
  const refused = (what: string, r: Pick<ChangeResult, 'failure' | 'outcome' | 'manualSteps'>, undone: string) =>
    new UserError(`${what}: ${r.failure ?? 'failed'}; ${r.outcome === 'reverted' ? undone : `undo incomplete: ${r.manualSteps.join('; ')}`}`);
  return {
    async editConfig(kind, summary, edit) {
      const read = await snapshotFile(target.configHostPath, target.configPath, target.configRoot);
      const beforeText = Buffer.from(read.bytesBase64, 'base64').toString('utf8');
      const after = edit(beforeText);
      if (after === beforeText) return null;
      const plan = {
        files: [{ path: target.configHostPath, containerPath: target.configPath, before: beforeText, after }],
        limits: null,
        recreate: null,
        needsReload: true,
        summary: [summary],
      };
      // read again under the lock: the engine refuses when the file changed since this edit was made
      const filesBefore = async () => [await snapshotFile(target.configHostPath, target.configPath, target.configRoot)];
      const planned = plannedDockerChange(docker, {
        id: newEntryId(kind),
        fixId: kind,
        title: summary,
        target: container,
        plan,
        filesBefore,
        timings: o.timings,
        measure: null,
      });
      const checks = o.detection?.checksFor(`rollout ${kind}`) ?? [];
      const r = await runChange({ ...base, command: kind, planned, checks, accept: o.detection?.accept ?? false });
      if (r.outcome !== 'verified') throw refused(kind, r, 'undone, falco.yaml is as before');
      return r.entry.id;
    },

    async withFalcoStopped<T>(during: () => Promise<T>) {
      const planned = plannedFalcoStopped(docker, container, o.timings, during);
      const r = await runChange({ ...base, command: 'rollout-baseline', planned });
      if (r.outcome !== 'verified') throw refused(`${target.name} stopped for the baseline`, r, `${target.name} runs again`);
      const out = planned.outcome();
      if ('failure' in out) throw out.failure;
      return { journalId: r.entry.id, value: out.value };
    },
  };
}
