// Bundles on disk: a redacted snapshot as JSON, written atomically with mode 0600; read back through
// the snapshot schema, with the file and key named on any error.
import { readFile, writeFile, rename, open } from 'node:fs/promises';
import path from 'node:path';
import { SnapshotSchema, type Snapshot } from '../core/snapshot.js';
import { redactSnapshot } from '../core/bundle.js';
import { UserError } from '../core/errors.js';

export async function readBundle(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: not JSON (${(e as Error).message})`);
  }
  const parsed = SnapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new UserError(`${file}: ${i.path.join('.') || '(top)'}: ${i.message}`, 'is it a falco-doctor bundle of this version?');
  }
  return parsed.data;
}

export async function writeBundle(file: string, snapshot: Snapshot): Promise<void> {
  const text = `${JSON.stringify(redactSnapshot(snapshot), null, 1)}\n`;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(tmp, text, { mode: 0o600 });
  const fh = await open(tmp, 'r');
  await fh.sync();
  await fh.close();
  await rename(tmp, file);
}
