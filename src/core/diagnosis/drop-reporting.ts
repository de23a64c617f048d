// How Falco's drops can reach the doctor with this configuration, and why not when they cannot.
// A quiet log is no proof of "no drops": Falco acts on drops only for a second in which more than
// syscall_event_drops.threshold of the events were dropped, at most as often as its token bucket
// (rate, max_burst) allows, and its `log` action writes at DEBUG level, which log_level info hides
// (userspace/falco/event_drops.cpp@0.44.1:104,117,147; the same DEBUG level in every release
// 0.35.0–0.44.1: LOG_DEBUG up to 0.36, falco_logger::level::DEBUG from 0.37). Only Falco's own
// counters (metrics snapshots, /metrics) count every drop.
import type { DiagnosisContext } from './context.js';
import { getPath } from '../falco/config/effective.js';
import { knownKeysFor, lookupKey } from '../falco/config/model.js';
import { isOn } from '../falco/config/yaml-cpp-bool.js';
import { promValue } from '../falco/parse/prometheus.js';
import { toNumber } from '../falco/parse/text-fields.js';
import { droppedInWindow, promDelta } from './counters.js';

/** counted: a drop counter was read over the window; alerts: no counter, drop reports reach the log as
 *  they happen; late-alerts: only through block-buffered stdout; none: nothing reaches the log. */
export type DropVisibility = 'counted' | 'alerts' | 'late-alerts' | 'none';

export interface DropReporting {
  visibility: DropVisibility;
  /** where the counter was read, or why none was */
  counters: string;
  /** what each drop action does with a drop, as far as the container log is concerned */
  alerts: string;
}

/** The value Falco uses: the effective config, else the release's fallback in configuration.cpp. */
export function configValue(ctx: DiagnosisContext, key: string): unknown {
  const v = getPath(ctx.config.value, key);
  if (v !== undefined) return v;
  const spec = ctx.version.version === null ? lookupKey(key) : knownKeysFor(ctx.version.version).get(key);
  return spec?.codeDefault;
}

/** syscall_event_drops.actions as Falco reads it: absent or empty is ignore (configuration.cpp@0.42.1:574). */
export function dropActions(ctx: DiagnosisContext): string[] {
  const a = getPath(ctx.config.value, 'syscall_event_drops.actions');
  const list = Array.isArray(a) ? a.map(String) : typeof a === 'string' ? [a] : [];
  return list.length === 0 ? ['ignore'] : list;
}

const absentNote = (ctx: DiagnosisContext, key: string) => (getPath(ctx.config.value, key) === undefined ? ' (absent: the default in Falco’s code)' : '');

