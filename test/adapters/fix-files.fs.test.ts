// Atomic writes, symlink refusal, before-state snapshots and byte-identical, idempotent restores on
// temp folders (no Docker).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { writeDurable } from '../../src/adapters/apply/durable-write.js';
import { resolveInside } from '../../src/adapters/apply/safe-path.js';
import { snapshotFile } from '../../src/adapters/apply/file-snapshot.js';
import { restoreFiles } from '../../src/adapters/apply/restore-files.js';
import type { FileRestore } from '../../src/core/fix/invert.js';
import { tempDirs } from './helpers/temp-dirs.js';

const temp = tempDirs('fd-fs-');

describe('writeDurable', () => {
  it('replaces the file whole with the given mode and owner, leaving no temp file', async () => {
    const d = temp();
    const f = path.join(d, 'falco.yaml');
    fs.writeFileSync(f, 'old');
    await writeDurable(f, 'new', { mode: 0o640, owner: { uid: 1234, gid: 5678 } });
    const st = fs.statSync(f);
    expect([fs.readFileSync(f, 'utf8'), st.mode & 0o7777, st.uid, st.gid]).toEqual(['new', 0o640, 1234, 5678]);
    expect(fs.readdirSync(d)).toEqual(['falco.yaml']);
  });
});

describe('resolveInside', () => {
  it('refuses a symlink that leads outside the folder, naming the file', async () => {
    const d = temp();
    const outside = path.join(temp(), 'passwd');
    fs.writeFileSync(outside, 'x');
    fs.symlinkSync(outside, path.join(d, 'falco.yaml'));
    await expect(resolveInside(path.join(d, 'falco.yaml'), d)).rejects.toThrow(/falco\.yaml: resolves to .*passwd, outside/);
    await expect(writeDurableThrough(d)).rejects.toThrow(/outside/);
    expect(fs.readFileSync(outside, 'utf8')).toBe('x');
  });
  it('follows a symlink that stays inside, so the link survives the write', async () => {
    const d = temp();
    fs.mkdirSync(path.join(d, '..data'));
    fs.writeFileSync(path.join(d, '..data', 'falco.yaml'), 'a');
    fs.symlinkSync('..data/falco.yaml', path.join(d, 'falco.yaml'));
    expect(await resolveInside(path.join(d, 'falco.yaml'), d)).toBe(path.join(fs.realpathSync(d), '..data', 'falco.yaml'));
  });
});

async function writeDurableThrough(d: string) {
  const f = path.join(d, 'falco.yaml');
  return writeDurable(await resolveInside(f, d), 'evil', { mode: 0o644 });
}

describe('snapshot and restore', () => {
  it('restores bytes, mode and owner exactly, removes created files, and is idempotent', async () => {
    const d = temp();
    const f = path.join(d, 'falco.yaml');
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0xff]); // BOM, CRLF, a non-UTF-8 byte
    fs.writeFileSync(f, bytes);
    fs.chmodSync(f, 0o600);
    fs.chownSync(f, 4321, 8765);
    const before = [await snapshotFile(f, '/etc/falco/falco.yaml', d), await snapshotFile(path.join(d, 'new.yaml'), '/etc/falco/new.yaml', d)];
    expect(before[1]?.existed).toBe(false);
    await writeDurable(f, 'changed', { mode: 0o644 });
    fs.writeFileSync(path.join(d, 'new.yaml'), 'created');
    const plan: FileRestore[] = before.map((b) =>
      b.existed
        ? { action: 'write', path: b.path, root: b.root, bytesBase64: b.bytesBase64, mode: b.mode, uid: b.uid, gid: b.gid }
        : { action: 'remove', path: b.path, root: b.root },
    );
    expect(await restoreFiles(plan)).toEqual([f, path.join(d, 'new.yaml')]);
    const st = fs.statSync(f);
    expect([fs.readFileSync(f).equals(bytes), st.mode & 0o7777, st.uid, st.gid]).toEqual([true, 0o600, 4321, 8765]);
    expect(fs.existsSync(path.join(d, 'new.yaml'))).toBe(false);
    const mtime = st.mtimeMs;
    expect(await restoreFiles(plan)).toEqual([]);
    expect(fs.statSync(f).mtimeMs).toBe(mtime);
  });
});
