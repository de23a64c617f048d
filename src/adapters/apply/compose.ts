// The compose file that started the container, from the labels Docker Compose puts on it, so new
// limits can be persisted there too (else the next `docker compose up` would undo them).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, isMap } from 'yaml';
import type { ContainerInfo } from '../../core/snapshot.js';

export interface ComposeTarget {
  path: string;
  service: string;
  text: string;
  /** folder the compose file lives in: writes must stay inside it */
  root: string;
}

export async function findComposeFile(info: ContainerInfo): Promise<ComposeTarget | null> {
  const service = info.labels['com.docker.compose.service'];
  const files = info.labels['com.docker.compose.project.config_files'];
  if (!service || !files) return null;
  const workdir = info.labels['com.docker.compose.project.working_dir'] ?? '';
  for (const raw of files
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const file = path.isAbsolute(raw) ? raw : path.join(workdir, raw);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    // the service may be defined in one of several files; edit the one that defines it
    if (isMap(parseDocument(text).getIn(['services', service]))) return { path: file, service, text, root: path.dirname(file) };
  }
  return null;
}
