// falco-doctor history [--json]: every journaled change with its state and before/after figures.
// Read-only: takes no lock (a reader never blocks a doctor that is changing things).
import { stateDir } from '../adapters/paths.js';
import { openJournal } from '../adapters/journal/journal.js';
import { EXIT, type ExitCode } from '../core/errors.js';
import { formatHistory } from './fix/report.js';
import type { CommandIo } from './fix/fix.js';

export async function runHistoryCommand(req: { stateDir: string | null; json: boolean }, io: CommandIo): Promise<ExitCode> {
  const journal = await openJournal(stateDir(process.env, req.stateDir));
  const entries = await journal.list();
  if (req.json) {
    // the before-bytes stay in the journal files: history shows what changed, not file contents
    const slim = entries.map(({ files, kube, ...e }) => ({
      ...e,
      files: files.map((f) => ({ path: f.path, existed: f.existed, mode: f.mode, uid: f.uid, gid: f.gid })),
      kube: kube && {
        ...kube,
        configMap: kube.configMap && {
          name: kube.configMap.name,
          key: kube.configMap.key,
          bytesBefore: kube.configMap.before.length,
          bytesAfter: kube.configMap.after.length,
        },
      },
    }));
    io.out(`${JSON.stringify({ schemaVersion: 1, entries: slim }, null, 2)}\n`);
  } else io.out(formatHistory(entries));
  return EXIT.ok;
}
