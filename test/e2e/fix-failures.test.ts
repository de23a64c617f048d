// A change Falco refuses is undone automatically (exit 6) with a healthy Falco after; and a doctor
// SIGKILLed at each step of the transaction leaves a journal from which `rollback --last` restores
// every file byte for byte. Run under the shared lab lock (see fix-effects.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { answers, containerState, labDown, labUp, FALCO_CONTAINER, type LabHandle } from '../lab/lab.js';
import { REPO } from '../core/helpers/fixtures.js';
import { FAST, captureDir, history, limitsOf, runFixCli, tempDir } from './helpers/fix-lab.js';

const REFUSED = path.join(REPO, 'test/e2e/fixtures/refused-fix.yaml');
let lab: LabHandle;

describe('fix failures on the lab', () => {
  beforeAll(async () => {
    lab = await labUp('event-drops', { dir: tempDir('lab') });
  });
  afterAll(() => labDown());

  it('a value Falco refuses is rolled back automatically (exit 6), Falco healthy after', async () => {
    const state = tempDir('state');
    const before = captureDir(lab.configDir);
    const r = await runFixCli(['fix', 'invalid-preset', '--yes', '--state-dir', state, ...FAST], { FALCO_DOCTOR_TEST_FIXES: REFUSED });
    expect(r.exitCode, r.stderr + r.stdout).toBe(6);
    expect(r.stdout).toMatch(/failed verification and was undone: Falco refused the new configuration/);
    expect(captureDir(lab.configDir)).toEqual(before);
    expect((await history(state))[0]?.state).toBe('reverted');
    expect((await containerState(FALCO_CONTAINER))?.running).toBe(true);
    expect(await answers(`${lab.falcoUrl}/healthz`)).toBe(true);
  });

  for (const point of ['before-write', 'after-write', 'after-restart']) {
    it(`SIGKILL at ${point}: rollback --last restores byte for byte`, async () => {
      const state = tempDir('state');
      const before = captureDir(lab.configDir);
      const limits = await limitsOf(FALCO_CONTAINER);
      const killed = await runFixCli(['fix', 'raise-buffer-preset', '--yes', '--state-dir', state, ...FAST], { FALCO_DOCTOR_FAULT: point });
      // tsx relays its child's SIGKILL as exit status 137 (128 + 9)
      expect(killed.signal === 'SIGKILL' || killed.exitCode === 137, `${killed.exitCode} ${killed.signal} ${killed.stderr}`).toBe(true);
      expect((await history(state))[0]?.state).toBe(point === 'before-write' ? 'intent' : 'applied');
      // a new fix refuses to start over an unfinished transaction
      const blocked = await runFixCli(['fix', 'raise-buffer-preset', '--yes', '--state-dir', state, ...FAST]);
      expect(blocked.stderr).toMatch(/did not finish.*\n.*rollback --last/);
      const undo = await runFixCli(['rollback', '--last', '--state-dir', state, ...FAST.slice(2)]);
      expect(undo.exitCode, undo.stderr + undo.stdout).toBe(0);
      expect(captureDir(lab.configDir)).toEqual(before);
      expect(await limitsOf(FALCO_CONTAINER)).toEqual(limits);
      const again = await runFixCli(['rollback', '--last', '--state-dir', state, ...FAST.slice(2)]);
      expect(again.exitCode, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/already identical/);
      expect(captureDir(lab.configDir)).toEqual(before);
    });
  }
});
