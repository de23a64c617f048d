// The journal (private modes, schema on read) and the lock (contention names the holder; a dead
// holder's lock is taken over) on temp folders.
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { openJournal } from '../../src/adapters/journal/journal.js';
import { acquireLock } from '../../src/adapters/journal/lock.js';
import type { JournalEntry } from '../../src/core/fix/journal-entry.js';
import { tempDirs } from './helpers/temp-dirs.js';

const temp = tempDirs('fd-j-');
const stateDir = () => path.join(temp(), 'falco-doctor');

const ENTRY: JournalEntry = {
  schemaVersion: 2,
  id: '20250101T000000000Z-f-0001',
  fixId: 'f',
  title: 'F',
  createdAt: '2025-01-01T00:00:00Z',
  state: 'intent',
  pid: 1,
  target: { kind: 'container', id: 'c', name: 'falco', healthzUrl: null, watchConfig: true },
  changes: ['a: 1 → 2'],
  change: { kind: 'docker', files: [], limits: null, recreate: null },
  appliedAt: null,
  measures: [],
  log: [],
  finishedAt: null,
};

describe('journal', () => {
  it('writes entries 0600 in a 0700 folder and reads them back through the schema', async () => {
    const dir = stateDir();
    const j = await openJournal(dir);
    await j.write(ENTRY);
    await j.write({ ...ENTRY, state: 'verified' });
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(j.dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(j.dir, `${ENTRY.id}.json`)).mode & 0o777).toBe(0o600);
    expect((await j.list()).map((e) => e.state)).toEqual(['verified']);
  });
  it('names the file and key of a corrupt entry', async () => {
    const j = await openJournal(stateDir());
    fs.writeFileSync(path.join(j.dir, 'bad.json'), JSON.stringify({ ...ENTRY, state: 'weird' }));
    await expect(j.list()).rejects.toThrow(/bad\.json: state: /);
  });
  it('refuses an entry whose kind of change does not go with its target', async () => {
    const j = await openJournal(stateDir());
    const kubeTarget = { kind: 'kube', kubeconfig: null, context: 'c', server: 's', namespace: 'n', daemonSet: 'falco', node: 'a' };
    fs.writeFileSync(path.join(j.dir, 'mixed.json'), JSON.stringify({ ...ENTRY, target: kubeTarget }));
    await expect(j.list()).rejects.toThrow(/mixed\.json: target\.kind: this kind of change is made to another kind of target/);
  });
});

describe('lock', () => {
  it('a second doctor is told who holds the lock', async () => {
    const dir = stateDir();
    const first = await acquireLock(dir, 'fix raise-buffer-preset');
    // same process: the holder is alive, so the lock is refused with its details
    await expect(acquireLock(dir, 'rollback --last')).rejects.toThrow(
      new RegExp(`pid ${process.pid}, user \\w+, since \\S+, running "fix raise-buffer-preset"`),
    );
    await first.release();
    const again = await acquireLock(dir, 'rollback --last');
    await again.release();
  });
  it('takes over the lock of a dead process', async () => {
    const dir = stateDir();
    const dead = await execa('node', ['-e', 'console.log(process.pid)']);
    fs.mkdirSync(dir, { recursive: true });
    const stale = { pid: Number(dead.stdout), user: 'x', startedAt: '2025-01-01T00:00:00Z', command: 'fix f' };
    fs.writeFileSync(path.join(dir, 'lock'), JSON.stringify(stale));
    const lock = await acquireLock(dir, 'rollback --last');
    expect(lock.tookOverFrom).toEqual(stale);
    await lock.release();
    expect(fs.existsSync(path.join(dir, 'lock'))).toBe(false);
  });
});
