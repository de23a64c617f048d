// falco-doctor history [--json]: every journaled change with its state and before/after figures.
// Read-only: takes no lock (a reader never blocks a doctor that is changing things).
import { stateDir } from '../adapters/paths.js';
import { openJournal } from '../adapters/journal/journal.js';
import { EXIT, type ExitCode } from '../core/errors.js';
import type { Change } from '../core/fix/journal-entry.js';
import { formatHistory } from './fix/report.js';
import type { CommandIo } from './fix/fix.js';

export async function runHistoryCommand(req: { stateDir: string | null; json: boolean }, io: CommandIo): Promise<ExitCode> {
  const journal = await openJournal(stateDir(process.env, req.stateDir));
  const entries = await journal.list();
  if (req.json) {
    // the before-bytes stay in the journal files: history shows what changed, not file contents
    const slim = entries.map((e) => ({ ...e, change: withoutBytes(e.change) }));
    io.out(`${JSON.stringify({ schemaVersion: 2, entries: slim }, null, 2)}\n`);
  } else io.out(formatHistory(entries));
  return EXIT.ok;
}

function withoutBytes(c: Change) {
  switch (c.kind) {
    case 'docker':
      return { ...c, files: c.files.map((f) => ({ path: f.path, existed: f.existed, mode: f.mode, uid: f.uid, gid: f.gid })) };
    case 'kube-patch': {
      const cm = c.configMap;
      return { ...c, configMap: cm && { name: cm.name, key: cm.key, bytesBefore: cm.before.length, bytesAfter: cm.after.length } };
    }
    case 'falco-stopped':
      return c;
  }
}
