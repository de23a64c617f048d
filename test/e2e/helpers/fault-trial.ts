// One injected fault on the lab, as `npm run soak` and fix-failures.test.ts run it: the doctor applies
// a fix with FALCO_DOCTOR_FAULT=<point> and SIGKILLs itself there; `rollback --last` (a new process,
// as an operator would run it) must then put every file of the config folder back byte for byte (with
// mode and owner, and no temp file left), the container limits as they were, and Falco healthy.
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { FAULT_POINTS, type FaultPoint } from '../../../src/adapters/apply/fault.js';
import { REPO } from '../../core/helpers/fixtures.js';
import { answers, containerState, labUp, FALCO_CONTAINER, type LabHandle } from '../../lab/lab.js';
import { SCENARIOS, type Scenario } from '../../lab/scenarios.js';
import { docker } from '../../lab/docker-cli.js';
import { captureDir, tempDir, type FileState } from './fix-lab.js';

/** A fix Falco refuses (an unknown priority): the only way to reach the points inside the automatic undo. */
export const REFUSED_FIXES = path.join(REPO, 'test/e2e/fixtures/refused-fix.yaml');

export const DIST_CLI = path.join(REPO, 'dist/cli.js');
const TEST_ENTRY = path.join(REPO, 'test/e2e/helpers/fix-cli.ts');
const TSX = path.join(REPO, 'node_modules/.bin/tsx');

/** The built CLI at `cli` (the soak runs a private copy: a rebuild of dist/ mid-soak must not break
 * it); a fix added through FALCO_DOCTOR_TEST_FIXES goes through the test entry, which accepts it. */
export function runDoctor(cli: string, args: string[], env: Record<string, string> = {}) {
  const [cmd, argv] = env['FALCO_DOCTOR_TEST_FIXES'] !== undefined ? [TSX, [TEST_ENTRY, ...args]] : ['node', [cli, ...args]];
  return execa(cmd, argv, { reject: false, cwd: REPO, env: { ...env, CI: 'true' }, timeout: 120_000 });
}

/** Short windows: the diagnosis before and the re-measure after only need a few samples here. */
export const TRIAL_TIMINGS = ['--window', '2', '--settle', '1', '--reload-timeout', '6'];

/**
 * The event-drops lab, with rules_files naming only the upstream rules file (so disabling rules
 * writes two files: the local overrides and rules_files in falco.yaml) and files whose modes and
 * owners are not the defaults (so a restore that lost them would show).
 */
export const FAULT_SCENARIO: Scenario = {
  ...SCENARIOS['event-drops'],
  name: 'event-drops (fault lab)',
  falcoYamlEdits: [...SCENARIOS['event-drops'].falcoYamlEdits, [['rules_files'], ['/etc/falco/falco_rules.yaml']]],
};

export async function faultLabUp(dir: string): Promise<LabHandle> {
  const lab = await labUp(FAULT_SCENARIO, { dir });
  fs.chownSync(path.join(lab.configDir, 'falco.yaml'), 1000, 1000);
  fs.chmodSync(path.join(lab.configDir, 'falco.yaml'), 0o640);
  fs.chownSync(path.join(lab.configDir, 'falco_rules.local.yaml'), 2000, 3000);
  fs.chmodSync(path.join(lab.configDir, 'falco_rules.local.yaml'), 0o604);
  return lab;
}

export interface FaultCase {
  point: FaultPoint;
  fix: string;
}

const FILE_FIXES = ['raise-buffer-preset', 'disable-noncritical-rules'];
const LIMIT_FIXES = ['raise-cpu-limit', 'raise-memory-limit'];

/** Points of the container re-create (a command-line change, unbuffered-outputs): no fix reaches them
 *  on the fault lab, whose Falco does not buffer its outputs; fix-command-line.test.ts kills there. */
export const RECREATE_POINTS: readonly FaultPoint[] = ['after-park', 'after-create', 'undo-after-remove'];

/** The fixes whose transaction reaches `point` on the fault lab. */
export function fixesReaching(point: FaultPoint): string[] {
  if (RECREATE_POINTS.includes(point)) return [];
  if (point.startsWith('revert-')) return ['refused-value'];
  if (point === 'between-files') return ['disable-noncritical-rules'];
  if (point === 'mid-file') return FILE_FIXES;
  if (point === 'after-limits') return LIMIT_FIXES;
  return [...LIMIT_FIXES.slice(0, 1), ...FILE_FIXES, ...LIMIT_FIXES.slice(1)];
}

/** Every point once with its first fix, then every point with its next fix, ...: any prefix of the
 * list as long as FAULT_POINTS covers every point, and a long run cycles points × fixes evenly. */
export function faultCases(): FaultCase[] {
  const points = FAULT_POINTS.filter((p) => fixesReaching(p).length > 0);
  const rounds = Math.max(...points.map((p) => fixesReaching(p).length));
  const out: FaultCase[] = [];
  for (let r = 0; r < rounds; r++) for (const point of points) out.push({ point, fix: fixesReaching(point)[r % fixesReaching(point).length] as string });
  return out;
}

/** What the journal must say right after the kill: proves the fault hit where the point says. */
export function stateAfterKill(point: FaultPoint): string | null {
  if (point === 'after-lock') return null;
  const order = FAULT_POINTS.indexOf(point);
  if (order < FAULT_POINTS.indexOf('after-applied')) return 'intent';
  if (point === 'after-verified') return 'verified';
  return 'applied';
}

