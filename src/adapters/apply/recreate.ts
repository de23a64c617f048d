// Re-creates the Falco container with another command line. Docker cannot change a container's
// command in place (`docker update` covers resources only), so, as `docker compose up` does after a
// `command:` edit, the container is replaced: the old one is stopped and parked under another name
// (never removed before its successor is healthy), the new one is created from the old one's inspect
// (same image, mounts, ports, limits, labels, restart policy, networks) with only Cmd changed.
// Environment values pass from Docker to Docker in memory; they are never journaled.
import type { ContainerCreateOptions, ContainerInspectInfo } from 'dockerode';
import type { DockerClient } from '../docker/client.js';
import { inspectWithRaw, type Inspect } from '../docker/inspect.js';
import { ExternalError } from '../../core/errors.js';
import { faultPoint } from './fault.js';

/** What the journal keeps of a re-create: names and ids, the two command lines, never env values. */
export interface RecreateRecord {
  name: string;
  beforeId: string;
  /** the old container's name while it is parked */
  parkedName: string;
  cmdBefore: string[] | null;
  cmdAfter: string[];
  afterId: string | null;
}

export const parkedNameFor = (name: string, entryId: string): string => `${name}.falco-doctor-before-${entryId}`;

const isMissing = (e: unknown): boolean => (e as { statusCode?: number } | null)?.statusCode === 404;

/**
 * A container's inspect body twice: raw, because a re-create copies its whole config (every Config and
 * HostConfig field Docker has, also those we never read) into the successor; and parsed by the one
 * inspect parser (docker/inspect.ts) for everything this file reads and decides on.
 */
export interface Inspected {
  raw: ContainerInspectInfo;
  i: Inspect;
}

export async function inspectOrNull(docker: DockerClient, nameOrId: string): Promise<Inspected | null> {
  return inspectWithRaw(docker, nameOrId).catch((e: unknown) => {
    if (isMissing(e)) return null;
    throw e;
  });
}

/** Create options that reproduce `i` with another Cmd. The image is pinned to the exact image the old
 *  container ran (its name only when the name still resolves to it). */
export async function createOptionsFrom(docker: DockerClient, { raw, i }: Inspected, name: string, cmd: string[] | null): Promise<ContainerCreateOptions> {
  const named = await docker
    .getImage(i.Config.Image)
    .inspect()
    .catch(() => null);
  // copied as Docker gave it: the successor gets every field, also those the parser leaves out
  const c = raw.Config;
  const networks = Object.entries(i.NetworkSettings.Networks ?? {});
  const mode = i.HostConfig.NetworkMode ?? 'default';
  const userNetwork = networks.find(([n]) => n === mode);
  return {
    name,
    Image: named?.Id === i.Image ? i.Config.Image : i.Image,
    Cmd: cmd ?? undefined,
    Entrypoint: c.Entrypoint ?? undefined,
    Env: c.Env ?? undefined,
    Labels: c.Labels ?? undefined,
    ExposedPorts: c.ExposedPorts ?? undefined,
    WorkingDir: c.WorkingDir || undefined,
    User: c.User || undefined,
    // Docker names a container's host after its short id unless told otherwise
    Hostname: c.Hostname && c.Hostname !== i.Id.slice(0, 12) ? c.Hostname : undefined,
    Tty: c.Tty,
    OpenStdin: c.OpenStdin,
    StopSignal: (c as { StopSignal?: string }).StopSignal,
    Healthcheck: (c as { Healthcheck?: ContainerCreateOptions['Healthcheck'] }).Healthcheck,
    Volumes: c.Volumes ?? undefined,
    HostConfig: raw.HostConfig,
    NetworkingConfig: userNetwork ? { EndpointsConfig: { [userNetwork[0]]: { Aliases: userNetwork[1].Aliases ?? undefined } } } : undefined,
  };
}

