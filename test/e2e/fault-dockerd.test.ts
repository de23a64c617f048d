// dockerd stopped in the middle of `diagnose` and of a fix. dockerd is stopped by its pid (SIGTERM: it
// stops the containers, then exits) and started again with scripts/ensure-docker.sh in finally and
// afterAll: every other docker test needs it. The lab's containers restart with the engine (restart
// policy unless-stopped); they are started explicitly too, in case the policy did not apply.
// Run under the shared lab lock: flock /tmp/fd-lab.lock npx vitest run --project docker test/e2e/fault-dockerd.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { labDown, labUp, waitForFalco, BOT_CONTAINER, FALCO_CONTAINER, type LabHandle } from '../lab/lab.js';
import { dockerMaybe } from '../lab/docker-cli.js';
import { REPO } from '../core/helpers/fixtures.js';
import { CLI } from './helpers/cli.js';
import { captureDir, history, runFixCli, tempDir } from './helpers/fix-lab.js';
import { startEngine, stopEngine } from './helpers/fault-engine.js';
import { waitFor } from './helpers/wait.js';

let lab: LabHandle;

async function engineBack(): Promise<void> {
  await startEngine();
  await dockerMaybe(['start', FALCO_CONTAINER, BOT_CONTAINER]);
  await waitForFalco(lab.falcoUrl, 60_000);
}

/** Collects a running command's stderr so the test can wait for a progress line. */
function watchStderr(run: ResultPromise): { text: () => string } {
  let buf = '';
  run.stderr?.on('data', (d: Buffer) => (buf += d.toString()));
  return { text: () => buf };
}

/** No stack trace, and exactly one `falco-doctor:` line (a hint line may follow it). */
function expectOneLineError(stderr: string): string {
  expect(stderr, stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Node\.js v\d/);
  const lines = stderr.split('\n').filter((l) => l.startsWith('falco-doctor:'));
  expect(lines, stderr).toHaveLength(1);
  return lines[0] as string;
}

describe('dockerd stopped mid-run', () => {
  beforeAll(async () => {
    await startEngine();
    lab = await labUp('event-drops', { dir: tempDir('lab') });
  });
  afterAll(async () => {
    await startEngine();
    await labDown();
  });

  it('during the sampling window of diagnose: exit 5 and one line, no stack trace', async () => {
    const run = execa('node', [CLI, 'diagnose', '--json', '--window', '8'], { reject: false, cwd: REPO, env: { CI: 'true' }, timeout: 120_000 });
    const err = watchStderr(run);
    try {
      // the window opens just before the webserver step: its progress line means sampling is under way
      await waitFor('diagnose to start sampling', () => /webserver:/.test(err.text()), 60_000, 100);
      await stopEngine();
      const r = await run;
      expect(r.exitCode, r.stderr).toBe(5);
      const line = expectOneLineError(r.stderr);
      // dockerd stops the containers before it stops answering: whichever the doctor saw last, it says so
      expect(line).toMatch(/no Docker engine answers at unix:\/\/\/var\/run\/docker\.sock|the Falco container fdlab-falco is exited/);
      console.log(`diagnose with dockerd stopped mid-window: exit ${r.exitCode}: ${line}`);
    } finally {
      await engineBack();
    }
  });

  it('during the verification of a fix: the fix undoes its files by itself, says what is left, and rollback --last finishes once dockerd is back', async () => {
    const state = tempDir('state');
    const before = captureDir(lab.configDir);
    const run = execa('node', [CLI, 'fix', 'raise-buffer-preset', '--yes', '--state-dir', state, '--window', '2', '--settle', '5', '--reload-timeout', '10'], {
      reject: false,
      cwd: REPO,
      env: { CI: 'true' },
      timeout: 120_000,
    });
    const err = watchStderr(run);
    try {
      // the reload step has finished: the doctor is in the 5 s settle period of the health check
      await waitFor('the fix to reach verification', () => /reload: /.test(err.text()), 60_000, 100);
      expect(captureDir(lab.configDir)).not.toEqual(before);
      await stopEngine();
      const r = await run;
      console.log(`fix with dockerd stopped mid-verify: exit ${r.exitCode}\n${r.stdout.split('\n').slice(-4).join('\n')}`);
      expect(r.exitCode, r.stderr + r.stdout).toBe(7);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toMatch(/the undo could not complete\. Do this by hand:\n {2}- .*(Docker stopped answering|docker restart)/);
      // the files are local: the fix's own undo put them back although Docker was gone
      expect(captureDir(lab.configDir)).toEqual(before);
      expect((await history(state))[0]?.state).toBe('rollback-incomplete');
    } finally {
      await engineBack();
    }
    const undo = await runFixCli(['rollback', '--last', '--state-dir', state, '--settle', '2', '--reload-timeout', '10']);
    expect(undo.exitCode, undo.stderr + undo.stdout).toBe(0);
    expect(undo.stderr).toMatch(/restore-files: already identical/);
    expect(captureDir(lab.configDir)).toEqual(before);
    expect((await history(state))[0]?.state).toBe('rolled-back');
  });
});
