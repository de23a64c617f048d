// fix --kube on the kube lab (a Kubernetes-API STAND-IN whose pods run the Falco STAND-IN): the documented
// fix for node-a's full ring buffer applied as a ConfigMap edit plus a DaemonSet template change, verified
// by the rollout and a re-measure, undone from a new process with `rollback --last` (the ConfigMap bytes
// and the template together), and recovered the same way after a SIGKILL between the two writes.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeLabUp, type KubeLab } from '../lab/kube/cluster.js';
import { THREE_NODES } from '../lab/kube/scenario.js';
import { containerNameOf } from '../lab/kube/pod-containers.js';
import { RESTART_ANNOTATION } from '../../src/core/kube/live/patch.js';
import type { KubeDiagnosisReport } from '../../src/core/kube/live/nodes.js';
import { waitForLog } from '../lab/lab.js';
import { runCli, CLI } from './helpers/cli.js';
import { startTmux } from './helpers/tmux.js';
import { waitFor } from './helpers/wait.js';
import { REPO } from '../core/helpers/fixtures.js';

const DROP = 'Falco internal: syscall event drop';

describe('fix --kube raise-buffer-preset on the kube lab (API stand-in)', () => {
  let lab: KubeLab;
  let state: string;
  let original: string;
  const annotations = () => (lab.daemonSet().spec.template.metadata.annotations ?? {}) as Record<string, string>;
  beforeAll(async () => {
    state = mkdtempSync(path.join(os.tmpdir(), 'fd-kube-fix-'));
    lab = await kubeLabUp({ nodes: THREE_NODES });
    original = lab.configMapText();
    await waitForLog(containerNameOf({ metadata: { name: lab.pods()['node-a'] } }), DROP, 30_000);
  }, 120_000);
  afterAll(async () => {
    await lab?.down();
    rmSync(state, { recursive: true, force: true });
  }, 60_000);

  it('previews the ConfigMap diff, rolls the pods, re-measures node-a without drops; rollback --last restores both', async () => {
    const podsBefore = lab.pods();
    const r = await runCli(['fix', 'raise-buffer-preset', '--kube', '--kubeconfig', lab.kubeconfig, '--state-dir', state, '--yes', '--window', '6']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('fix raise-buffer-preset for node node-a (4 CPUs), applied to every node of DaemonSet default/falco');
    expect(r.stdout).toContain('-    buf_size_preset: 4\n+    buf_size_preset: 6');
    expect(r.stdout).toMatch(/Event drops seen: yes → no/);
    expect(r.stdout).toContain('FD-DROP-BUFFER: gone');
    expect(r.stderr).toContain('rollout complete');
    expect(lab.configMapText()).toContain('    buf_size_preset: 6\n    cpus_for_each_buffer: 2');
    expect(annotations()[RESTART_ANNOTATION]).toMatch(/raise-buffer-preset/);
    const podsAfter = lab.pods();
    for (const n of ['node-a', 'node-b', 'node-c']) expect(podsAfter[n]).not.toBe(podsBefore[n]);

    const back = await runCli(['rollback', '--last', '--state-dir', state]);
    expect(back.exitCode, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/ConfigMap default\/falco and DaemonSet default\/falco are as before the change/);
    expect(lab.configMapText()).toBe(original);
    expect(annotations()[RESTART_ANNOTATION]).toBeUndefined();
    const history = await runCli(['history', '--state-dir', state, '--json']);
    expect(JSON.parse(history.stdout).entries[0]).toMatchObject({ fixId: 'raise-buffer-preset', state: 'rolled-back' });
    // the restored pods drop again: the undo put the old buffers back
    await waitForLog(containerNameOf({ metadata: { name: lab.pods()['node-a'] } }), DROP, 30_000);
    const d = await runCli(['diagnose', '--kube', '--kubeconfig', lab.kubeconfig, '--json', '--window', '3']);
    const report = JSON.parse(d.stdout) as KubeDiagnosisReport;
    expect(report.nodes[0]?.report?.findings.map((f) => f.code)).toContain('FD-DROP-BUFFER');
  });

  it('a SIGKILL after the ConfigMap write and before the DaemonSet write is undone by rollback --last from a new process', async () => {
    const podsBefore = lab.pods();
    const r = await runCli(['fix', 'raise-buffer-preset', '--kube', '--kubeconfig', lab.kubeconfig, '--state-dir', state, '--yes', '--window', '3'], {
      FALCO_DOCTOR_FAULT: 'kube-after-configmap',
    });
    expect(r.signal).toBe('SIGKILL');
    expect(lab.configMapText()).not.toBe(original);
    expect(annotations()[RESTART_ANNOTATION]).toBeUndefined();
    const history = await runCli(['history', '--state-dir', state, '--json']);
    expect(JSON.parse(history.stdout).entries.at(-1)).toMatchObject({ state: 'intent' });
    const back = await runCli(['rollback', '--last', '--state-dir', state]);
    expect(back.exitCode, back.stderr).toBe(0);
    expect(back.stderr).toContain('data.falco.yaml restored byte for byte');
    expect(back.stderr).toContain('pod template already as before');
    expect(lab.configMapText()).toBe(original);
    // no pod was restarted: the template never changed
    expect(lab.pods()).toEqual(podsBefore);
  });

  it('a SIGKILL after the DaemonSet write (the rollout begun) is undone the same way: both objects back, the pods rolled again', async () => {
    const r = await runCli(['fix', 'raise-buffer-preset', '--kube', '--kubeconfig', lab.kubeconfig, '--state-dir', state, '--yes', '--window', '3'], {
      FALCO_DOCTOR_FAULT: 'kube-after-daemonset',
    });
    expect(r.signal).toBe('SIGKILL');
    expect(annotations()[RESTART_ANNOTATION]).toMatch(/raise-buffer-preset/);
    await lab.settled();
    const back = await runCli(['rollback', '--last', '--state-dir', state]);
    expect(back.exitCode, back.stderr).toBe(0);
    expect(back.stderr).toContain('pod template restored, rolling the pods');
    expect(lab.configMapText()).toBe(original);
    expect(annotations()[RESTART_ANNOTATION]).toBeUndefined();
    expect(lab.daemonSet().status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3 });
  });

  it('from the node list: Enter on node-a, Enter on its finding, f previews the fix, y applies and verifies it, u undoes it', async () => {
    await waitForLog(containerNameOf({ metadata: { name: lab.pods()['node-a'] } }), DROP, 30_000);
    const tui = await startTmux(['node', CLI, 'diagnose', '--kube', '--kubeconfig', lab.kubeconfig, '--window', '3', '--state-dir', state], {
      cwd: REPO,
      cols: 220,
      rows: 50,
    });
    try {
      await tui.waitForText(/› node-a .*FD-DROP-BUFFER/, 60_000);
      await tui.keys('Enter');
      await tui.waitForText('f fixes the open finding');
      // the finding open on its own: f fixes it alone (core/fix/select.ts, as on the Docker screen)
      await tui.keys('Enter');
      await tui.waitForText('(runbook event-drops)');
      await tui.keys('f');
      const preview = await tui.waitForText('apply to the cluster? [y/N]', 30_000);
      expect(preview).toContain('+    buf_size_preset: 6');
      await tui.keys('y', 'Enter');
      const applied = await tui.waitForText('press u to undo it now', 90_000);
      expect(applied).toContain('FD-DROP-BUFFER: gone');
      expect(lab.configMapText()).not.toBe(original);
      await tui.keys('u');
      await tui.waitForText('are as before the change', 90_000);
      expect(lab.configMapText()).toBe(original);
      expect(annotations()[RESTART_ANNOTATION]).toBeUndefined();
      await waitFor('the TUI to exit', async () => !(await tui.alive()), 10_000);
    } finally {
      await tui.kill();
    }
  });
});
