// Reads files as the container sees them: through the host path of a bind mount when there is one
// (so the doctor knows which host file to edit and edits persist), else from inside the container
// via the archive API (read-only; works on stopped containers too).
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import tar from 'tar-stream';
import type { DockerClient } from './client.js';
import type { ContainerInfo, FileRead } from '../../core/snapshot.js';
import { bindMountFor } from '../../core/bind-mount.js';

const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface ContainerFs {
  read(containerPath: string): Promise<FileRead | null>;
  /** regular files directly in a folder, sorted lexicographically; null if not a folder */
  list(containerPath: string): Promise<string[] | null>;
}

/** The host path behind a container path, through the longest matching bind mount. */
export function hostPathFor(containerPath: string, mounts: ContainerInfo['mounts']): string | null {
  const hit = bindMountFor(containerPath, mounts);
  if (!hit) return null;
  return path.join(hit.source, path.relative(hit.destination, containerPath));
}

export function containerFs(docker: DockerClient, info: ContainerInfo, hostVisible: boolean): ContainerFs {
  return {
    async read(p) {
      const host = hostVisible ? hostPathFor(p, info.mounts) : null;
      if (host) {
        const st = await stat(host).catch(() => null);
        if (st?.isFile()) {
          if (st.size > MAX_FILE_BYTES) throw new Error(`${host}: larger than ${MAX_FILE_BYTES} bytes`);
          return { path: p, hostPath: host, text: await readFile(host, 'utf8') };
        }
      }
      const files = await archive(docker, info.id, p);
      const only = files?.find((f) => f.type === 'file');
      return only ? { path: p, hostPath: null, text: only.text } : null;
    },
    async list(p) {
      const host = hostVisible ? hostPathFor(p, info.mounts) : null;
      if (host) {
        const entries = await readdir(host, { withFileTypes: true }).catch(() => null);
        if (entries)
          return entries
            .filter((e) => e.isFile())
            .map((e) => path.posix.join(p, e.name))
            .sort();
      }
      const files = await archive(docker, info.id, p);
      if (!files || files.every((f) => f.type !== 'directory')) return null;
      return files
        .filter((f) => f.type === 'file' && f.name.split('/').length === 2)
        .map((f) => path.posix.join(p, f.name.split('/')[1]!))
        .sort();
    },
  };
}

interface Entry {
  name: string;
  type: string;
  text: string;
}

/** The tar archive of a path in the container; null when it does not exist. */
async function archive(docker: DockerClient, id: string, p: string): Promise<Entry[] | null> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await docker.getContainer(id).getArchive({ path: p })) as NodeJS.ReadableStream;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return null;
    throw e;
  }
  const extract = tar.extract();
  const entries: Entry[] = [];
  let total = 0;
  return await new Promise<Entry[]>((resolve, reject) => {
    extract.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      body.on('data', (c: Buffer) => {
        total += c.length;
        if (total <= MAX_FILE_BYTES) chunks.push(c);
      });
      body.on('end', () => {
        entries.push({ name: header.name.replace(/\/$/, ''), type: header.type ?? 'file', text: Buffer.concat(chunks).toString('utf8') });
        next();
      });
      body.resume();
    });
    extract.on('finish', () => resolve(entries));
    extract.on('error', reject);
    stream.on('error', reject);
    stream.pipe(extract);
  });
}
