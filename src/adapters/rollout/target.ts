// What the rollout needs to know about Falco before it changes anything: the container, the host file
// behind falco.yaml (phases edit it there, so the change persists), the folder writes must stay in,
// the health URL, reload behaviour, drop reporting, and the `rules:` selection as the operator has it.
import type { DockerClient } from '../docker/client.js';
import type { RolloutState } from '../../core/rollout/state.js';
import { buildContext } from '../../core/diagnosis/context.js';
import { getPath } from '../../core/falco/config/effective.js';
import { UserError } from '../../core/errors.js';
import { inspectContainer } from '../docker/inspect.js';
import { collectSnapshot } from '../collect.js';
import { liveCollectOptions } from '../collect-options.js';

export async function resolveRolloutTarget(
  docker: DockerClient,
  container: string | null,
  toolVersion: string,
): Promise<{ target: RolloutState['target']; original: RolloutState['original'] }> {
  const snapshot = await collectSnapshot(docker, liveCollectOptions({ container, windowMs: 1000, lookbackMs: 60_000, toolVersion }), () => {});
  const ctx = buildContext(snapshot);
  const t = ctx.target;
  if (!t.config.path || !t.config.hostPath)
    throw new UserError(
      `${snapshot.target.name}: falco.yaml is not on a bind mount`,
      'a phase switch written inside the container would not persist; mount /etc/falco from the host',
    );
  const from = ctx.config.provenance['rules']?.source;
  if (from && from !== t.config.path)
    throw new UserError(`the rules: selection is set by ${from}, not falco.yaml`, 'move it into falco.yaml (the rollout edits that block), or remove it there');
  if (!t.config.root) throw new UserError(`${t.config.path}: no bind mount holds it`);
  const rules = getPath(ctx.config.value, 'rules');
  return {
    target: {
      id: snapshot.target.id,
      name: snapshot.target.name,
      configHostPath: t.config.hostPath,
      configPath: t.config.path,
      configRoot: t.config.root,
      // only a health endpoint seen answering is one to wait on after a change
      healthzUrl: snapshot.webserver.healthz?.status === 200 ? t.urls.healthz : null,
      watchConfig: t.watchConfig,
    },
    original: { present: rules !== undefined, rules: rules ?? null },
  };
}

/** The service's container id by name (it may have been recreated since the baseline). */
export async function serviceId(docker: DockerClient, name: string): Promise<string> {
  const found = await inspectContainer(docker, name).then(
    (i) => (i.State.Running ? i.Id : null),
    () => null,
  );
  if (!found) throw new UserError(`the protected service ${name} is not running`, 'start it, or name another with --service');
  return found;
}
