// Where Falco sends its metrics and what it makes of metrics.interval, as its code reads them: the
// startup refusals (refusals.ts) and the checklist's `monitoring` item both take them from here.
import { compareVersions } from '../version-compare.js';
import { getPath } from './effective.js';
import type { EffectiveConfig } from './types.js';
import { isOn } from './yaml-cpp-bool.js';

export interface MetricsOutputs {
  enabled: boolean;
  /** metrics.output_rule: snapshots as "Falco internal: metrics snapshot" alerts; false in code
   *  (configuration.cpp@0.42.1:620, the same from 0.35.0) although the shipped falco.yaml sets true */
  rule: boolean;
  /** metrics.output_file, or null when unset or empty */
  file: string | null;
  /** webserver.prometheus_metrics_enabled, which Falco counts as a metrics output from 0.38.1
   *  (process_events.cpp@0.38.1:416; @0.38.0 only the rule and the file: stats_writer has_output) */
  prometheus: boolean;
}

export function metricsOutputs(config: EffectiveConfig, version: string | null): MetricsOutputs {
  const at = (k: string): unknown => getPath(config.value, k);
  const file = at('metrics.output_file');
  return {
    enabled: isOn(at('metrics.enabled')),
    rule: isOn(at('metrics.output_rule')),
    file: typeof file === 'string' && file !== '' ? file : null,
    prometheus: (version === null || compareVersions(version, '0.38.1') >= 0) && isOn(at('webserver.prometheus_metrics_enabled')),
  };
}

const UNITS_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];
// RGX_PROMETHEUS_TIME_DURATION of falco_utils.cpp@0.42.1: each unit at most once, in this order
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** metrics.interval in ms as parse_prometheus_interval (falco_utils.cpp@0.42.1) gives it: whitespace
 *  removed, and 0 for anything the duration pattern does not match, digits without a unit included. */
export function falcoIntervalMs(interval: string): number {
  const m = DURATION.exec(interval.replace(/\s/g, ''));
  if (!m) return 0;
  return UNITS_MS.reduce((sum, unit, i) => sum + Number(m[i + 1] ?? 0) * unit, 0);
}
