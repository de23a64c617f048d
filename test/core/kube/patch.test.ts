// Fixes on Kubernetes as data, on the chart's real rendered DaemonSet and ConfigMap: the ConfigMap edit
// (comments kept), the template fields that roll the pods, the undo that gives back the very objects,
// and a fix refused because one ConfigMap serves nodes of every size.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { planKubePatch, withConfigText, withTemplateFields, kubePatchPreview, RESTART_ANNOTATION, KubePatchError } from '../../../src/core/kube/live/patch.js';
import { planAcrossNodes } from '../../../src/core/kube/live/plan-nodes.js';
import { diagnoseNodes } from '../../../src/core/kube/live/nodes.js';
import { snapshotOfPod } from '../../../src/core/kube/live/pod-snapshot.js';
import { planFix, type FixPlan } from '../../../src/core/fix/plan.js';
import { readCatalogue } from '../../../src/adapters/catalogue-files.js';
import { FIXTURES_DIR, REPO } from '../helpers/fixtures.js';
import { podReadings } from './live-fixtures.js';

const K = path.join(FIXTURES_DIR, '../kubernetes/deploy-kubernetes');
const doc = (f: string) => parseAllDocuments(readFileSync(path.join(K, f), 'utf8'))[0]?.toJS() as Record<string, unknown>;
const cmText = () => String((doc('configmap.yaml')['data'] as Record<string, string>)['falco.yaml']);
const preset: FixPlan = {
  id: 'raise-buffer-preset',
  title: 't',
  changes: [{ kind: 'config-set', key: 'engine.modern_ebpf.buf_size_preset', before: 4, after: 6 }],
  refused: null,
  warnings: [],
};

describe('a fix as a ConfigMap edit and a DaemonSet template change (chart 9.1.0 rendered)', () => {
  it('edits falco.yaml in the ConfigMap with its comments and sets the restart annotation the subPath mount needs', () => {
    const ds = doc('daemonset.yaml');
    const p = planKubePatch(preset, { id: 'J1', configMap: { name: 'falco', key: 'falco.yaml', text: cmText() }, daemonSet: ds, container: 'falco' });
    expect(p.configMap?.after).toContain('    buf_size_preset: 6\n    cpus_for_each_buffer: 2');
    expect(p.configMap?.after.split('\n').length).toBe(cmText().split('\n').length);
    expect(p.daemonSet.before.annotation).toBeNull();
    expect(p.daemonSet.after.annotation).toBe('J1');
    const preview = kubePatchPreview(p, { namespace: 'default', configMap: 'falco' });
    expect(preview).toContain('-    buf_size_preset: 4\n+    buf_size_preset: 6');
    expect(preview).toContain(`+    ${RESTART_ANNOTATION}: J1`);
  });

  it('the undo side gives back the objects as they were, byte for byte', () => {
    const ds = doc('daemonset.yaml');
    const cm = doc('configmap.yaml');
    const p = planKubePatch(
      { ...preset, changes: [...preset.changes, { kind: 'limits', memoryMb: { before: 1024, after: 2048 } }] },
      { id: 'J2', configMap: { name: 'falco', key: 'falco.yaml', text: cmText() }, daemonSet: ds, container: 'falco' },
    );
    const changed = withTemplateFields(ds, 'falco', p.daemonSet.after);
    const c = ((changed['spec'] as any).template.spec.containers as any[]).find((x) => x.name === 'falco'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(c.resources).toEqual({ limits: { cpu: '1000m', memory: '2048Mi' }, requests: { cpu: '100m', memory: '512Mi' } });
    expect(JSON.stringify(withTemplateFields(changed, 'falco', p.daemonSet.before))).toBe(JSON.stringify(ds));
    const cm2 = withConfigText(withConfigText(cm, 'falco.yaml', p.configMap!.after), 'falco.yaml', p.configMap!.before);
    expect(JSON.stringify(cm2)).toBe(JSON.stringify(cm));
  });

  it('refuses what the ConfigMap cannot carry: rules come from falcoctl', () => {
    expect(() =>
      planKubePatch(
        { ...preset, changes: [{ kind: 'disable-rules', rules: ['x'], priorityBelow: 'warning' }] },
        { id: 'J3', configMap: { name: 'falco', key: 'falco.yaml', text: cmText() }, daemonSet: doc('daemonset.yaml'), container: 'falco' },
      ),
    ).toThrow(KubePatchError);
  });

  it('refuses preset 6 for the dropping 4-CPU node when a 64-CPU node reads the same ConfigMap (32 × 32 MiB = 1 GiB of a 1024Mi limit)', async () => {
    const catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
    const fix = catalogue.fixes['raise-buffer-preset']!;
    const small = snapshotOfPod(podReadings({ cpus: 4 }));
    const big = snapshotOfPod({ ...podReadings({ cpus: 64 }), logs: { ...podReadings().logs, window: '' } });
    const cluster = { context: 'c', server: 's', namespace: null, selector: 's', metricsApi: true };
    const opts = { toolVersion: 't', thresholds: {}, only: [], now: new Date() };
    const two = diagnoseNodes(
      cluster,
      [
        { node: 'node-a', namespace: 'default', pod: 'a', snapshot: small, error: null },
        { node: 'node-d', namespace: 'default', pod: 'd', snapshot: big, error: null },
      ],
      catalogue,
      opts,
    );
    expect(() => planAcrossNodes(two.byNode, 'node-a', (ctx, facts) => planFix('raise-buffer-preset', fix, ctx, facts))).toThrow(
      /refused on node node-d \(64 CPUs\), which reads the same ConfigMap: ring buffers would take 1 GB \(32 × 32 MB\)/,
    );
    const one = diagnoseNodes(cluster, [{ node: 'node-a', namespace: 'default', pod: 'a', snapshot: small, error: null }], catalogue, opts);
    expect(planAcrossNodes(one.byNode, 'node-a', (ctx, facts) => planFix('raise-buffer-preset', fix, ctx, facts)).changes).toEqual(preset.changes);
  });
});