function countersStatus(ctx: DiagnosisContext): { counted: boolean; text: string } {
  const fromProm = promDelta(ctx, 'falcosecurity_scap_n_drops_total') !== null;
  const snaps = ctx.metricsSnapshots.filter((m) => toNumber(m.fields['scap.n_drops']) !== null).length;
  // read but standing still with the event counter (a reload under way): counted nothing, as drops.counted says
  if ((fromProm || snaps >= 2) && droppedInWindow(ctx) === null)
    return { counted: false, text: 'Falco’s counters were read but counted no event in the window (its counters restart with a reload)' };
  if (fromProm) return { counted: true, text: '/metrics falcosecurity_scap_n_drops_total, read at both ends of the window' };
  if (snaps >= 2) return { counted: true, text: `scap.n_drops of ${snaps} metrics snapshots in the log` };
  const s = ctx.snapshot;
  if (!s.target.state.running || s.target.state.restarting) return { counted: false, text: 'the container is not running: no counter was read' };
  if (!isOn(configValue(ctx, 'metrics.enabled')))
    return {
      counted: false,
      text: `metrics.enabled is false${absentNote(ctx, 'metrics.enabled')}: Falco exposes no drop counter (no metrics snapshot, no /metrics)`,
    };
  // the per-CPU counters switch the kernel counters on too (falco.yaml@0.42.1:1266)
  if (!isOn(configValue(ctx, 'metrics.kernel_event_counters_enabled')) && !isOn(configValue(ctx, 'metrics.kernel_event_counters_per_cpu_enabled')))
    return { counted: false, text: 'metrics.kernel_event_counters_enabled is false: Falco’s metrics carry no drop counter' };
  const why: string[] = [];
  const ws = ctx.target.webserver;
  const promRead = ctx.version.version === null || knownKeysFor(ctx.version.version).has('webserver.prometheus_metrics_enabled');
  if (promRead && ws.enabled && ws.prometheus) {
    const end = ctx.promEnd;
    why.push(
      end !== null && promValue(end, 'falcosecurity_scap_n_drops_total') === null
        ? '/metrics has no falcosecurity_scap_n_drops_total'
        : `/metrics is served but was not read at both ends of the window (${s.webserver.error ?? (s.webserver.url === null ? 'no route to the webserver from here' : 'read once')})`,
    );
  }
  if (isOn(configValue(ctx, 'metrics.output_rule'))) {
    const interval = String(configValue(ctx, 'metrics.interval') ?? '?');
    const late = ctx.buffering.buffered ? ', and Falco block-buffers its outputs here, so snapshots reach the log late' : '';
    why.push(
      `${snaps} metrics snapshot(s) with scap.n_drops in the log’s ${Math.round(ctx.logSeconds)} s look-back (metrics.interval: ${interval}): a count needs two${late}`,
    );
  }
  const file = configValue(ctx, 'metrics.output_file');
  if (typeof file === 'string' && file !== '') why.push(`metrics.output_file ${file} is not read by the doctor`);
  if (why.length === 0) why.push('metrics have no output the doctor reads');
  return { counted: false, text: why.join('; ') };
}

type Reach = 'prompt' | 'late' | 'none';

function actionReach(ctx: DiagnosisContext, action: string): { reach: Reach; text: string } {
  switch (action) {
    case 'log': {
      const level = String(configValue(ctx, 'log_level') ?? 'info');
      if (!isOn(configValue(ctx, 'log_stderr')))
        return { reach: 'none', text: `log: log_stderr is false${absentNote(ctx, 'log_stderr')}, so not in the container log` };
      if (level !== 'debug') return { reach: 'none', text: `log: written at debug level, which log_level ${level} hides` };
      return { reach: 'prompt', text: 'log: on stderr (log_level debug)' };
    }
    case 'alert': {
      if (!isOn(configValue(ctx, 'stdout_output.enabled')))
        return {
          reach: 'none',
          text: `alert: sent to the outputs, but stdout_output is off${absentNote(ctx, 'stdout_output.enabled')}, so not to the container log`,
        };
      if (ctx.buffering.buffered)
        return { reach: 'late', text: `alert: on stdout, block-buffered (${ctx.buffering.why}): it reaches the log in blocks, possibly minutes late` };
      return { reach: 'prompt', text: 'alert: "Falco internal: syscall event drop" on stdout' };
    }
    case 'exit':
      return { reach: 'prompt', text: 'exit: Falco logs the drop at critical level and exits' };
    default:
      return { reach: 'none', text: `${action}: no report` };
  }
}

export function dropReporting(ctx: DiagnosisContext): DropReporting {
  const c = countersStatus(ctx);
  const actions = dropActions(ctx);
  const reaches = actions.map((a) => actionReach(ctx, a));
  const alerts = `actions [${actions.join(', ')}]: ${reaches.map((r) => r.text).join('; ')}`;
  const best: Reach = reaches.some((r) => r.reach === 'prompt') ? 'prompt' : reaches.some((r) => r.reach === 'late') ? 'late' : 'none';
  const visibility: DropVisibility = c.counted ? 'counted' : best === 'prompt' ? 'alerts' : best === 'late' ? 'late-alerts' : 'none';
  return { visibility, counters: c.text, alerts };
}
