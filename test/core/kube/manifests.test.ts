// The Kubernetes lint on the real manifests of the official chart (../shared/fixtures/kubernetes:
// the DaemonSet and ConfigMap rendered with the chart's defaults, and chart falco 9.1.0's values.yaml),
// and on broken variants of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workloadFromManifests } from '../../../src/core/kube/manifests.js';
import { workloadFromHelmValues } from '../../../src/core/kube/helm.js';
import { kubeLint, kubeRefused } from '../../../src/core/kube/lint.js';
import { kubeInputKind } from '../../../src/core/kube/detect.js';
import { parseQuantity } from '../../../src/core/kube/quantity.js';
import { UserError } from '../../../src/core/errors.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';

const K = path.join(FIXTURES_DIR, '../kubernetes');
const file = (rel: string, edit: (t: string) => string = (t) => t) => ({ path: rel, text: edit(readFileSync(path.join(K, rel), 'utf8')) });
const daemonset = (edit?: (t: string) => string) => file('deploy-kubernetes/daemonset.yaml', edit);
const configmap = (edit?: (t: string) => string) => file('deploy-kubernetes/configmap.yaml', edit);
const MiB = 2 ** 20;

describe('Kubernetes manifests (the chart rendered with its defaults)', () => {
  it('finds the Falco container, its 1024Mi limit, privileges, the driver loader and the falco.yaml in the ConfigMap', () => {
    const w = workloadFromManifests([daemonset(), configmap()]);
    expect(w.controller).toMatchObject({ kind: 'DaemonSet', name: 'falco', namespace: 'default' });
    expect(w.image).toBe('docker.io/falcosecurity/falco:0.44.1');
    expect(w.falcoVersion).toBe('0.44.1');
    expect(w.resources).toEqual({ requests: { cpu: 0.1, memoryBytes: 512 * MiB }, limits: { cpu: 1, memoryBytes: 1024 * MiB } });
    expect(w.securityContext).toEqual({ privileged: true, capabilities: [] });
    expect(w.driverLoader).toEqual({ args: ['auto'] });
    expect(w.falcoYaml?.origin).toBe('deploy-kubernetes/configmap.yaml: ConfigMap default/falco, data.falco.yaml');
    expect(w.falcoYaml?.lineOffset).toBe(13); // "falco.yaml: |-" is line 13; its first line, append_output, line 14
  });

  it('the budget table at 4, 16, 64 CPUs against the 1024Mi limit: modern_ebpf 2/8/32 buffers of 8 MB, kmod (the loader may fall back) 4/16/64', () => {
    const r = kubeLint(workloadFromManifests([daemonset(), configmap()]), [4, 16, 64]);
    expect(r.budget?.limitBytes).toBe(1024 * MiB);
    expect(r.budget?.rows.map((x) => [x.cpus, x.kind, x.buffers, x.totalBytes / MiB, x.verdict])).toEqual([
      [4, 'modern_ebpf', 2, 16, 'ok'],
      [4, 'kmod', 4, 32, 'ok'],
      [16, 'modern_ebpf', 8, 64, 'ok'],
      [16, 'kmod', 16, 128, 'ok'],
      [64, 'modern_ebpf', 32, 256, 'ok'],
      [64, 'kmod', 64, 512, 'tight'],
    ]);
    // only the loader's fallback is tight: said at info, not a warning on the official defaults
    expect(r.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['FD-KUBE-RINGBUF-BUDGET', 'info', 39],
      ['FD-KUBE-PRIVILEGES', 'info', 46],
    ]);
  });

  it("the ConfigMap's falco.yaml lints clean for Falco 0.44.1, Falco's own schema check included", () => {
    const r = kubeLint(workloadFromManifests([daemonset(), configmap()]), [4]);
    expect(r.falco?.files.map((f) => [f.issues, f.schema?.ok])).toEqual([[[], true]]);
    expect(r.falco?.refusals).toEqual([]);
    expect(kubeRefused(r)).toBe(false);
  });

  it('a fictional key in the ConfigMap is named at its line in configmap.yaml (log_rotation, prometheus_output)', () => {
    const cm = configmap((t) =>
      t.replace(
        '    watch_config_files: true\n',
        '    watch_config_files: true\n    log_rotation:\n      max_size: 100\n    prometheus_output:\n      enabled: true\n',
      ),
    );
    const line = cm.text.split('\n').findIndex((l) => l === '    log_rotation:') + 1;
    const issues = kubeLint(workloadFromManifests([daemonset(), cm]), [4]).falco?.files[0]?.issues ?? [];
    expect(issues.filter((i) => i.code === 'FD-CONF-NOT-A-FALCO-KEY').map((i) => [i.key, i.file, i.line])).toEqual([
      ['log_rotation', 'deploy-kubernetes/configmap.yaml', line],
      ['prometheus_output.enabled', 'deploy-kubernetes/configmap.yaml', line + 3],
    ]);
  });

  it('HA settings that do not apply to a DaemonSet: spec.replicas, and a PodDisruptionBudget selecting its pods', () => {
    const ds = daemonset((t) => t.replace('spec:\n  selector:', 'spec:\n  replicas: 3\n  selector:'));
    const pdb = {
      path: 'pdb.yaml',
      text: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: falco\n  namespace: default\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: falco\n',
    };
    const issues = kubeLint(workloadFromManifests([ds, configmap(), pdb]), [4]).issues.filter((i) => i.code === 'FD-KUBE-HA-NOT-APPLICABLE');
    expect(issues.map((i) => [i.key, i.file, i.line])).toEqual([
      ['spec.replicas', 'deploy-kubernetes/daemonset.yaml', 13],
      ['PodDisruptionBudget/falco', 'pdb.yaml', 7],
    ]);
    expect(issues[1]?.message).toContain('kubectl drain skips DaemonSet pods');
  });

  it('privileges: modern_ebpf without privileged or the four capabilities is an error; kmod unprivileged too', () => {
    const unpriv = daemonset((t) =>
      t.replace(
        '          securityContext:\n            privileged: true\n          args:\n            - /usr/bin/falco',
        '          securityContext:\n            capabilities:\n              add: [CAP_BPF, PERFMON]\n          args:\n            - /usr/bin/falco',
      ),
    );
    const r = kubeLint(workloadFromManifests([unpriv, configmap()]), [4]);
    expect(r.issues.find((i) => i.code === 'FD-KUBE-PRIVILEGES')).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('missing: SYS_RESOURCE, SYS_PTRACE'),
    });
    const kmod = kubeLint(workloadFromManifests([unpriv, configmap((t) => t.replace('      kind: modern_ebpf', '      kind: kmod'))]), [4]);
    expect(kmod.issues.find((i) => i.code === 'FD-KUBE-PRIVILEGES')?.message).toContain('kmod loads a kernel module');
  });

  it('a preset that overflows the limit on big nodes is an error; a config Falco refuses is a refusal (exit 2)', () => {
    const big = configmap((t) => t.replace(/(modern_ebpf:\n\s+buf_size_preset:) 4/, '$1 7'));
    const r = kubeLint(workloadFromManifests([daemonset(), big]), [4, 64]);
    expect(r.issues[0]).toMatchObject({ code: 'FD-KUBE-RINGBUF-BUDGET', severity: 'error' });
    expect(r.issues[0]?.message).toContain('on 64-CPU nodes the ring buffers alone take 2 GB (32 × 64 MB, modern_ebpf)');
    const refused = configmap((t) =>
      t.replace('    webserver:\n      enabled: true', '    metrics:\n      enabled: true\n      output_rule: false\n    webserver:\n      enabled: true'),
    );
    expect(kubeRefused(kubeLint(workloadFromManifests([daemonset(), refused]), [4]))).toBe(true);
  });

  it('broken input: YAML errors name file:line; no Falco workload names what was found; a missing ConfigMap is said', () => {
    expect(() => workloadFromManifests([{ path: 'bad.yaml', text: 'kind: DaemonSet\nspec: [1,\n' }])).toThrow(/^bad\.yaml:\d+: /);
    expect(() => workloadFromManifests([configmap()])).toThrow(UserError);
    expect(() => workloadFromManifests([configmap()])).toThrow(/no DaemonSet or Deployment .* \(found: ConfigMap\/falco\)/);
    const alone = workloadFromManifests([daemonset()]);
    expect(alone.falcoYaml).toBeNull();
    expect(alone.issues[0]?.message).toContain('ConfigMap default/falco key falco.yaml, which is not among the files given');
  });

  it('input detection and quantities', () => {
    expect(kubeInputKind([daemonset(), configmap()])).toBe('manifests');
    expect(kubeInputKind([file('chart/values.yaml')])).toBe('helm-values');
    expect(kubeInputKind([{ path: 'falco.yaml', text: readFileSync(path.join(FIXTURES_DIR, 'releases/falco-0.44.1.yaml'), 'utf8') }])).toBeNull();
    expect([parseQuantity('1024Mi'), parseQuantity('1000m'), parseQuantity('1.5'), parseQuantity('1G'), parseQuantity('12x')]).toEqual([
      1024 * MiB,
      1,
      1.5,
      1e9,
      null,
    ]);
  });
});

