// The canary's short-lived pod on Kubernetes (canary --kube): pinned to the node by spec.nodeName (no
// scheduler, so it lands where that node's Falco watches), Falco's own image, the canary's argv as its
// command (no shell), restartPolicy Never, no service-account token, no privileges, tight limits, and
// labelled so a leftover is found by label. The files the argv needs come from a downwardAPI volume of
// the pod's own annotations: no second object (a ConfigMap) to create and delete. Pure.
import { CANARY_LABEL, type Canary } from './schema.js';

const FILE_ANNOTATION = 'falco-doctor.canary/file-';
/** the kubelet kills the action after this (activeDeadlineSeconds): `cat` of a file ends at once */
export const CANARY_POD_DEADLINE_S = 30;

export interface CanaryPodInput {
  /** the run's marker (canaryMarker): a valid pod name (lower case, digits, "-", under 63 characters) */
  name: string;
  namespace: string;
  node: string;
  image: string;
  argv: string[];
  files: Canary['files'];
  /** the Falco pod's tolerations: the canary runs on any node Falco runs on (a tainted control plane too) */
  tolerations: unknown[];
}

export function canaryPod(p: CanaryPodInput): Record<string, unknown> {
  const annotations = Object.fromEntries(p.files.map((f, i) => [`${FILE_ANNOTATION}${i}`, f.content]));
  const volume = {
    name: 'canary-files',
    downwardAPI: {
      defaultMode: 0o444,
      items: p.files.map((_, i) => ({ path: `file-${i}`, fieldRef: { fieldPath: `metadata.annotations['${FILE_ANNOTATION}${i}']` } })),
    },
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace, labels: { [CANARY_LABEL]: '1' }, annotations },
    spec: {
      nodeName: p.node,
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: 0,
      activeDeadlineSeconds: CANARY_POD_DEADLINE_S,
      tolerations: p.tolerations,
      containers: [
        {
          name: 'canary',
          image: p.image,
          imagePullPolicy: 'IfNotPresent',
          command: p.argv,
          resources: { limits: { cpu: '200m', memory: '32Mi' }, requests: { cpu: '10m', memory: '16Mi' } },
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
          volumeMounts: p.files.map((f, i) => ({ name: 'canary-files', mountPath: f.path, subPath: `file-${i}`, readOnly: true })),
        },
      ],
      volumes: p.files.length > 0 ? [volume] : [],
    },
  };
}

export interface CanaryPodStatus {
  phase: string;
  /** the action's exit code, once its container terminated */
  exitCode: number | null;
  /** when the container started (the API's second precision), ms */
  startedAtMs: number | null;
  done: boolean;
}

/** What the API says of the canary pod: finished (Succeeded/Failed) or not, its exit code and start. */
export function canaryPodStatus(pod: unknown): CanaryPodStatus {
  const status = (pod as { status?: Record<string, unknown> } | null)?.status ?? {};
  const phase = typeof status['phase'] === 'string' ? status['phase'] : 'Pending';
  const cs = (Array.isArray(status['containerStatuses']) ? status['containerStatuses'] : [])[0] as
    { state?: Record<string, Record<string, unknown>> } | undefined;
  const term = cs?.state?.['terminated'];
  const started = Date.parse(String(term?.['startedAt'] ?? cs?.state?.['running']?.['startedAt'] ?? ''));
  return {
    phase,
    exitCode: typeof term?.['exitCode'] === 'number' ? term['exitCode'] : null,
    startedAtMs: Number.isFinite(started) ? started : null,
    done: phase === 'Succeeded' || phase === 'Failed' || term !== undefined,
  };
}
