// The one fix that changes Falco's command line (unbuffered-outputs adds -U) on the lab, whose Falco
// STAND-IN block-buffers stdout as Falco 0.44 does with buffered_outputs: true. Docker cannot change a
// container's command: the doctor re-creates the container, and the compose file's command: follows.
// Then `rollback --last` puts the container and the compose file back; and after a SIGKILL while the
// old container is parked, or its successor created, `rollback --last` from a new process recovers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FALCO_CONTAINER, containerState, labDown, labUp, type LabHandle } from '../lab/lab.js';
import { SCENARIOS, type Scenario } from '../lab/scenarios.js';
import { docker, dockerMaybe } from '../lab/docker-cli.js';
import { FAST, history, runFixCli, tempDir } from './helpers/fix-lab.js';

const BUFFERED: Scenario = {
  ...SCENARIOS.healthy,
  name: 'buffered-outputs',
  falcoYamlEdits: [...SCENARIOS.healthy.falcoYamlEdits, [['buffered_outputs'], true]],
};

async function inspect(name: string): Promise<{ Id: string; Config: { Cmd: string[] | null } }> {
  return (JSON.parse(await docker(['inspect', name])) as { Id: string; Config: { Cmd: string[] | null } }[])[0] as {
    Id: string;
    Config: { Cmd: string[] | null };
  };
}

async function findings(): Promise<string[]> {
  const r = await runFixCli(['diagnose', '--json', '--window', '3', '--fail-on', 'none']);
  return (JSON.parse(r.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code);
}

async function up(): Promise<{ lab: LabHandle; compose: string; state: string }> {
  const lab = await labUp(BUFFERED, { dir: tempDir('lab'), composeLabels: true });
  return { lab, compose: path.join(lab.dir, 'docker-compose.yml'), state: path.join(tempDir('state'), 'falco-doctor') };
}

describe('unbuffered-outputs: the container re-created with -U (Falco stand-in, real Docker)', () => {
  afterAll(() => labDown());

  it('applies with the compose command, verifies, and rollback --last restores container and compose file', async () => {
    const { compose, state } = await up();
    const composeBefore = fs.readFileSync(compose, 'utf8');
    const before = await inspect(FALCO_CONTAINER);
    expect(before.Config.Cmd).toBeNull(); // the stand-in image has an ENTRYPOINT only
    expect(await findings()).toContain('FD-DROP-LATE');

    const fix = await runFixCli(['fix', 'unbuffered-outputs', '--yes', '--state-dir', state, ...FAST]);
    expect(fix.exitCode, fix.stderr + fix.stdout).toBe(0);
    expect(fix.stdout).toContain('container command: null → ["-U"]');
    const after = await inspect(FALCO_CONTAINER);
    expect(after.Id).not.toBe(before.Id);
    expect(after.Config.Cmd).toEqual(['-U']);
    expect((await containerState(FALCO_CONTAINER))?.running).toBe(true);
    expect(fs.readFileSync(compose, 'utf8')).toMatch(/^ {4}command:\n? *\[ ?"?-U"? ?\]$/m);
    const parked = await dockerMaybe(['ps', '-a', '--filter', 'name=falco-doctor-before', '--format', '{{.Names}}']);
    expect(parked.stdout.trim()).toBe(''); // removed once the new one was verified
    expect((await history(state))[0]?.state).toBe('verified');
    expect(await findings()).not.toContain('FD-DROP-LATE');

    const undo = await runFixCli(['rollback', '--last', '--state-dir', state, ...FAST.slice(2)]);
    expect(undo.exitCode, undo.stderr + undo.stdout).toBe(0);
    const back = await inspect(FALCO_CONTAINER);
    expect(back.Config.Cmd).toBeNull();
    expect((await containerState(FALCO_CONTAINER))?.running).toBe(true);
    expect(fs.readFileSync(compose, 'utf8')).toBe(composeBefore);
    expect((await history(state))[0]?.state).toBe('rolled-back');
    expect(await findings()).toContain('FD-DROP-LATE');
  });

  for (const point of ['after-park', 'after-create', 'undo-after-remove'] as const)
    it(`SIGKILL at ${point}: rollback --last from a new process puts the original container back`, async () => {
      const { compose, state } = await up();
      const composeBefore = fs.readFileSync(compose, 'utf8');
      const before = await inspect(FALCO_CONTAINER);
      const undoing = point === 'undo-after-remove'; // a kill inside the rollback of a verified change
      const fault = { FALCO_DOCTOR_FAULT: point };
      const fix = await runFixCli(['fix', 'unbuffered-outputs', '--yes', '--state-dir', state, ...FAST], undoing ? {} : fault);
      if (undoing) {
        expect(fix.exitCode, fix.stderr + fix.stdout).toBe(0);
        const killed = await runFixCli(['rollback', '--last', '--state-dir', state, ...FAST.slice(2)], fault);
        expect(killed.signal).toBe('SIGKILL');
        expect((await dockerMaybe(['inspect', FALCO_CONTAINER])).ok).toBe(false); // removed, its replacement staged
      } else expect(fix.signal).toBe('SIGKILL');
      const undo = await runFixCli(['rollback', '--last', '--state-dir', state, ...FAST.slice(2)]);
      expect(undo.exitCode, undo.stderr + undo.stdout).toBe(0);
      const back = await inspect(FALCO_CONTAINER);
      // the parked original renamed back; after a verified change, a re-create with the old command
      if (undoing) expect(back.Id).not.toBe(before.Id);
      else expect(back.Id).toBe(before.Id);
      expect(back.Config.Cmd).toBeNull();
      expect((await containerState(FALCO_CONTAINER))?.running).toBe(true);
      expect(fs.readFileSync(compose, 'utf8')).toBe(composeBefore);
      const left = await dockerMaybe(['ps', '-a', '--filter', 'name=falco-doctor-', '--format', '{{.Names}}']);
      expect(left.stdout.trim()).toBe('');
    });
});
