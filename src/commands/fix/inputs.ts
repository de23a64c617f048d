// Gathers what planning and the journal need from the live target: the local rules file, the compose
// file, the current limits, and the before-state of every file the plan touches.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Snapshot } from '../../core/snapshot.js';
import type { DiagnosisContext } from '../../core/diagnosis/context.js';
import type { ApplyInputs, ApplyPlan } from '../../core/fix/apply-plan.js';
import type { FileBefore } from '../../core/fix/journal-entry.js';
import { getPath } from '../../core/falco/config/effective.js';
import { UserError } from '../../core/errors.js';
import { hostPathFor } from '../../adapters/docker/container-fs.js';
import type { DockerClient } from '../../adapters/docker/client.js';
import { findComposeFile, type ComposeTarget } from '../../adapters/apply/compose.js';
import { limitsOf } from '../../adapters/apply/limits.js';
import { inspectContainer } from '../../adapters/docker/inspect.js';
import { snapshotFile } from '../../adapters/apply/file-snapshot.js';
import { bindMountFor } from '../../core/bind-mount.js';

const LOCAL_RULES = 'falco_rules.local.yaml';

export async function gatherInputs(
  docker: DockerClient,
  ctx: DiagnosisContext,
  id: string,
  hostVisible: boolean,
): Promise<{ inputs: ApplyInputs; compose: ComposeTarget | null }> {
  const snap = ctx.snapshot;
  const named = getPath(ctx.config.value, 'rules_files') ?? getPath(ctx.config.value, 'rules_file');
  const rulesFiles = Array.isArray(named) ? named.map(String) : typeof named === 'string' ? [named] : [];
  const mainPath = snap.falco.configFiles[0]?.path ?? '/etc/falco/falco.yaml';
  const localPath = rulesFiles.find((p) => path.posix.basename(p) === LOCAL_RULES) ?? path.posix.join(path.posix.dirname(mainPath), LOCAL_RULES);
  const localHost = hostVisible ? hostPathFor(localPath, snap.target.mounts) : null;
  const localText = localHost ? await readFile(localHost, 'utf8').catch(() => null) : null;
  const compose = hostVisible ? await findComposeFile(ctx.target.launch) : null;
  // read now, not taken from the snapshot: the journal's before-state must be the container's as it is
  const now = await inspectContainer(docker, snap.target.id);
  return {
    compose,
    inputs: {
      id,
      configFiles: snap.falco.configFiles,
      provenance: ctx.config.provenance,
      rulesFiles,
      localRules: { path: localPath, hostPath: localHost, text: localText },
      compose: compose ? { path: compose.path, service: compose.service, text: compose.text } : null,
      limits: limitsOf(now),
      // Config.Cmd: the part of the command line a re-create (or a compose `command:`) replaces
      configCmd: now.Config.Cmd ?? null,
    },
  };
}

/** Before-state of every file in the plan; refuses when a file changed since the preview was made. */
export async function snapshotPlanFiles(plan: ApplyPlan, snap: Snapshot, compose: ComposeTarget | null): Promise<FileBefore[]> {
  const out: FileBefore[] = [];
  for (const f of plan.files) {
    const root = f.containerPath ? mountSource(f.containerPath, snap) : compose?.root;
    if (!root) throw new UserError(`${f.path}: no folder known to contain it; refusing to write`);
    const before = await snapshotFile(f.path, f.containerPath, root);
    const now = before.existed ? Buffer.from(before.bytesBase64, 'base64').toString('utf8') : null;
    if (now !== f.before) throw new UserError(`${f.path}: changed since the preview was computed`, 'run the fix again to see the current diff');
    out.push(before);
  }
  return out;
}

function mountSource(containerPath: string, snap: Snapshot): string | null {
  return bindMountFor(containerPath, snap.target.mounts)?.source ?? null;
}
