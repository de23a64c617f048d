// The diagnose --kube screen, rendered with ink-testing-library from a report the core makes of pods built
// from the chart's real DaemonSet (test/core/kube/live-fixtures.ts): the node list worst first, Enter into
// a node, Esc back, f asking for the node's fixes (the open finding's alone in its detail).
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { KubeApp } from '../../src/ui/kube/KubeApp.js';
import { KubeLoading, type KubeOutcome } from '../../src/ui/kube/KubeLoading.js';
import { kubeReducer, initialKubeState, type KubeScreenState } from '../../src/ui/kube/state.js';
import { diagnoseNodes } from '../../src/core/kube/live/nodes.js';
import { snapshotOfPod } from '../../src/core/kube/live/pod-snapshot.js';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import { REPO } from '../core/helpers/fixtures.js';
import { podReadings } from '../core/kube/live-fixtures.js';
import { waitFor } from '../helpers/wait.js';

async function report() {
  const catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
  const quiet = { ...podReadings({ cpus: 16 }), logs: { ...podReadings().logs, window: '' } };
  return diagnoseNodes(
    { context: 'prod', server: 'https://k', namespace: null, selector: 'app.kubernetes.io/name=falco', metricsApi: true },
    [
      { node: 'node-b', namespace: 'default', pod: 'falco-b', snapshot: snapshotOfPod(quiet), error: null },
      { node: 'node-a', namespace: 'default', pod: 'falco-a', snapshot: snapshotOfPod(podReadings()), error: null },
    ],
    catalogue,
    { toolVersion: 't', thresholds: {}, only: [], now: new Date() },
  ).report;
}

describe('the diagnose --kube screen', () => {
  it('lists the nodes worst first; Enter opens one, Esc goes back, f on the findings asks for the node’s fixes', async () => {
    const r = await report();
    let left: KubeScreenState | null = null;
    const ui = render(<KubeApp report={r} onExit={(s) => (left = s)} />);
    const frame = () => ui.lastFrame() ?? '';
    expect(frame()).toMatch(/› node-a\s+4 falco-a\s+✖ critical\s+FD-DROP-BUFFER/);
    expect(frame()).toMatch(/node-b\s+16 falco-b/);
    ui.stdin.write('\r');
    await waitFor('the node view', async () => frame().includes('node node-a · default/falco-a · 4 CPUs'));
    expect(frame()).toContain('FD-DROP-BUFFER');
    ui.stdin.write('\x1b');
    await waitFor('the node list', async () => frame().includes('Enter the node'));
    ui.stdin.write('\r');
    await waitFor('the node view', async () => frame().includes('Findings ('));
    ui.stdin.write('f');
    await waitFor('the exit', async () => left !== null);
    expect(left).toMatchObject({ quit: true, fixRequest: { node: 0, open: null, intent: 'fix-all' } });
    ui.unmount();
  });

  it("mounts before the cluster answers: the collection's progress, then the node list; an error is shown and quits", async () => {
    const r = await report();
    let release: (() => void) | null = null;
    const ui = render(
      <KubeLoading
        load={(progress) => {
          progress('prod (https://k): finding the Falco pods');
          progress('sampling 2 pod(s) for 10 s');
          return new Promise((resolve) => (release = () => resolve(r)));
        }}
        onExit={() => {}}
      />,
    );
    const frame = () => ui.lastFrame() ?? '';
    await waitFor('the progress', async () => frame().includes('… sampling 2 pod(s) for 10 s'), { timeoutMs: 5000, describe: frame });
    expect(frame()).toContain('✔ prod (https://k): finding the Falco pods');
    release!();
    await waitFor('the node list', async () => frame().includes('Falco on 2 node(s) of prod'), { timeoutMs: 5000, describe: frame });
    ui.unmount();
    let out: KubeOutcome | null = null;
    const failing = render(<KubeLoading load={() => Promise.reject(new Error('https://k: cannot list pods: 401'))} onExit={(o) => (out = o)} />);
    await waitFor('the error', async () => (failing.lastFrame() ?? '').includes('✖ https://k: cannot list pods: 401'));
    failing.stdin.write('x');
    await waitFor('the exit', async () => out !== null);
    expect((out as KubeOutcome | null)?.error?.message).toBe('https://k: cannot list pods: 401');
    failing.unmount();
  });

  it('keeps the selection inside the list and asks no fix from the node list', () => {
    const counts = { nodes: 2, findings: () => 3 };
    let s = kubeReducer(initialKubeState, 'up', counts);
    expect(s.node).toBe(0);
    s = kubeReducer(kubeReducer(kubeReducer(s, 'down', counts), 'down', counts), 'fix-all', counts);
    expect(s).toMatchObject({ node: 1, quit: false, fixRequest: null });
    s = kubeReducer(kubeReducer(kubeReducer(s, 'open', counts), 'down', counts), 'open', counts);
    expect(s.view).toBe('detail');
    // a finding open on its own: its fix, whichever key (core/fix/select.ts, as on the Docker screen)
    expect(kubeReducer(s, 'fix-warning', counts).fixRequest).toEqual({ node: 1, open: 1, intent: 'fix-warning' });
    expect(kubeReducer(kubeReducer(s, 'back', counts), 'back', counts).view).toBe('nodes');
  });
});
