// Bundles on disk: a redacted snapshot as JSON, written atomically with mode 0600; read back through
// the snapshot schema, with the file and key named on any error.
import { readFile } from 'node:fs/promises';
import { SnapshotSchema, type Snapshot } from '../core/snapshot.js';
import { redactSnapshot } from '../core/bundle.js';
import { UserError } from '../core/errors.js';
import { parseJsonFile } from './files/json-file.js';
import { writeDurable } from './apply/durable-write.js';

export async function readBundle(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseJsonFile(file, text, SnapshotSchema, 'is it a falco-doctor bundle of this version?');
}

export async function writeBundle(file: string, snapshot: Snapshot): Promise<void> {
  await writeDurable(file, `${JSON.stringify(redactSnapshot(snapshot), null, 1)}\n`, { mode: 0o600 });
}
