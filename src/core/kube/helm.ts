// A Falco deployment read from a Helm values file of chart falco: the operator's values merged over
// the chart's defaults (knowledge/helm-chart-falco.json), then falco.yaml, resources and privileges
// rendered as the chart's templates do (charts/falco/templates/_helpers.tpl and pod-template.tpl
// @548458c, chart 9.1.0): falco.removedConfigGuard, falco.engineConfiguration,
// falco.metricsConfiguration, falco.containerPlugin and falco.securityContext. The falcosidekick and
// k8s-metacollector parts are not rendered here (the output says so when they are enabled).
import { stringify } from 'yaml';
import chart from '../../../knowledge/helm-chart-falco.json' with { type: 'json' };
import type { SourceFile } from '../falco/config/types.js';
import { LEGACY_KEYS } from '../falco/config/keys/legacy.js';
import { helmMerge, keyPaths } from './helm-merge.js';
import { haIssuesOfValues } from './ha.js';
import { MODERN_EBPF_CAPS } from './privileges.js';
import { parseValuesFile } from './yaml-docs.js';
import { obj, readResources, readSecurityContext } from './workload-common.js';
import type { FalcoWorkload, KubeIssue } from './types.js';

type Obj = Record<string, unknown>;
export const CHART = chart.provenance;
const HA_KEYS = new Set(['replicaCount', 'replicas', 'podDisruptionBudget', 'pdb']);

/** Top-level values of the chart that falco.yaml never has (falco.yaml shares `metrics` with the chart). */
const CHART_ONLY = ['falco', 'driver', 'controller', 'collectors', 'falcoctl', 'resources', 'image', 'tolerations'];

/** A values file of chart falco, not a falco.yaml: it sets a value only the chart has. */
export function looksLikeHelmValues(value: Obj): boolean {
  return !('apiVersion' in value && 'kind' in value) && Object.keys(value).some((k) => CHART_ONLY.includes(k));
}

