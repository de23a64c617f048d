// The staged rollout against the lab (run under `flock /tmp/fd-lab.lock`): a compressed plan (windows
// of seconds) on the trading bot and the Falco stand-in. The core phase (25 stable rules) passes its
// gate; the full suite (plus 75 busy local rules) overloads the 0.2-CPU quota and fails on `cpu`. The
// doctor is SIGKILLed mid-phase and a new process resumes the same window from the state dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { labDown, labUp, type LabHandle } from '../lab/lab.js';
import { waitFor } from '../lab/measure.js';
import { RolloutStateSchema, type RolloutState } from '../../src/core/rollout/state.js';
import type { RolloutReport } from '../../src/core/rollout/report.js';
import { ROLLOUT_SCENARIO, compressedPlan, runRollout } from './helpers/rollout-lab.js';
import { REPO } from '../core/helpers/fixtures.js';

const WINDOW_S = 10;
let lab: LabHandle;
let dir: string;
let common: string[];
let originalYaml: string;

const stateNow = (): RolloutState | undefined => {
  const f = path.join(dir, 'state', 'rollout', 'state.json');
  return fs.existsSync(f) ? RolloutStateSchema.parse(JSON.parse(fs.readFileSync(f, 'utf8'))) : undefined;
};
const report = (stdout: string) => JSON.parse(stdout) as RolloutReport;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-rollout-'));
  lab = await labUp(ROLLOUT_SCENARIO, { dir: path.join(dir, 'lab') });
  originalYaml = fs.readFileSync(path.join(lab.configDir, 'falco.yaml'), 'utf8');
  common = ['--state-dir', path.join(dir, 'state'), '--plan', compressedPlan(dir, WINDOW_S), '--settle', '2', '--reload-timeout', '8', '--json'];
});
afterAll(async () => {
  await labDown();
});

describe('staged rollout in the lab', () => {
  it('measures the baseline with Falco stopped, as a journaled change, and starts Falco again', async () => {
    const r = await runRollout(['next', '--yes', '--service', lab.botContainer, '--probe-url', `${lab.botUrl}/quote`, ...common]);
    expect(r.exitCode, r.stderr).toBe(0);
    const b = report(r.stdout).baseline!;
    expect(b.window.samples.latency).toBeGreaterThan(100);
    expect(b.window.latencyMs.p50!.lo).toBeLessThanOrEqual(b.window.latencyMs.p50!.estimate);
    expect(stateNow()?.status).toBe('ready');
    const journal = fs.readdirSync(path.join(dir, 'state', 'journal'));
    expect(journal.some((n) => n.includes('rollout-baseline'))).toBe(true);
    const running = await execa('docker', ['inspect', '--format', '{{.State.Running}}', lab.falcoContainer]);
    expect(running.stdout.trim()).toBe('true');
    console.log(`baseline: ${JSON.stringify(b.window.latencyMs.p50)} cpu ${b.window.cpuPercent} mem ${b.window.memMb}`);
  });

  it('phase core survives a SIGKILL mid-window: a new process resumes the same window and the gate passes', async () => {
    const first = execa('node', [path.join(REPO, 'dist/cli.js'), 'rollout', 'next', ...common], { reject: false, cwd: REPO, env: { CI: 'true' } });
    const mid = await waitFor(
      'samples persisted mid-window',
      async () => {
        const s = stateNow();
        const w = s?.phases[0]?.window;
        return s?.status === 'monitoring' && w && w.series.cpuPercent.seen >= 6 ? s : undefined;
      },
      60_000,
      200,
    );
    first.kill('SIGKILL');
    await first;
    const killedAt = mid.phases[0]!.window!;
    expect(fs.readFileSync(path.join(lab.configDir, 'falco.yaml'), 'utf8')).toContain('maturity_stable');

    const status = report((await runRollout(['status', ...common])).stdout);
    expect(status.status).toBe('monitoring');
    expect(status.next.kind).toMatch(/resume-window|evaluate-gate/);

    let r = await runRollout(['next', ...common]);
    const after = stateNow()!.phases[0]!;
    expect(after.window!.startedAt).toBe(killedAt.startedAt);
    expect(after.window!.series.latencyMs.seen).toBeGreaterThanOrEqual(killedAt.series.latencyMs.seen);
    let gate = report(r.stdout).phases[0]!.gate!;
    // An inconclusive gate (a 10 s window of a shared host's TCP connect times can be wider than the
    // 1 ms limit: seen in CI, CI −0.43…+1.18 ms) is answered as the tool tells the operator to: `rollout
    // next` measures the same phase longer and the samples add up. Twice at most; never read as a pass.
    for (let extra = 0; gate.verdict === 'inconclusive' && extra < 2; extra++) {
      console.log(`core gate inconclusive, measuring longer: ${gate.results.map((x) => x.summary).join(' | ')}`);
      expect(r.exitCode).not.toBe(0);
      expect(stateNow()!.status).toBe('gate-inconclusive');
      r = await runRollout(['next', ...common]);
      gate = report(r.stdout).phases[0]!.gate!;
    }
    console.log(`core gate: ${gate.results.map((x) => x.summary).join(' | ')}`);
    expect(gate.verdict, gate.results.map((x) => x.summary).join('\n')).toBe('passed');
    expect(r.exitCode).toBe(0);
  });

  it('the full suite overloads the 0.2-CPU quota and fails its gate on cpu, with the fixes for it', async () => {
    const r = await runRollout(['next', ...common]);
    expect(r.exitCode).toBe(3);
    const phase = report(r.stdout).phases[1]!;
    console.log(`full gate: ${phase.gate!.results.map((x) => x.summary).join(' | ')}`);
    expect(phase.id).toBe('full');
    expect(phase.gate!.verdict).toBe('failed');
    expect(phase.gate!.failing).toContain('cpu');
    expect(phase.gate!.results.find((x) => x.criterion === 'cpu')!.fixes).toContain('disable-noncritical-rules');
    // the full suite is the operator's selection as it was: falco.yaml is byte for byte the original
    expect(fs.readFileSync(path.join(lab.configDir, 'falco.yaml'), 'utf8')).toBe(originalYaml);

    const blocked = await runRollout(['next', ...common.filter((a) => a !== '--json')]);
    expect(blocked.exitCode).toBe(3);
    expect(blocked.stdout).toContain('failing criterion: cpu');
    expect(blocked.stdout).toContain('falco-doctor fix disable-noncritical-rules');
  });

  it("abort ends the rollout and leaves the operator's selection in place", async () => {
    const r = await runRollout(['abort', ...common]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(stateNow()?.status).toBe('aborted');
    expect(fs.readFileSync(path.join(lab.configDir, 'falco.yaml'), 'utf8')).toBe(originalYaml);
    const text = await runRollout(['status', ...common.filter((a) => a !== '--json')]);
    expect(text.stdout).toMatch(/baseline\s+█/);
    expect(text.stdout).toMatch(/full\s+█/);
  });
});
