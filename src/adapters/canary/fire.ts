// Runs a canary's argv once in a throwaway container of the Falco target's own image: no network,
// 32 MB and 0.2 CPU, labelled falco-doctor.canary=1, named after the run's marker, the files the
// argv needs put in before it starts, and removed afterwards (by its id: no other container is touched).
import tar from 'tar-stream';
import type { DockerClient } from '../docker/client.js';
import { CANARY_LABEL } from '../../core/canary/schema.js';
/** `cat` of a file ends at once; a canary action still running after this is stuck: it is killed. */
const ACTION_LIMIT_MS = 30_000;

export interface Fired {
  /** when the doctor started the action's container, ms (Docker's StartedAt is set after the process
   *  runs, so an alert could precede it) */
  startedAtMs: number;
  exitCode: number | null;
}

export async function fireCanary(
  docker: DockerClient,
  o: { image: string; name: string; argv: string[]; files: { path: string; content: string }[] },
): Promise<Fired> {
  const [entry, ...args] = o.argv;
  if (!entry) throw new Error('canary argv is empty');
  await sweepLeftovers(docker);
  const c = await docker.createContainer({
    name: o.name,
    Image: o.image,
    Entrypoint: [entry],
    Cmd: args,
    Labels: { [CANARY_LABEL]: '1' },
    NetworkDisabled: true,
    HostConfig: { NetworkMode: 'none', Memory: 32 * 2 ** 20, NanoCpus: 200_000_000, AutoRemove: false },
  });
  try {
    if (o.files.length > 0) await c.putArchive(await tarOf(o.files), { path: '/' });
    const startedAtMs = Date.now();
    await c.start();
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<null>((r) => (timer = setTimeout(() => r(null), ACTION_LIMIT_MS)));
    const done = (await Promise.race([c.wait() as Promise<{ StatusCode?: number }>, stuck]).finally(() => clearTimeout(timer))) ?? {};
    return { startedAtMs, exitCode: done.StatusCode ?? null };
  } finally {
    await c.remove({ force: true }).catch(() => undefined);
  }
}

/** A canary container an interrupted run (Ctrl-C between create and remove) left behind: ours by label. */
async function sweepLeftovers(docker: DockerClient): Promise<void> {
  const left = await docker.listContainers({ all: true, filters: { label: [`${CANARY_LABEL}=1`] } }).catch(() => []);
  for (const l of left)
    await docker
      .getContainer(l.Id)
      .remove({ force: true })
      .catch(() => undefined);
}

async function tarOf(files: { path: string; content: string }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const f of files) pack.entry({ name: f.path.replace(/^\/+/, ''), mode: 0o640 }, f.content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