export function workloadFromHelmValues(file: SourceFile): FalcoWorkload {
  const { value: user, lineOf } = parseValuesFile(file);
  const merged = helmMerge(chart.values, user) as Obj;
  const issues: KubeIssue[] = [];
  const at = (path: string[]) => lineOf(path);
  const push = (code: string, severity: KubeIssue['severity'], path: string[], message: string) =>
    issues.push({ code, severity, file: file.path, line: at(path), key: path.join('.'), message });

  for (const k of Object.keys(user)) {
    if (k in chart.values || HA_KEYS.has(k)) continue;
    const legacy = LEGACY_KEYS.find((l) => l.path === k && l.kind === 'invented');
    push(
      'FD-KUBE-NOT-A-CHART-VALUE',
      'warning',
      [k],
      `${k} is not a value of chart falco ${CHART.version}: Helm ignores it${legacy ? `; it is no Falco key either: ${legacy.why}` : ''}${k in falcoKeys() ? ` (Falco's ${k} goes under falco:)` : ''}`,
    );
  }
  issues.push(...haIssuesOfValues(user, merged, file.path, at));

  const driver = obj(merged['driver']);
  const falco = structuredClone(obj(merged['falco']));
  const refused = removedConfig(driver, falco);
  if (refused)
    push('FD-KUBE-CHART-REFUSED', 'error', refused.path, `helm template fails: "The following chart configuration is no longer supported: ${refused.found}"`);
  const kind = String(driver['kind'] ?? 'auto');
  if (driver['enabled'] !== false) {
    const engine = engineOf(driver, kind);
    if (engine) falco['engine'] = engine;
    else if (!refused)
      push(
        'FD-KUBE-CHART-REFUSED',
        'error',
        ['driver', 'kind'],
        `helm template fails: unsupported driver kind: "${kind}". Supported drivers [kmod modern_ebpf auto], alias [module modern-bpf]`,
      );
  }
  metricsOf(obj(merged['metrics']), falco);
  containerPluginOf(merged, falco);
  for (const [part, enabled] of [
    ['falcosidekick', obj(merged['falcosidekick'])['enabled']],
    ['collectors.kubernetes', obj(obj(merged['collectors'])['kubernetes'])['enabled']],
  ] as const)
    if (enabled === true)
      push(
        'FD-KUBE-CONFIG-SOURCE',
        'info',
        part.split('.'),
        `${part} is enabled: the chart adds its settings to falco.yaml, which the doctor does not render; lint the ConfigMap of helm template for them`,
      );

  const controllerKind = String(obj(merged['controller'])['kind'] ?? 'daemonset');
  const image = obj(merged['image']);
  const tag = String(image['tag'] || CHART.appVersion);
  const loaderOn = driver['enabled'] !== false && obj(driver['loader'])['enabled'] !== false && !['modern_ebpf', 'modern-bpf'].includes(kind);
  return {
    source: 'helm-values',
    files: [file.path],
    controller: {
      kind: controllerKind === 'deployment' ? 'Deployment' : 'DaemonSet',
      name: 'falco',
      namespace: '(release namespace)',
      file: file.path,
      line: at(['controller']),
    },
    image: `${String(image['registry'] ?? 'docker.io')}/${String(image['repository'] ?? 'falcosecurity/falco')}:${tag}`,
    falcoVersion: /^\d+\.\d+\.\d+/.exec(tag)?.[0] ?? null,
    resources: readResources(merged['resources']),
    securityContext: readSecurityContext(securityContextOf(merged, driver, kind)),
    driverLoader: loaderOn ? { args: [kind === 'module' ? 'kmod' : kind] } : null,
    falcoYaml: {
      text: stringify(falco),
      origin: `${file.path} over chart falco ${CHART.version} defaults (falco: and driver:, as the chart renders falco.yaml)`,
      file: file.path,
      lineOffset: null,
      keyLines: Object.fromEntries(
        keyPaths(obj(user['falco']))
          .map((p) => [p.join('.'), at(['falco', ...p])] as const)
          .filter((e): e is readonly [string, number] => e[1] !== null),
      ),
    },
    issues,
    lines: {
      resources: at(['resources']),
      securityContext: at(['containerSecurityContext']) ?? at(['driver', 'modernEbpf', 'leastPrivileged']) ?? at(['driver', 'kind']),
    },
  };
}

const falcoKeys = (): Obj => obj(chart.values.falco);

function removedConfig(driver: Obj, falco: Obj): { found: string; path: string[] } | null {
  const found: string[] = [];
  let path: string[] = ['driver', 'kind'];
  if (['ebpf', 'gvisor'].includes(String(driver['kind']))) found.push(`driver.kind=${String(driver['kind'])}`);
  for (const k of ['ebpf', 'gvisor'])
    if (k in driver) {
      found.push(`driver.${k}`);
      path = ['driver', k];
    }
  for (const k of ['grpc', 'grpc_output'])
    if (k in falco) {
      found.push(`falco.${k}`);
      path = ['falco', k];
    }
  return found.length > 0 ? { found: `${found.join(', ')}. See BREAKING-CHANGES.md for migration guidance.`, path } : null;
}

function engineOf(driver: Obj, kind: string): Obj | null {
  const kmod = obj(driver['kmod']);
  const ebpf = obj(driver['modernEbpf']);
  const kmodCfg = { buf_size_preset: kmod['bufSizePreset'], drop_failed_exit: kmod['dropFailedExit'] };
  const ebpfCfg = {
    buf_size_preset: ebpf['bufSizePreset'],
    drop_failed_exit: ebpf['dropFailedExit'],
    cpus_for_each_buffer: ebpf['cpusForEachBuffer'],
    disable_iterators: ebpf['disableIterators'],
  };
  if (kind === 'kmod' || kind === 'module') return { kind: 'kmod', kmod: kmodCfg };
  if (kind === 'modern_ebpf' || kind === 'modern-bpf') return { kind: 'modern_ebpf', modern_ebpf: ebpfCfg };
  // auto: falco.yaml says modern_ebpf with both blocks; the driver loader settles it on each node
  if (kind === 'auto') return { kind: 'modern_ebpf', kmod: kmodCfg, modern_ebpf: ebpfCfg };
  return null;
}

const METRICS: [string, string][] = [
  ['enabled', 'enabled'],
  ['interval', 'interval'],
  ['output_rule', 'outputRule'],
  ['rules_counters_enabled', 'rulesCountersEnabled'],
  ['resource_utilization_enabled', 'resourceUtilizationEnabled'],
  ['state_counters_enabled', 'stateCountersEnabled'],
  ['kernel_event_counters_enabled', 'kernelEventCountersEnabled'],
  ['kernel_event_counters_per_cpu_enabled', 'kernelEventCountersPerCPUEnabled'],
  ['libbpf_stats_enabled', 'libbpfStatsEnabled'],
  ['plugins_metrics_enabled', 'pluginsMetricsEnabled'],
  ['kernel_iter_event_counters_enabled', 'kernelIterEventCountersEnabled'],
  ['jemalloc_stats_enabled', 'jemallocStatsEnabled'],
  ['convert_memory_to_mb', 'convertMemoryToMB'],
  ['include_empty_values', 'includeEmptyValues'],
];

function metricsOf(metrics: Obj, falco: Obj): void {
  if (metrics['enabled'] !== true) return;
  falco['webserver'] = { ...obj(falco['webserver']), prometheus_metrics_enabled: true, enabled: true };
  const m = obj(falco['metrics']);
  for (const [key, value] of METRICS) m[key] = metrics[value];
  falco['metrics'] = m;
}

function containerPluginOf(merged: Obj, falco: Obj): void {
  const collectors = obj(merged['collectors']);
  const engine = obj(collectors['containerEngine']);
  if (obj(merged['driver'])['enabled'] === false || collectors['enabled'] === false || engine['enabled'] === false) return;
  const plugins = Array.isArray(falco['plugins']) ? (falco['plugins'] as Obj[]) : [];
  if (plugins.some((p) => obj(p)['name'] === 'container')) return;
  const init = { label_max_len: engine['labelMaxLen'], with_size: engine['withSize'], hooks: engine['hooks'], engines: engine['engines'] };
  falco['plugins'] = [...plugins, { name: 'container', library_path: 'libcontainer.so', init_config: init }];
  const load = Array.isArray(falco['load_plugins']) ? (falco['load_plugins'] as unknown[]).map(String) : [];
  falco['load_plugins'] = [...new Set([...load, 'container'])];
}

function securityContextOf(merged: Obj, driver: Obj, kind: string): Obj {
  const explicit = obj(merged['containerSecurityContext']);
  if (Object.keys(explicit).length > 0) return explicit;
  if (driver['enabled'] === false) return {};
  if (['kmod', 'module', 'auto'].includes(kind)) return { privileged: true };
  if (['modern_ebpf', 'modern-bpf'].includes(kind))
    return obj(driver['modernEbpf'])['leastPrivileged'] === true ? { capabilities: { add: [...MODERN_EBPF_CAPS] } } : { privileged: true };
  return {};
}
