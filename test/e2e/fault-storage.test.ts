// Where the doctor must write, refusing it: the state dir on a full filesystem (a tiny tmpfs), and a
// falco.yaml that cannot be replaced. The doctor runs as root, which ignores mode bits (a 0444 file is
// written and keeps its 0444), so "read-only" is tested as root meets it: an immutable file
// (chattr +i) and a read-only bind mount of the config folder. Each fix must refuse before anything
// changes: one line naming the state dir or the file, non-zero exit, config folder byte-identical, no
// journal entry. Mounts and attributes are undone in finally; without the privilege, the tests are
// skipped and say so.
// Run under the shared lab lock: flock /tmp/fd-lab.lock npx vitest run --project docker test/e2e/fault-storage.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { labDown, labUp, FALCO_CONTAINER, type LabHandle } from '../lab/lab.js';
import { captureDir, limitsOf, runFixCli, tempDir } from './helpers/fix-lab.js';

const TIMINGS = ['--window', '2', '--settle', '1'];

/** Can this process mount a tmpfs and set the immutable attribute? Probed once, when tests are collected. */
function privileged(): { mount: string | null; chattr: string | null } {
  const dir = tempDir('probe');
  const out = { mount: null as string | null, chattr: null as string | null };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch (e) {
    out.mount = `mount is not permitted here (${String((e as { stderr?: Buffer }).stderr ?? e).trim()})`;
  }
  try {
    const f = path.join(dir, 'f');
    fs.writeFileSync(f, '');
    execFileSync('chattr', ['+i', f], { stdio: 'pipe' });
    execFileSync('chattr', ['-i', f], { stdio: 'pipe' });
  } catch (e) {
    out.chattr = `chattr +i is not possible here (${String((e as { stderr?: Buffer }).stderr ?? e).trim()})`;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (out.mount) console.warn(`fault-storage: SKIPPING the tmpfs and read-only mount tests: ${out.mount}`);
  if (out.chattr) console.warn(`fault-storage: SKIPPING the immutable-file test: ${out.chattr}`);
  return out;
}
const can = privileged();

let lab: LabHandle;

async function unmount(args: string[]) {
  return execa('umount', args, { reject: false });
}

/** The fix refused before any change: what it said, and nothing changed. */
async function expectRefusedBeforeAnyChange(stateDir: string, extra: string[] = []): Promise<string> {
  const files = captureDir(lab.configDir);
  const limits = await limitsOf(FALCO_CONTAINER);
  const r = await runFixCli(['fix', 'raise-buffer-preset', '--yes', '--state-dir', stateDir, ...TIMINGS, ...extra]);
  expect(r.exitCode, r.stderr + r.stdout).not.toBe(0);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('falco-doctor:'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/✔ write/);
  expect(captureDir(lab.configDir)).toEqual(files);
  expect(await limitsOf(FALCO_CONTAINER)).toEqual(limits);
  console.log(`exit ${r.exitCode}: ${lines[0]}`);
  return lines[0] as string;
}

describe('the doctor cannot write where it must', () => {
  beforeAll(async () => {
    lab = await labUp('event-drops', { dir: tempDir('lab') });
  });
  afterAll(() => labDown());

  it.skipIf(can.mount !== null)('state dir on a full tmpfs: refused before anything changes, the state dir named (no lock left)', async () => {
    const mnt = tempDir('tmpfs');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
    try {
      // fill it: the last write fails with ENOSPC
      expect(() => fs.writeFileSync(path.join(mnt, 'fill'), Buffer.alloc(128 * 1024))).toThrow(/ENOSPC/);
      const state = path.join(mnt, 'state');
      const line = await expectRefusedBeforeAnyChange(state);
      expect(line).toContain(`cannot write to the state dir ${state} (ENOSPC: no space left on the device)`);
      expect(line).toMatch(/nothing was changed$/);
      expect(fs.existsSync(path.join(state, 'lock'))).toBe(false);
    } finally {
      await unmount([mnt]);
    }
  });

  it.skipIf(can.mount !== null)('state dir with room for the lock but not for the journal: refused before anything changes', async () => {
    const mnt = tempDir('tmpfs');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
    try {
      fs.writeFileSync(path.join(mnt, 'fill'), Buffer.alloc(40 * 1024));
      const state = path.join(mnt, 'state');
      const line = await expectRefusedBeforeAnyChange(state);
      expect(line).toMatch(new RegExp(`the state dir ${state} has \\d+ KiB free; journaling this change needs about \\d+ KiB; nothing was changed`));
      expect(fs.readdirSync(path.join(state, 'journal'))).toEqual([]);
    } finally {
      await unmount([mnt]);
    }
  });

  it.skipIf(can.chattr !== null)('falco.yaml immutable (chattr +i): refused before anything changes, the file named', async () => {
    const file = path.join(lab.configDir, 'falco.yaml');
    const state = tempDir('state');
    execFileSync('chattr', ['+i', file]);
    try {
      const line = await expectRefusedBeforeAnyChange(state);
      expect(line).toBe(
        `falco-doctor: ${file} is immutable (chattr +i) or otherwise locked against writing; refusing to start the change, nothing was changed`,
      );
      expect(fs.readdirSync(path.join(state, 'journal'))).toEqual([]);
    } finally {
      execFileSync('chattr', ['-i', file]);
    }
  });

  it.skipIf(can.mount !== null)('config folder on a read-only bind mount: refused before anything changes, the file named', async () => {
    const state = tempDir('state');
    execFileSync('mount', ['--bind', lab.configDir, lab.configDir]);
    try {
      execFileSync('mount', ['-o', 'remount,ro,bind', lab.configDir]);
      const line = await expectRefusedBeforeAnyChange(state);
      expect(line).toBe(
        `falco-doctor: ${path.join(lab.configDir, 'falco.yaml')} is on a read-only filesystem (mount); refusing to start the change, nothing was changed`,
      );
    } finally {
      await unmount([lab.configDir]);
    }
  });
});
