// A change Falco refuses is undone automatically (exit 6) with a healthy Falco after; and a doctor
// SIGKILLed at every fault point of the transaction (FALCO_DOCTOR_FAULT, src/adapters/apply/fault.ts)
// leaves a journal from which `rollback --last` restores the config folder byte for byte (mode, owner,
// no temp file left), the container limits, and a healthy Falco. Each point once here; `npm run soak`
// cycles them × fixes for the full count. Run under the shared lab lock (see fix-effects.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, containerState, labDown, FALCO_CONTAINER, type LabHandle } from '../lab/lab.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FAULT_POINTS } from '../../src/adapters/apply/fault.js';
import { REPO } from '../core/helpers/fixtures.js';
import { captureDir, history, runFixCli, tempDir } from './helpers/fix-lab.js';
import {
  DIST_CLI,
  REFUSED_FIXES,
  TRIAL_TIMINGS,
  RECREATE_POINTS,
  faultCases,
  faultLabUp,
  labState,
  runDoctor,
  runTrial,
  type LabState,
  type TrialHooks,
} from './helpers/fault-trial.js';

let lab: LabHandle;
let original: LabState;

describe('fix failures on the lab', () => {
  beforeAll(async () => {
    lab = await faultLabUp(tempDir('lab'));
    original = await labState(lab);
  });
  afterAll(() => labDown());

  it('a value Falco refuses is rolled back automatically (exit 6), Falco healthy after', async () => {
    const state = tempDir('state');
    const r = await runFixCli(['fix', 'refused-value', '--yes', '--state-dir', state, ...TRIAL_TIMINGS], { FALCO_DOCTOR_TEST_FIXES: REFUSED_FIXES });
    expect(r.exitCode, r.stderr + r.stdout).toBe(6);
    expect(r.stdout).toMatch(/failed verification and was undone: Falco refused the new configuration/);
    expect(captureDir(lab.configDir)).toEqual(original.files);
    expect((await history(state))[0]?.state).toBe('reverted');
    expect((await containerState(FALCO_CONTAINER))?.running).toBe(true);
    expect(await answers(`${lab.falcoUrl}/healthz`)).toBe(true);
  });

  it('every fault point has a case, in transaction order (the re-create points in fix-command-line.test.ts)', () => {
    const here = FAULT_POINTS.filter((p) => !RECREATE_POINTS.includes(p));
    expect(
      faultCases()
        .slice(0, here.length)
        .map((c) => c.point),
    ).toEqual(here);
    expect(readFileSync(path.join(REPO, 'test/e2e/fix-command-line.test.ts'), 'utf8')).toContain(RECREATE_POINTS.map((p) => `'${p}'`).join(', '));
  });

  // after one of the kills: a new fix refuses to start over the unfinished transaction, and the
  // rollback is safe to repeat (a second one finds everything identical)
  const hooks: TrialHooks = {
    async beforeRollback(state, cli) {
      const blocked = await runDoctor(cli, ['fix', 'raise-buffer-preset', '--yes', '--state-dir', state, ...TRIAL_TIMINGS]);
      expect(blocked.exitCode).toBe(2);
      expect(blocked.stderr).toMatch(/did not finish.*\n.*rollback --last/);
    },
    async afterRollback(state, cli) {
      const again = await runDoctor(cli, ['rollback', '--last', '--state-dir', state, ...TRIAL_TIMINGS.slice(2)]);
      expect(again.exitCode, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/already identical/);
      expect(captureDir(lab.configDir)).toEqual(original.files);
    },
  };

  for (const c of faultCases().slice(0, FAULT_POINTS.length - RECREATE_POINTS.length)) {
    const extra = c.point === 'after-applied' ? '; a new fix is refused meanwhile, a second rollback finds nothing to do' : '';
    it(`SIGKILL at ${c.point} (${c.fix}): rollback --last restores files, limits and Falco${extra}`, async () => {
      const r = await runTrial(lab, original, c, DIST_CLI, extra ? hooks : {});
      expect(r.injected, r.problems.join('\n')).toBe(true);
      expect(r.problems).toEqual([]);
    });
  }
});