export interface LabState {
  files: Record<string, FileState>;
  limits: Record<string, number>;
}

export async function labState(lab: LabHandle): Promise<LabState> {
  const h = JSON.parse(await docker(['inspect', '--format', '{{json .HostConfig}}', FALCO_CONTAINER])) as Record<string, number>;
  const limits = Object.fromEntries(['NanoCpus', 'CpuQuota', 'CpuPeriod', 'Memory', 'MemorySwap'].map((k) => [k, h[k] ?? 0]));
  return { files: captureDir(lab.configDir), limits };
}

export interface TrialResult {
  c: FaultCase;
  /** the doctor died of SIGKILL at the point */
  injected: boolean;
  /** what differs from the original after `rollback --last` (empty: restored) */
  problems: string[];
  ms: number;
}

export interface TrialHooks {
  /** between the kill and `rollback --last` (the journal shows an unfinished transaction) */
  beforeRollback?: (stateDir: string, cli: string) => Promise<void>;
  /** after the rollback and the checks */
  afterRollback?: (stateDir: string, cli: string) => Promise<void>;
}

export async function runTrial(lab: LabHandle, original: LabState, c: FaultCase, cli = DIST_CLI, hooks: TrialHooks = {}): Promise<TrialResult> {
  const started = performance.now();
  const problems: string[] = [];
  const state = tempDir('fault-state');
  try {
    const env: Record<string, string> = { FALCO_DOCTOR_FAULT: c.point, ...(c.fix === 'refused-value' ? { FALCO_DOCTOR_TEST_FIXES: REFUSED_FIXES } : {}) };
    const fix = await runDoctor(cli, ['fix', c.fix, '--yes', '--state-dir', state, '--max-changes-per-hour', '1000', ...TRIAL_TIMINGS], env);
    // tsx (the test entry) relays its child's SIGKILL as exit status 137 (128 + 9)
    const injected = fix.signal === 'SIGKILL' || fix.exitCode === 137;
    if (!injected) problems.push(`the fault was not injected: the fix ended with exit ${fix.exitCode}: ${lastLine(fix.stderr + fix.stdout)}`);
    const entry = readOnlyEntry(state);
    const want = stateAfterKill(c.point);
    if (injected && (entry?.state ?? null) !== want) problems.push(`journal after the kill: ${entry?.state ?? 'no entry'}, expected ${want ?? 'no entry'}`);

    await hooks.beforeRollback?.(state, cli);
    const undo = await runDoctor(cli, ['rollback', '--last', '--state-dir', state, ...TRIAL_TIMINGS.slice(2)]);
    if (entry === null) {
      // killed before the intent was written: nothing changed and there is nothing to undo
      if (undo.exitCode !== 2 || !/nothing to roll back/.test(undo.stderr))
        problems.push(`rollback with an empty journal: exit ${undo.exitCode}: ${lastLine(undo.stderr)}`);
    } else {
      if (undo.exitCode !== 0) problems.push(`rollback --last exited ${undo.exitCode}: ${lastLine(undo.stdout + undo.stderr)}`);
      const after = readOnlyEntry(state);
      if (after?.state !== 'rolled-back') problems.push(`journal after the rollback: ${after?.state ?? 'no entry'}`);
    }
    problems.push(...(await differences(lab, original)));
    await hooks.afterRollback?.(state, cli);
    return { c, injected, problems, ms: performance.now() - started };
  } finally {
    fs.rmSync(state, { recursive: true, force: true });
  }
}

/** What differs between the lab now and `original`: files (bytes, mode, owner, extra or missing), limits, health. */
export async function differences(lab: LabHandle, original: LabState): Promise<string[]> {
  const out: string[] = [];
  const now = await labState(lab);
  for (const name of new Set([...Object.keys(original.files), ...Object.keys(now.files)])) {
    const a = original.files[name];
    const b = now.files[name];
    if (!a) out.push(`${name}: left behind`);
    else if (!b) out.push(`${name}: missing`);
    else if (a.bytes !== b.bytes) out.push(`${name}: content differs`);
    else if (a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid)
      out.push(`${name}: mode/owner ${b.mode.toString(8)} ${b.uid}:${b.gid}, was ${a.mode.toString(8)} ${a.uid}:${a.gid}`);
  }
  for (const [k, v] of Object.entries(original.limits)) if (now.limits[k] !== v) out.push(`limit ${k}: ${now.limits[k]}, was ${v}`);
  const st = await containerState(FALCO_CONTAINER);
  if (!st?.running || st.restarting) out.push(`${FALCO_CONTAINER} is ${st?.status ?? 'gone'}`);
  else if (!(await answers(`${lab.falcoUrl}/healthz`, 3000))) out.push(`${lab.falcoUrl}/healthz does not answer 200`);
  return out;
}

function readOnlyEntry(stateDir: string): { state: string } | null {
  const dir = path.join(stateDir, 'journal');
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
  if (names.length === 0) return null;
  return JSON.parse(fs.readFileSync(path.join(dir, names[0] as string), 'utf8')) as { state: string };
}

/** The line that says what went wrong: the doctor's one-line error, else a crash's error line, else the last. */
function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  const said = lines.find((l) => l.startsWith('falco-doctor:')) ?? lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.at(-1) ?? '';
  return said.slice(0, 300);
}
