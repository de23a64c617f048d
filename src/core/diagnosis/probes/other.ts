// Container state, rules, startup log, webserver and host probes.
import { getPath } from '../../falco/config/effective.js';
import type { Probe } from './probe.js';
import { dropCountersReadable } from '../counters.js';

export const OTHER_PROBES = {
  'rules.enabled': {
    label: 'Enabled rules',
    unit: 'count',
    source: 'rules files named by rules_files, with overrides and the rules: selection',
    compute: (ctx) => ctx.rules.enabledCount,
  },
  'rules.unrestricted': {
    label: 'Enabled rules not restricted by evt.type',
    unit: 'count',
    source: 'rule conditions',
    compute: (ctx) => ctx.rules.rules.filter((r) => r.enabled && r.evtTypes === null).length,
  },
  'container.restarts': {
    label: 'Container restarts',
    unit: 'count',
    source: 'container inspect (RestartCount)',
    kubeSource: 'pod status (containerStatuses[].restartCount)',
    compute: (ctx) => ctx.snapshot.target.state.restartCount,
  },
  'container.oom_killed': {
    label: 'Last exit was an OOM kill',
    unit: 'bool',
    source: 'container inspect (State.OOMKilled)',
    kubeSource: 'pod status (state/lastState.terminated.reason OOMKilled)',
    compute: (ctx) => ctx.snapshot.target.state.oomKilled,
  },
  'container.restarting': {
    label: 'Container is restarting',
    unit: 'bool',
    source: 'container inspect (State.Restarting)',
    kubeSource: 'pod status (waiting reason CrashLoopBackOff)',
    compute: (ctx) => ctx.snapshot.target.state.restarting,
  },
  'events.timeout_notices': {
    label: 'Timeouts notifications (no event for max_consecutives reads)',
    unit: 'count',
    source: '"Falco internal: timeouts notification" alerts in the window (process_events.cpp)',
    compute: (ctx) => ctx.timeoutNotices,
  },
  'falco.startup_errors': {
    label: 'Errors in the startup log',
    unit: 'count',
    source: 'container log since the last start',
    kubeSource: 'pod log since the container started',
    compute: (ctx) => ctx.startup.errors.length,
  },
  'webserver.healthz': {
    label: 'Health endpoint status',
    unit: 'count',
    source: 'HTTP GET of webserver.k8s_healthz_endpoint',
    compute: (ctx) => ctx.snapshot.webserver.healthz?.status ?? null,
  },
  'host.cpus': {
    label: 'Host CPUs',
    unit: 'count',
    source: 'node:os (the host the doctor runs on)',
    kubeSource: 'Node object (status.capacity)',
    compute: (ctx) => ctx.snapshot.host.cpus,
  },
  'engine.kind': {
    label: 'Driver in use (engine.kind)',
    unit: 'text',
    source: 'effective falco.yaml and the command line, per release',
    compute: (ctx) => ctx.engineKind,
  },
  'metrics.enabled': {
    label: 'metrics.enabled',
    unit: 'bool',
    source: 'effective falco.yaml',
    compute: (ctx) => getPath(ctx.config.value, 'metrics.enabled') === true,
  },
  'outputs.buffered': {
    label: 'Falco block-buffers its outputs',
    unit: 'bool',
    source: 'container command (-U) and buffered_outputs, per release (load_config.cpp)',
    compute: (ctx) => ctx.buffering.buffered,
  },
  'drops.counters': {
    label: 'Falco drop counters readable',
    unit: 'bool',
    source: '/metrics read at both ends of the window, or two metrics snapshots with scap.n_drops in the log',
    compute: dropCountersReadable,
  },
} satisfies Record<string, Probe>;
