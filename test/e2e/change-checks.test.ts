// The change engine's post-change checks (issue #21 plugs the detection canary in there), on the lab's
// stand-in Falco through the real fix path: a failing check undoes a verified change exactly like a
// failed verify (exit 6, the reason in the message and the journal); an accepted failure and a check
// that could not measure leave it in place, their notes journaled. Then a schema-1 journal entry, as an
// older doctor wrote it for this container, is rolled back by `rollback --last` from a new process.
// Run under the docker lock: flock /tmp/falco-doctor-docker.lock npx vitest run --project docker test/e2e/change-checks.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALCO_CONTAINER, labDown, labUp, type LabHandle } from '../lab/lab.js';
import { connectDocker } from '../../src/adapters/docker/client.js';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import { FIX_DEFAULTS, runFixCommand, type FixRequest } from '../../src/commands/fix/fix.js';
import type { CheckVerdict, PostChangeCheck } from '../../src/adapters/change/engine.js';
import { REPO } from '../core/helpers/fixtures.js';
import { captureDir, history, runFixCli, tempDir, FAST } from './helpers/fix-lab.js';

let lab: LabHandle;
let falcoYaml: string;
const read = () => fs.readFileSync(falcoYaml, 'utf8');

/** A check that measures for real what it can here (the bytes Falco reads), and reports a verdict. */
function fileCheck(name: string, verdict: (before: string, after: string) => CheckVerdict, seen: string[]): PostChangeCheck<string> {
  return {
    name,
    before: async () => {
      seen.push(`${name} before`);
      return read();
    },
    after: async (before) => {
      seen.push(`${name} after`);
      return verdict(before, read());
    },
  };
}

async function fixRequest(state: string, over: Partial<FixRequest>): Promise<FixRequest> {
  return {
    ...FIX_DEFAULTS,
    fixId: 'raise-buffer-preset',
    container: FALCO_CONTAINER,
    stateDir: state,
    windowSeconds: 3,
    timings: { settleSeconds: 2, reloadTimeoutSeconds: 8 },
    toolVersion: 'test',
    hostVisible: true,
    thresholds: {},
    catalogue: await readCatalogue(),
    ...over,
  };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe('post-change checks on the lab', () => {
  beforeAll(async () => {
    lab = await labUp('event-drops', { dir: tempDir('lab') });
    falcoYaml = path.join(lab.configDir, 'falco.yaml');
  });
  afterAll(() => labDown());

  it('a failing check undoes the verified change: exit 6, the reason in the message and the journal, the files as before', async () => {
    const state = tempDir('state');
    const original = captureDir(lab.configDir);
    const seen: string[] = [];
    const changedBytes: boolean[] = [];
    const detection = fileCheck(
      'detection',
      (before, after) => {
        changedBytes.push(before !== after);
        return { ok: false, reason: 'the canary rule did not alert within 20 s' };
      },
      seen,
    );
    const c = capture();
    const code = await runFixCommand(connectDocker(), await fixRequest(state, { checks: [detection] }), true, c.io);
    expect(code, c.err.join('')).toBe(6);
    // before ran on the files as they were, after on the changed and verified ones
    expect(seen).toEqual(['detection before', 'detection after']);
    expect(changedBytes).toEqual([true]);
    expect(c.out.join('')).toContain('was undone: check detection: the canary rule did not alert within 20 s');
    expect(c.err.join('')).toMatch(/✔ verify: healthy[\s\S]*✖ check-detection: the canary rule did not alert/);
    expect(captureDir(lab.configDir)).toEqual(original);
    const [entry] = await history(state);
    expect(entry?.state).toBe('reverted');
    const log = (entry as unknown as { log: { message: string }[] }).log.map((l) => l.message);
    expect(log).toContain('check detection failed: the canary rule did not alert within 20 s');
    expect(log.some((m) => m.startsWith('failed: check detection: the canary rule did not alert'))).toBe(true);
  });

  it('an accepted failure and a check that could not measure keep the change, their notes in the journal', async () => {
    const state = tempDir('state');
    const original = captureDir(lab.configDir);
    const seen: string[] = [];
    const checks = [
      fileCheck('detection', () => ({ ok: false, reason: 'the canary rule did not alert' }), seen),
      fileCheck('drops', () => ({ ok: null, note: 'no counter to read' }), seen),
    ];
    const c = capture();
    const code = await runFixCommand(connectDocker(), await fixRequest(state, { checks, accept: true }), true, c.io);
    expect(code, c.err.join('') + c.out.join('')).toBe(0);
    expect(seen).toEqual(['detection before', 'drops before', 'detection after', 'drops after']);
    const [entry] = await history(state);
    expect(entry?.state).toBe('verified');
    const log = (entry as unknown as { log: { message: string }[] }).log.map((l) => l.message);
    expect(log).toContain('check detection failed: the canary rule did not alert (accepted by the operator: the change stays)');
    expect(log).toContain('check drops: not measured: no counter to read');
    expect(captureDir(lab.configDir)).not.toEqual(original);

    // the same change, as a schema-1 entry of an older doctor: rollback --last from a new process undoes it
    const v1Dir = path.join(tempDir('state'), 'falco-doctor');
    fs.mkdirSync(path.join(v1Dir, 'journal'), { recursive: true, mode: 0o700 });
    const fixture = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/journal-v1/20261201T090000000Z-raise-cpu-limit-1a2b.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const file = original['falco.yaml'];
    if (!file) throw new Error('the lab has no falco.yaml');
    const v1 = {
      ...fixture,
      container: { id: FALCO_CONTAINER, name: FALCO_CONTAINER, healthzUrl: `${lab.falcoUrl}/healthz`, watchConfig: true },
      files: [
        {
          path: falcoYaml,
          containerPath: '/etc/falco/falco.yaml',
          existed: true,
          bytesBase64: file.bytes,
          mode: file.mode,
          uid: file.uid,
          gid: file.gid,
          root: lab.configDir,
        },
      ],
      limitsAfter: null,
    };
    fs.writeFileSync(path.join(v1Dir, 'journal', `${String(fixture['id'])}.json`), JSON.stringify(v1, null, 2), { mode: 0o600 });
    const back = await runFixCli(['rollback', '--last', '--state-dir', v1Dir, ...FAST.slice(2)]);
    expect(back.exitCode, back.stderr + back.stdout).toBe(0);
    expect(back.stdout).toContain('files and limits are as before the change');
    expect(captureDir(lab.configDir)).toEqual(original);
    const [after] = await history(v1Dir);
    expect(after?.state).toBe('rolled-back');
  });
});
