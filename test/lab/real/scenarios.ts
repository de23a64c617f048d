// falco-doctor lab on REAL Falco 0.42.1: the situations the doctor must recognise, each made of the image's
// own /etc/falco with a few edits (comments kept) and, where it needs one, a bounded syscall storm beside
// it. Real Falco sees the whole machine and its event rate is not deterministic: each scenario's `measured`
// says what it showed on this kind of machine (2 cores, cgroup v1, kernel 6.18), and the tests assert
// shapes (drops > 0, CPU pinned at the quota), not those numbers.
import type { YamlEdit } from '../scenarios.js';

export type RealScenarioName = 'healthy' | 'event-drops' | 'high-cpu' | 'memory-pressure' | 'startup-peak';
export const REAL_SCENARIO_NAMES: readonly RealScenarioName[] = ['healthy', 'event-drops', 'high-cpu', 'memory-pressure', 'startup-peak'];

export interface StormLoad {
  /** Processes each running a `cat` loop. */
  workers: number;
  /** It stops by itself after this long. */
  seconds: number;
  /** CPU the storm itself may use, so it cannot starve the machine (and Falco beside it). */
  cpus: string;
}

export interface RealScenario {
  name: RealScenarioName;
  why: string;
  /** What it showed on real Falco here (see the module comment). */
  measured: string;
  falcoYamlEdits: YamlEdit[];
  limits: { memory: string; cpus: string };
  /** Run Falco with -U (unbuffered outputs): what the real-falco README recommends for `docker run`. */
  unbuffered: boolean;
  storm: StormLoad | null;
  /** Replaces the image's (comment-only) falco_rules.local.yaml. */
  localRules?: string;
}

/** Metrics every 5 s as a log line (output_rule) and on /metrics: Falco's own drop and event counters. */
export const REAL_OBSERVABLE: YamlEdit[] = [
  [['metrics', 'enabled'], true],
  [['metrics', 'interval'], '5s'],
  [['webserver', 'prometheus_metrics_enabled'], true],
];

/** Falco's startup peaks near 500 MiB while the probe loads (real-falco README): 1 GiB leaves room. */
const ROOMY = '1g';
const STORM: StormLoad = { workers: 4, seconds: 600, cpus: '2' };

export const REAL_SCENARIOS: Record<RealScenarioName, RealScenario> = {
  healthy: {
    name: 'healthy',
    why: "0.42.1's shipped falco.yaml (modern_ebpf, preset 4 = 8 MiB, one buffer per 2 CPUs) with metrics on, 1 CPU, 1 GiB, no storm.",
    measured: "~1,100 events/s, 0 drops, 2 % of 1 CPU, 24 MiB (RSS 54 MiB), one 8 MiB ring as Falco's startup line says",
    falcoYamlEdits: [...REAL_OBSERVABLE],
    limits: { memory: ROOMY, cpus: '1' },
    unbuffered: true,
    storm: null,
  },
  'event-drops': {
    name: 'event-drops',
    why:
      'Preset 1 (one 1 MiB ring) and the storm against a 0.1 CPU quota: Falco reads events more slowly than the storm makes them, ' +
      "the small ring overflows, and the drops show in Falco's counters (with a whole CPU real Falco keeps up with this storm; " +
      'at 0.2 it dropped only now and then).',
    measured: '~30,000-32,000 events/s, 5,100-6,900 dropped/s by the counters, 99.7-99.9 % of the 0.1 quota, throttled 98-100 %',
    falcoYamlEdits: [...REAL_OBSERVABLE, [['engine', 'modern_ebpf', 'buf_size_preset'], 1]],
    limits: { memory: ROOMY, cpus: '0.1' },
    unbuffered: true,
    storm: STORM,
  },
  'high-cpu': {
    name: 'high-cpu',
    why: 'The shipped config and rules (preset 4) and the storm against a 0.2 CPU quota: Falco pinned at the quota and throttled.',
    measured:
      '~26,000-31,000 events/s, 98.7-98.8 % of the 0.2 quota, throttled in 58-78 % of periods, 0 drops (the 8 MiB ring absorbs the throttled stretches)',
    falcoYamlEdits: [...REAL_OBSERVABLE],
    limits: { memory: ROOMY, cpus: '0.2' },
    unbuffered: true,
    storm: STORM,
  },
  'memory-pressure': {
    name: 'memory-pressure',
    why: 'Preset 8 (128 MiB) with a buffer per CPU = 2 × 128 MiB of rings under a 720 MiB limit (the peak measured 618 MiB): the probe load plus the rings take the cgroup peak near the limit.',
    measured:
      "274 MiB in use at steady state (RSS 550 MiB with the mapped rings), Falco's startup line 128 MiB per buffer × 2; the cgroup's peak near the limit",
    falcoYamlEdits: [...REAL_OBSERVABLE, [['engine', 'modern_ebpf', 'buf_size_preset'], 8], [['engine', 'modern_ebpf', 'cpus_for_each_buffer'], 1]],
    limits: { memory: '720m', cpus: '1' },
    unbuffered: true,
    storm: null,
  },
  'startup-peak': {
    name: 'startup-peak',
    why: 'The 512M limit the operator guides recommend: steady state is ~30 MiB, but loading the probe peaks near 500 MiB, so a start or reload is OOM-killed now and then.',
    measured: 'peak 498 MiB of 512 MiB while the probe loaded, 24 MiB after',
    falcoYamlEdits: [...REAL_OBSERVABLE],
    limits: { memory: '512m', cpus: '1' },
    unbuffered: true,
    storm: null,
  },
};
