// The pieces the fault suites lean on, on temp folders and real sockets (no Docker): a temp file left by
// a doctor killed before its rename is removed by the restore (a live writer's is kept); a file that
// cannot be replaced is refused before anything is written; a full state dir refuses the change; a
// failed Docker call is told apart as "the engine is gone", "the container is gone", or other.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseTempName, tempNameFor } from '../../src/adapters/apply/durable-write.js';
import { restoreFiles } from '../../src/adapters/apply/restore-files.js';
import { ensureWritable } from '../../src/adapters/apply/writable.js';
import { describeFailure, dockerFailure } from '../../src/adapters/apply/docker-failure.js';
import { ensureRoom, stateDirError } from '../../src/adapters/journal/state-dir-error.js';
import { acquireLock } from '../../src/adapters/journal/lock.js';
import { isEngineGone } from '../../src/adapters/docker/client.js';
import { EXIT, UserError } from '../../src/core/errors.js';
import { tempDirs } from './helpers/temp-dirs.js';

const temp = tempDirs('fd-fault-');

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid as number;
}

describe('leftover temp files', () => {
  it('names are recognised with the file they were for and the writer pid', () => {
    const name = path.basename(tempNameFor('/etc/falco/falco.yaml', 4242, 1700000000000));
    expect(name).toBe('.falco.yaml.falco-doctor-4242-1700000000000.tmp');
    expect(parseTempName(name)).toEqual({ base: 'falco.yaml', pid: 4242 });
    expect(parseTempName('.falco.yaml.swp')).toBeNull();
  });

  it("the restore removes a dead writer's temp file and keeps a live writer's and unrelated files", async () => {
    const d = temp();
    const f = path.join(d, 'falco.yaml');
    fs.writeFileSync(f, 'before');
    fs.chmodSync(f, 0o640);
    const dead = tempNameFor(f, await deadPid());
    const live = tempNameFor(f, process.ppid);
    fs.writeFileSync(dead, 'half-applied change');
    fs.writeFileSync(live, 'another doctor at work');
    fs.writeFileSync(path.join(d, '.falco.yaml.swp'), 'editor');
    const st = fs.statSync(f);
    const changed = await restoreFiles([
      { action: 'write', path: f, root: d, bytesBase64: Buffer.from('before').toString('base64'), mode: 0o640, uid: st.uid, gid: st.gid },
    ]);
    // the file itself was already right: nothing for Falco to reload
    expect(changed).toEqual([]);
    expect(fs.readdirSync(d).sort()).toEqual(['.falco.yaml.swp', path.basename(live), 'falco.yaml'].sort());
  });
});

describe('ensureWritable', () => {
  it('passes writable files and new files in a writable folder', async () => {
    const d = temp();
    fs.writeFileSync(path.join(d, 'falco.yaml'), 'x');
    const before = (p: string, existed: boolean) => ({
      path: path.join(d, p),
      containerPath: null,
      existed,
      bytesBase64: '',
      mode: 0o644,
      uid: 0,
      gid: 0,
      root: d,
    });
    await expect(ensureWritable([before('falco.yaml', true), before('new.yaml', false)])).resolves.toBeUndefined();
  });
});

describe('the state dir', () => {
  it('a filesystem refusal names the state dir and says nothing changed (exit 1)', () => {
    const e = stateDirError('/var/lib/fd', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toBe('cannot write to the state dir /var/lib/fd (ENOSPC: no space left on the device); nothing was changed');
    expect((e as UserError).exitCode).toBe(EXIT.runtime);
    const other = new Error('boom');
    expect(stateDirError('/x', other)).toBe(other);
  });

  it('a journal entry that might not fit twice over is refused', async () => {
    const d = temp();
    await expect(ensureRoom(d, 1024)).resolves.toBeUndefined();
    await expect(ensureRoom(d, Number.MAX_SAFE_INTEGER / 4)).rejects.toThrow(
      new RegExp(`the state dir ${d} has \\d+ KiB free; journaling this change needs about \\d+ KiB`),
    );
  });

  it('a lock taken over from a dead doctor is replaced (a doctor killed after taking it)', async () => {
    const d = temp();
    const pid = await deadPid();
    fs.writeFileSync(path.join(d, 'lock'), JSON.stringify({ pid, user: 'root', startedAt: 'x', command: 'fix' }));
    const lock = await acquireLock(d, 'rollback --last');
    expect(lock.tookOverFrom?.pid).toBe(pid);
    await lock.release();
    expect(fs.existsSync(path.join(d, 'lock'))).toBe(false);
  });
});

describe('why a Docker call failed', () => {
  /** A real connection error, as dockerode sees it. */
  const connectError = (socket: string) => new Promise<Error>((resolve) => net.connect(socket).on('error', resolve));

  it('no socket at the Docker endpoint: the engine is gone', async () => {
    const e = await connectError('/nonexistent/docker.sock');
    expect(isEngineGone(e, { DOCKER_HOST: 'unix:///nonexistent/docker.sock' })).toBe(true);
    expect(isEngineGone(e, {})).toBe(false); // another socket than Docker's (e.g. Falco's webserver)
  });

  it('an API 404 is the container gone, also when wrapped; anything else is itself', () => {
    const notFound = Object.assign(new Error('(HTTP code 404) no such container'), { statusCode: 404 });
    const wrapped = Object.assign(new Error('docker restart abc failed: no such container'), { cause: notFound });
    expect(dockerFailure(wrapped)).toBe('container-gone');
    expect(describeFailure(wrapped, 'falco')).toBe('the container falco was removed');
    expect(describeFailure(new Error('timeout'), 'falco')).toBe('timeout');
    expect(isEngineGone(notFound)).toBe(false);
  });
});
