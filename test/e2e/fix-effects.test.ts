// Each documented fix on the lab scenario it belongs to: the measured effect, then `rollback --last`
// restores every file byte for byte (mode, owner) and the original container limits.
// Run under the shared lab lock: flock /tmp/fd-lab.lock npx vitest run --project docker test/e2e/fix-effects.test.ts
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { labDown, labUp, waitForLog, FALCO_CONTAINER } from '../lab/lab.js';
import type { ScenarioName } from '../lab/scenarios.js';
import { FAST, captureDir, history, limitsOf, measure, runFixCli, tempDir } from './helpers/fix-lab.js';

interface Case {
  scenario: ScenarioName;
  fix: string;
  fact: string;
  improved: (m: { before: number; after: number }) => boolean;
  /** a log line that shows the scenario's problem has begun (a slow machine takes longer to get there) */
  startedWhen?: string;
}

const CASES: Case[] = [
  {
    scenario: 'event-drops',
    fix: 'raise-buffer-preset',
    fact: 'drops.counted',
    improved: (m) => m.before > 0 && m.after === 0,
    startedWhen: 'Falco internal: syscall event drop',
  },
  { scenario: 'memory-pressure', fix: 'lower-buffer-preset', fact: 'mem.usage_bytes', improved: (m) => m.after < m.before - 100 * 2 ** 20 },
  { scenario: 'high-cpu', fix: 'disable-noncritical-rules', fact: 'cpu.percent', improved: (m) => m.after < m.before / 2 },
];

describe('fix on the lab', () => {
  afterAll(() => labDown());

  for (const c of CASES) {
    it(`${c.scenario}: ${c.fix} improves ${c.fact}, rollback restores byte for byte`, async () => {
      const lab = await labUp(c.scenario, { dir: tempDir('lab') });
      const state = path.join(tempDir('state'), 'falco-doctor');
      const filesBefore = captureDir(lab.configDir);
      const limitsBefore = await limitsOf(FALCO_CONTAINER);
      if (c.startedWhen) await waitForLog(FALCO_CONTAINER, c.startedWhen);

      const fix = await runFixCli(['fix', c.fix, '--yes', '--state-dir', state, ...FAST]);
      expect(fix.exitCode, fix.stderr + fix.stdout).toBe(0);
      const [entry] = await history(state);
      expect(entry?.state).toBe('verified');
      const m = measure(entry, c.fact);
      console.log(`${c.scenario} ${c.fix}: ${c.fact} ${m.before} → ${m.after}`);
      expect(c.improved(m), `${c.fact}: ${m.before} → ${m.after}\n${JSON.stringify(entry, null, 1)}`).toBe(true);
      expect(captureDir(lab.configDir)).not.toEqual(filesBefore);

      const undo = await runFixCli(['rollback', '--last', '--state-dir', state, ...FAST.slice(2)]);
      expect(undo.exitCode, undo.stderr + undo.stdout).toBe(0);
      expect(captureDir(lab.configDir)).toEqual(filesBefore);
      expect(await limitsOf(FALCO_CONTAINER)).toMatchObject({
        NanoCpus: limitsBefore.NanoCpus,
        Memory: limitsBefore.Memory,
        MemorySwap: limitsBefore.MemorySwap,
      });
      expect((await history(state))[0]?.state).toBe('rolled-back');
    });
  }
});
