// What the doctor reads from a Falco deployment on Kubernetes, offline (manifests or Helm values):
// the workload that runs Falco, its falco.yaml, resources and privileges. Pure data.
export type KubeSeverity = 'error' | 'warning' | 'info';

export interface KubeIssue {
  code: string;
  severity: KubeSeverity;
  file: string;
  line: number | null;
  key: string;
  message: string;
}

export interface Resources {
  requests: { cpu: number | null; memoryBytes: number | null };
  limits: { cpu: number | null; memoryBytes: number | null };
}

export interface FalcoYamlSource {
  /** the falco.yaml text as Falco reads it */
  text: string;
  /** where it comes from, for the reader: "configmap.yaml: ConfigMap default/falco, data.falco.yaml" */
  origin: string;
  file: string;
  /** lines of `text` are these many lines below the start of `file` (a ConfigMap block); null = not mappable */
  lineOffset: number | null;
  /** Helm values: key path of falco.yaml -> line in the values file (keys the chart's defaults set have none) */
  keyLines?: Record<string, number>;
}

export interface FalcoWorkload {
  source: 'manifests' | 'helm-values';
  files: string[];
  controller: { kind: string; name: string; namespace: string; file: string; line: number | null };
  image: string | null;
  /** from the image tag (or the chart's appVersion) */
  falcoVersion: string | null;
  resources: Resources;
  securityContext: { privileged: boolean; capabilities: string[] };
  /** the init container that picks and loads the driver per node (args, e.g. ["auto"]) */
  driverLoader: { args: string[] } | null;
  falcoYaml: FalcoYamlSource | null;
  issues: KubeIssue[];
  /** where the operator sets the resources and the securityContext (file of `controller`) */
  lines: { resources: number | null; securityContext: number | null };
}

/** The codes of the Kubernetes lint (runbooks/codes.yaml lists them, family kubernetes). */
export const KUBE_CODES = [
  'FD-KUBE-RINGBUF-BUDGET',
  'FD-KUBE-HA-NOT-APPLICABLE',
  'FD-KUBE-NOT-A-CHART-VALUE',
  'FD-KUBE-PRIVILEGES',
  'FD-KUBE-CHART-REFUSED',
  'FD-KUBE-CONFIG-SOURCE',
] as const;
