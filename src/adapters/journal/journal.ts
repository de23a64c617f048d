// The journal on disk: one JSON file per transaction in <state dir>/journal, folder 0700, files 0600,
// each rewrite durable (temp + fsync + rename + fsync folder). Entries are parsed with the schema on
// the way back in (schema 1 entries converted to 2); a corrupt one is reported by file name, never silently skipped.
import { mkdir, readFile, readdir, chmod } from 'node:fs/promises';
import path from 'node:path';
import type { JournalEntry } from '../../core/fix/journal-entry.js';
import { StoredEntrySchema } from '../../core/fix/journal-v1.js';
import { UserError } from '../../core/errors.js';
import { writeDurable } from '../apply/durable-write.js';
import { parseJsonFile } from '../files/json-file.js';

export interface Journal {
  dir: string;
  write(entry: JournalEntry): Promise<void>;
  read(id: string): Promise<JournalEntry>;
  /** oldest first */
  list(): Promise<JournalEntry[]>;
}

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

export async function openJournal(stateDir: string): Promise<Journal> {
  const dir = path.join(stateDir, 'journal');
  await ensurePrivateDir(stateDir);
  await ensurePrivateDir(dir);
  const fileOf = (id: string) => {
    if (!/^[\w.-]+$/.test(id)) throw new UserError(`"${id}" is not a journal id`, 'see falco-doctor history');
    return path.join(dir, `${id}.json`);
  };
  const parse = (file: string, text: string): JournalEntry =>
    parseJsonFile(file, text, StoredEntrySchema, 'move the file aside; the other entries stay usable');
  return {
    dir,
    async write(entry) {
      await writeDurable(fileOf(entry.id), `${JSON.stringify(entry, null, 2)}\n`, { mode: 0o600 });
    },
    async read(id) {
      const file = fileOf(id);
      const text = await readFile(file, 'utf8').catch(() => {
        throw new UserError(`no journal entry "${id}" in ${dir}`, 'see falco-doctor history');
      });
      return parse(file, text);
    },
    async list() {
      const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
      const out: JournalEntry[] = [];
      for (const n of names) out.push(parse(path.join(dir, n), await readFile(path.join(dir, n), 'utf8')));
      return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
  };
}

/** Sortable, unique enough for one host: 20250101T120000123Z-<fix>-<4 hex>. */
export function newEntryId(fixId: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${fixId}-${Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, '0')}`;
}
