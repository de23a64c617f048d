// A Falco deployment read from Kubernetes manifests (`helm template`, `kubectl get -o yaml`): the
// DaemonSet (or Deployment) whose container runs the falcosecurity/falco image, the falco.yaml its
// volumes mount from a ConfigMap, and the objects beside it that matter (PodDisruptionBudgets).
import path from 'node:path/posix';
import { UserError } from '../errors.js';
import { parseFalcoCmdline } from '../diagnosis/cmdline.js';
import type { SourceFile } from '../falco/config/types.js';
import { parseKubeObjects, type KubeObject } from './yaml-docs.js';
import { obj, readResources, readSecurityContext, versionOfImage } from './workload-common.js';
import type { FalcoWorkload, FalcoYamlSource, KubeIssue } from './types.js';
import { haIssuesOfManifests } from './ha.js';

const WORKLOAD_KINDS = new Set(['DaemonSet', 'Deployment', 'StatefulSet']);
/** the Falco image itself, not falcoctl or the driver loader */
const FALCO_IMAGE = /(^|\/)falco(-no-driver|-distroless)?(:|@|$)/;

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);

export function workloadFromManifests(files: readonly SourceFile[]): FalcoWorkload {
  const objects = parseKubeObjects(files);
  const found = objects.flatMap((o) => (WORKLOAD_KINDS.has(o.kind) ? falcoContainerOf(o) : []));
  const first = found[0];
  if (!first)
    throw new UserError(
      `${files.map((f) => f.path).join(', ')}: no DaemonSet or Deployment with a container running the falcosecurity/falco image (found: ${objects.map((o) => `${o.kind}/${o.name}`).join(', ') || 'no objects'})`,
    );
  const { workload: w, container: c, index } = first;
  const issues: KubeIssue[] = [];
  const podSpec = obj(obj(obj(w.value['spec'])['template'])['spec']);
  const image = typeof c['image'] === 'string' ? c['image'] : null;
  const argv = [...(Array.isArray(c['command']) ? c['command'] : []), ...(Array.isArray(c['args']) ? c['args'] : [])].map(String);
  const { configPath } = parseFalcoCmdline(argv.length > 0 ? argv : ['/usr/bin/falco']);
  const loader = list(podSpec['initContainers']).find((i) => /falco-driver-loader/.test(String(i['image'] ?? '')));
  return {
    source: 'manifests',
    files: files.map((f) => f.path),
    controller: { kind: w.kind, name: w.name, namespace: w.namespace, file: w.file, line: w.lineOf(['kind']) },
    image,
    falcoVersion: versionOfImage(image),
    resources: readResources(c['resources']),
    securityContext: readSecurityContext(c['securityContext']),
    driverLoader: loader ? { args: (Array.isArray(loader['args']) ? loader['args'] : []).map(String) } : null,
    falcoYaml: falcoYamlOf(objects, w, c, podSpec, configPath, issues, index),
    issues: [...issues, ...haIssuesOfManifests(objects, w)],
    lines: {
      resources: w.lineOf(['spec', 'template', 'spec', 'containers', index, 'resources']),
      securityContext: w.lineOf(['spec', 'template', 'spec', 'containers', index, 'securityContext']),
    },
  };
}

function falcoContainerOf(o: KubeObject): { workload: KubeObject; container: Obj; index: number }[] {
  const containers = list(obj(obj(obj(o.value['spec'])['template'])['spec'])['containers']);
  const index = containers.findIndex((c) => FALCO_IMAGE.test(String(c['image'] ?? '')) || c['name'] === 'falco');
  return index < 0 ? [] : [{ workload: o, container: containers[index] as Obj, index }];
}

/** The ConfigMap entry mounted where Falco reads its config: an exact subPath mount first, then a folder mount. */
function falcoYamlOf(
  objects: KubeObject[],
  w: KubeObject,
  c: Obj,
  podSpec: Obj,
  configPath: string,
  issues: KubeIssue[],
  index: number,
): FalcoYamlSource | null {
  const mounts = list(c['volumeMounts']);
  const exact = mounts.find((m) => m['mountPath'] === configPath);
  const folder = mounts.find((m) => m['mountPath'] === path.dirname(configPath) && !m['subPath']);
  const mount = exact ?? folder;
  const volume = mount ? list(podSpec['volumes']).find((v) => v['name'] === mount['name']) : undefined;
  const cmRef = obj(volume?.['configMap']);
  const at = w.lineOf(['spec', 'template', 'spec', 'containers', index, 'volumeMounts']);
  if (!mount || !volume || typeof cmRef['name'] !== 'string') {
    issues.push({
      code: 'FD-KUBE-CONFIG-SOURCE',
      severity: 'info',
      file: w.file,
      line: at,
      key: 'volumeMounts',
      message: `${configPath} is not mounted from a ConfigMap: Falco reads the file the image ships; its lint is skipped`,
    });
    return null;
  }
  // the key inside the ConfigMap: subPath for an exact mount; for a folder, the item mapped to the file name
  const fileName = path.basename(configPath);
  const items = list(cmRef['items']);
  const key = exact ? String(exact['subPath'] ?? fileName) : String(items.find((i) => i['path'] === fileName)?.['key'] ?? fileName);
  const cm = objects.find((o) => o.kind === 'ConfigMap' && o.name === cmRef['name'] && o.namespace === w.namespace);
  const text = cm ? obj(cm.value['data'])[key] : undefined;
  if (!cm || typeof text !== 'string') {
    issues.push({
      code: 'FD-KUBE-CONFIG-SOURCE',
      severity: 'info',
      file: w.file,
      line: at,
      key: 'volumes',
      message: `${configPath} comes from ConfigMap ${w.namespace}/${String(cmRef['name'])} key ${key}, which is not among the files given: its lint is skipped (add the ConfigMap, e.g. kubectl get configmap -o yaml)`,
    });
    return null;
  }
  const header = cm.lineOf(['data', key]);
  return { text, origin: `${cm.file}: ConfigMap ${cm.namespace}/${cm.name}, data.${key}`, file: cm.file, lineOffset: header };
}
