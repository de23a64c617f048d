// The compose file that defines the container's service (the target's launch, core/target/launch.ts,
// read from the labels Docker Compose puts on it), so new limits can be persisted there too (else the
// next `docker compose up` would undo them).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, isMap } from 'yaml';
import type { Launch } from '../../core/target/launch.js';

export interface ComposeTarget {
  path: string;
  service: string;
  text: string;
  /** folder the compose file lives in: writes must stay inside it */
  root: string;
}

export async function findComposeFile(launch: Launch): Promise<ComposeTarget | null> {
  if (launch.kind !== 'compose') return null;
  const service = launch.service;
  for (const file of launch.files) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    // the service may be defined in one of several files; edit the one that defines it
    if (isMap(parseDocument(text).getIn(['services', service]))) return { path: file, service, text, root: path.dirname(file) };
  }
  return null;
}