describe('Helm values of chart falco 9.1.0', () => {
  it("the chart's own values render the falco.yaml of the rendered ConfigMap (charts/falco/templates/_helpers.tpl@548458c)", () => {
    const w = workloadFromHelmValues(file('chart/values.yaml'));
    const rendered = parse(configmap().text.split('\n---')[0] as string) as { data: Record<string, string> };
    expect(parse(w.falcoYaml?.text ?? '')).toEqual(parse(rendered.data['falco.yaml'] as string));
    expect(w.securityContext).toEqual({ privileged: true, capabilities: [] });
    expect(w.resources.limits.memoryBytes).toBe(1024 * MiB);
    expect(w.image).toBe('docker.io/falcosecurity/falco:0.44.1');
  });

  it('an operator values file over the defaults: fictional keys, replicaCount, driver kmod least-privileged, lines in the values file', () => {
    const values = [
      'replicaCount: 3',
      'log_rotation:',
      '  max_size: 100',
      'driver:',
      '  kind: kmod',
      '  kmod:',
      '    bufSizePreset: 6',
      'resources:',
      '  limits:',
      '    memory: 512Mi',
      'falco:',
      '  prometheus_output:',
      '    enabled: true',
    ].join('\n');
    const r = kubeLint(workloadFromHelmValues({ path: 'my-values.yaml', text: values }), [4, 16]);
    expect(r.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['FD-KUBE-NOT-A-CHART-VALUE', 'warning', 2],
      ['FD-KUBE-HA-NOT-APPLICABLE', 'warning', 1],
      ['FD-KUBE-RINGBUF-BUDGET', 'error', 8],
    ]);
    expect(r.issues[0]?.message).toContain('Falco does not rotate files');
    expect(r.budget?.rows.map((x) => [x.cpus, x.kind, x.buffers, x.totalBytes / MiB])).toEqual([
      [4, 'kmod', 4, 128],
      [16, 'kmod', 16, 512],
    ]);
    const lint = r.falco?.files[0]?.issues ?? [];
    expect(lint.map((i) => [i.code, i.key, i.line])).toEqual([['FD-CONF-NOT-A-FALCO-KEY', 'prometheus_output.enabled', 13]]);
  });

  it('values the chart refuses to render: driver.kind ebpf (removedConfigGuard) and an unknown kind', () => {
    const ebpf = kubeLint(workloadFromHelmValues({ path: 'v.yaml', text: 'driver:\n  kind: ebpf\n' }), [4]);
    expect(ebpf.issues[0]).toMatchObject({ code: 'FD-KUBE-CHART-REFUSED', line: 2 });
    expect(ebpf.issues[0]?.message).toContain('no longer supported: driver.kind=ebpf');
    expect(kubeRefused(ebpf)).toBe(true);
    const odd = kubeLint(workloadFromHelmValues({ path: 'v.yaml', text: 'driver:\n  kind: bpf\n' }), [4]);
    expect(odd.issues[0]?.message).toContain('unsupported driver kind: "bpf"');
  });
});
