// Kubernetes-API STAND-IN (falco-doctor kube lab) whose Falco pods run REAL Falco 0.42.1 (test/lab/real):
// the DaemonSet's template names the lab's real image and runs `/usr/bin/falco -U` (0.42.1 block-buffers
// stdout without -U whatever buffered_outputs says; the chart's 0.44 honours its `buffered_outputs: false`),
// the ConfigMap's falco.yaml (the chart's) gets metrics on /metrics (the engine is open once events are
// counted), and each pod's container runs as test/lab/real/lab.ts runs real Falco on these machines:
// SYS_ADMIN + SYS_PTRACE, seccomp and AppArmor unconfined, the host's /proc, /etc and Docker socket, and
// /etc/falco = the image's own (its rules) with the ConfigMap's falco.yaml. Real Falco sees every process
// of the machine, so a canary pod's container really trips its rules.
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../measure.js';
import { editFalcoYaml } from '../scenarios.js';
import { ensureRealFalcoImage, imageEtcFalco, REAL_FALCO_IMAGE } from '../real/image.js';
import { realRunSpec } from '../real/lab.js';
import { get } from './pod-http.js';
import { falcoLimits, runPodContainer, type PodContainer } from './pod-containers.js';
import type { LabNode, Obj } from './objects.js';

export const REAL_FALCO_LAB_ROLE = 'real-falco';

/** The DaemonSet's Falco container, as an operator would point the chart at this image. */
export async function useRealFalco(daemonSet: Obj, configMap: Obj): Promise<void> {
  await ensureRealFalcoImage();
  const c = (daemonSet.spec.template.spec.containers as Obj[]).find((x) => x.name === 'falco');
  if (!c) throw new Error('kube lab: the DaemonSet has no falco container');
  c.image = REAL_FALCO_IMAGE;
  c.args = realRunSpec({ limits: { memory: '1g', cpus: '1' }, unbuffered: true }).command;
  configMap.data['falco.yaml'] = editFalcoYaml(String(configMap.data['falco.yaml']), [
    [['metrics', 'enabled'], true],
    [['metrics', 'interval'], '5s'],
    [['metrics', 'output_rule'], false],
    [['webserver', 'prometheus_metrics_enabled'], true],
  ]);
}

export async function startRealPodContainer(pod: Obj, node: LabNode, falcoYaml: string, dir: string): Promise<PodContainer> {
  const etc = path.join(dir, String(pod.metadata.name), 'etc-falco');
  fs.rmSync(etc, { recursive: true, force: true });
  fs.cpSync(await imageEtcFalco(), etc, { recursive: true });
  // the chart mounts an emptyDir over /etc/falco/config.d (the driver loader's output): the image's
  // container-plugin drop-in is not there, and its plugin is already in the ConfigMap's falco.yaml
  fs.rmSync(path.join(etc, 'config.d'), { recursive: true, force: true });
  fs.mkdirSync(path.join(etc, 'config.d'));
  fs.writeFileSync(path.join(etc, 'falco.yaml'), falcoYaml);
  const { cpus, memory } = falcoLimits(pod);
  const spec = realRunSpec({ limits: { memory: String(memory), cpus: String(cpus) }, unbuffered: true });
  const c = (pod.spec.containers as Obj[]).find((x) => x.name === 'falco') ?? {};
  return runPodContainer(pod, node, REAL_FALCO_LAB_ROLE, [
    '--memory',
    spec.limits.memory,
    '--cpus',
    spec.limits.cpus,
    '--cap-drop',
    'all',
    ...spec.capAdd.flatMap((x) => ['--cap-add', x]),
    ...spec.securityOpt.flatMap((o) => ['--security-opt', o]),
    ...spec.hostMounts.flatMap((m) => ['-v', m]),
    '-v',
    `${etc}:/etc/falco`,
    '-e',
    `FALCO_HOSTNAME=${node.name}`,
    String(c.image),
    ...((c.args ?? []) as string[]),
  ]);
}

/** /healthz answers before the probe is loaded; the engine is open once /metrics counts events. */
export async function waitForRealEngine(hostPort: number, timeoutMs = 120_000): Promise<void> {
  await waitFor(
    'real Falco in the kube lab counting events (/metrics)',
    async () => {
      const r = await get(`http://127.0.0.1:${hostPort}/metrics`).catch(() => null);
      return r && /^falcosecurity_scap_n_evts_total [1-9]/m.test(r.body) ? true : undefined;
    },
    timeoutMs,
    500,
  );
}
