// The Falco container removed in the middle of a fix (docker rm -f while the doctor waits in the health
// check), and Falco crash-looping after a change (a restart with a config it refuses at startup):
// a clear message, and the change undone or what is left named as steps to do by hand.
// Run under the shared lab lock: flock /tmp/fd-lab.lock npx vitest run --project docker test/e2e/fault-container.test.ts
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { answers, containerState, labDown, labUp, removeLabContainers, FALCO_CONTAINER } from '../lab/lab.js';
import { SCENARIOS, type Scenario } from '../lab/scenarios.js';
import { REPO } from '../core/helpers/fixtures.js';
import { CLI } from './helpers/cli.js';
import { captureDir, history, runFixCli, tempDir } from './helpers/fix-lab.js';
import { REFUSED_FIXES } from './helpers/fault-trial.js';
import { waitFor } from './helpers/wait.js';

/** Falco does not watch its files here: the doctor restarts it to apply a change (and to undo one). */
const NO_WATCH: Scenario = {
  ...SCENARIOS['event-drops'],
  name: 'event-drops (watch_config_files: false)',
  falcoYamlEdits: [...SCENARIOS['event-drops'].falcoYamlEdits, [['watch_config_files'], false]],
};

describe('the Falco container gone or crash-looping mid-fix', () => {
  afterAll(() => labDown());

  it('removed while the fix waits in the health check: files restored by the fix itself, the container named as the step left', async () => {
    const lab = await labUp('event-drops', { dir: tempDir('lab') });
    const state = tempDir('state');
    const before = captureDir(lab.configDir);
    const run = execa('node', [CLI, 'fix', 'raise-buffer-preset', '--yes', '--state-dir', state, '--window', '2', '--settle', '5', '--reload-timeout', '10'], {
      reject: false,
      cwd: REPO,
      env: { CI: 'true' },
      timeout: 120_000,
    });
    let stderr = '';
    run.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    await waitFor('the fix to reach verification', () => /reload: /.test(stderr), 60_000, 100);
    // the lab's Falco, selected by the lab's labels (never by a name an operator may use)
    await removeLabContainers('standin');
    const r = await run;
    console.log(`fix with the container removed mid-verify: exit ${r.exitCode}\n${r.stdout.split('\n').slice(-3).join('\n')}`);
    expect(r.exitCode, r.stderr + r.stdout).toBe(7);
    expect(r.stdout).toContain(`the fix failed (the container ${FALCO_CONTAINER} was removed) and the undo could not complete. Do this by hand:`);
    expect(r.stdout).toMatch(/- the container fdlab-falco no longer exists: the files are restored; recreate it/);
    expect(captureDir(lab.configDir)).toEqual(before);
    expect((await history(state))[0]?.state).toBe('rollback-incomplete');

    // rollback --last with the container still gone: the files stay restored, the same step is named
    const undo = await runFixCli(['rollback', '--last', '--state-dir', state, '--settle', '2']);
    expect(undo.exitCode, undo.stderr + undo.stdout).toBe(7);
    expect(undo.stderr).toMatch(/restore-files: already identical/);
    expect(undo.stdout).toMatch(/could not complete[^]*the container fdlab-falco no longer exists/);
    expect(captureDir(lab.configDir)).toEqual(before);
  });

  it('crash-looping after a restart with a config Falco refuses: the doctor restores the files and restarts it (exit 6)', async () => {
    const lab = await labUp(NO_WATCH, { dir: tempDir('lab') });
    const state = tempDir('state');
    const before = captureDir(lab.configDir);
    const r = await runFixCli(['fix', 'refused-value', '--yes', '--state-dir', state, '--window', '2', '--settle', '3'], {
      FALCO_DOCTOR_TEST_FIXES: REFUSED_FIXES,
    });
    console.log(
      `fix that makes Falco crash-loop: exit ${r.exitCode}\n${r.stderr
        .split('\n')
        .filter((l) => /[✔✖]/.test(l))
        .join('\n')}\n${r.stdout.split('\n').slice(-3).join('\n')}`,
    );
    expect(r.exitCode, r.stderr + r.stdout).toBe(6);
    expect(r.stderr).toMatch(/✔ reload: restarted/);
    // caught down (restarting, exited) or caught up between two crashes and then restarting
    expect(r.stdout).toMatch(/failed verification and was undone: the container (is restarting|is exited|restarted during the 3 s settle period)/);
    // restarted with the restored files (caught between two crashes it reads as up, and is restarted the same)
    expect(r.stderr).toMatch(/✔ restore-files: restored [^\n]*falco\.yaml\n {2}✔ (restart|reload): [^\n]*\n {2}✔ verify-undo: healthy/);
    expect(captureDir(lab.configDir)).toEqual(before);
    expect((await history(state))[0]?.state).toBe('reverted');
    const st = await containerState(FALCO_CONTAINER);
    expect(st?.running && !st.restarting).toBe(true);
    expect(await answers(`${lab.falcoUrl}/healthz`, 3000)).toBe(true);
  });
});