/** Connects the other user networks the old container was on (the create call takes one). */
async function connectOtherNetworks(docker: DockerClient, i: Inspect, newId: string): Promise<void> {
  const mode = i.HostConfig.NetworkMode ?? 'default';
  for (const [n, ep] of Object.entries(i.NetworkSettings.Networks ?? {})) {
    if (n === mode || ['bridge', 'host', 'none', 'default'].includes(n)) continue;
    await docker.getNetwork(n).connect({ Container: newId, EndpointConfig: { Aliases: ep.Aliases ?? undefined } });
  }
}

/** `i` again, under `name`, with `cmd`, on all its networks; created, not started. */
async function createFrom(docker: DockerClient, from: Inspected, name: string, cmd: string[] | null) {
  const created = await docker.createContainer(await createOptionsFrom(docker, from, name, cmd));
  await connectOtherNetworks(docker, from.i, created.id);
  return created;
}

/**
 * Parks the running container and starts its successor with `cmdAfter` (the journal holds the parked
 * name before this runs); `onCreated` journals the successor's id once it is started. Returns that id.
 */
export async function recreateWithCmd(docker: DockerClient, rec: RecreateRecord, onCreated: (id: string) => Promise<void>): Promise<string> {
  const old = await inspectWithRaw(docker, rec.beforeId);
  await docker
    .getContainer(rec.beforeId)
    .stop({ t: 10 })
    .catch((e: unknown) => {
      if ((e as { statusCode?: number }).statusCode !== 304) throw e; // 304: already stopped
    });
  await docker.getContainer(rec.beforeId).rename({ name: rec.parkedName });
  faultPoint('after-park');
  const created = await createFrom(docker, old, rec.name, rec.cmdAfter);
  faultPoint('after-create');
  await created.start();
  await onCreated(created.id);
  return created.id;
}

/** After a verified change: the parked container is no longer needed (the undo re-creates from the new one). */
export async function removeParked(docker: DockerClient, rec: RecreateRecord): Promise<void> {
  const parked = await inspectOrNull(docker, rec.parkedName);
  if (parked) await docker.getContainer(parked.i.Id).remove({ force: true });
}

/**
 * Puts the container back as it was before, from any point of the change or after it: the parked
 * container when it is still there (the successor, if any, is removed), else a re-create of the
 * current container with `cmdBefore`, through a temporary name so that a crash leaves one of the two.
 * Idempotent: run twice, the second run finds the container as it was. Returns its id.
 */
export async function restoreBefore(docker: DockerClient, rec: RecreateRecord, entryId: string): Promise<string> {
  const parked = await inspectOrNull(docker, rec.parkedName);
  const current = await inspectOrNull(docker, rec.name);
  if (parked) {
    if (current && current.i.Id !== parked.i.Id) await docker.getContainer(current.i.Id).remove({ force: true });
    await docker.getContainer(parked.i.Id).rename({ name: rec.name });
    await docker
      .getContainer(parked.i.Id)
      .start()
      .catch((e: unknown) => {
        if ((e as { statusCode?: number }).statusCode !== 304) throw e;
      });
    return parked.i.Id;
  }
  const temp = `${rec.name}.falco-doctor-undo-${entryId}`;
  const staged = await inspectOrNull(docker, temp);
  if (!current && staged) {
    // a crash after the successor was removed: the staged container is the one to keep
    await docker.getContainer(staged.i.Id).rename({ name: rec.name });
    await docker.getContainer(staged.i.Id).start();
    return staged.i.Id;
  }
  if (!current) throw new ExternalError(`neither ${rec.name} nor ${rec.parkedName} exists: recreate ${rec.name} as you normally do`);
  if (sameCmd(current.i.Config.Cmd, rec.cmdBefore)) return current.i.Id;
  if (staged) await docker.getContainer(staged.i.Id).remove({ force: true });
  const created = await createFrom(docker, current, temp, rec.cmdBefore);
  await docker.getContainer(current.i.Id).remove({ force: true });
  faultPoint('undo-after-remove');
  await created.rename({ name: rec.name });
  await created.start();
  return created.id;
}

function sameCmd(a: string[] | null | undefined, b: string[] | null): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
