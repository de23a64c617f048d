// Falco STAND-IN (falco-doctor lab), not Falco: the "Falco metrics snapshot" internal alert and the
// Prometheus text served at /metrics. Names follow the real 0.42.1 samples
// (shared/fixtures/falco/samples/metrics-snapshot*.{json,txt}, webserver-metrics-prometheus.http.txt);
// values are real readings of this stand-in process.
import os from 'node:os';
import { DROP_CATEGORIES, type RingCounters } from './kernel-ring.js';
import type { FieldValue } from './outputs.js';
import * as res from './resources.js';
import { onlineCpus } from './memory.js';

export const FALCO_VERSION = '0.44.1';

export interface EngineView {
  engineName: string; // scap.engine_name: modern_bpf | kmod | bpf | nodriver
  counters: RingCounters;
  processedEvents: () => number;
  startNs: bigint;
  reloadNs: bigint;
  configHashes: Array<[string, string]>; // [file name, sha256]
  rulesHashes: Array<[string, string]>;
  kernelCounters: boolean;
}

const MB = 1024 * 1024;
const round1 = (n: number): number => Math.round(n * 10) / 10;
const key = (file: string): string => file.replace(/[^A-Za-z0-9]/g, '_');

/** Keeps the previous snapshot's counters for the *_prev fields and the per-second rates. */
export class SnapshotBuilder {
  private prev = { wallNs: process.hrtime.bigint(), cpuUs: 0, nEvts: 0, nDrops: 0, num: 0 };

  constructor(private readonly view: EngineView) {
    const u = process.cpuUsage();
    this.prev.cpuUs = u.user + u.system;
  }

  build(nowNs: bigint): Record<string, FieldValue> {
    const v = this.view;
    const u = process.cpuUsage();
    const wall = process.hrtime.bigint();
    const secs = Math.max(1e-9, Number(wall - this.prev.wallNs) / 1e9);
    const cpuUs = u.user + u.system;
    const num = v.processedEvents();
    const { nEvts, nDrops } = v.counters;
    const dEvts = nEvts - this.prev.nEvts;
    const dDrops = nDrops - this.prev.nDrops;
    const f: Record<string, FieldValue> = {
      'evt.hostname': os.hostname(),
      'evt.source': 'syscall',
      'evt.time': { int: nowNs },
      'falco.container_memory_used_mb': { double: round1(res.containerMemoryBytes() / MB) },
      'falco.cpu_usage_perc': { double: round1(((cpuUs - this.prev.cpuUs) / 1e6 / secs) * 100) },
      'falco.duration_sec': { int: Number((nowNs - v.startNs) / 1_000_000_000n) },
      'falco.evts_rate_sec': { double: round1((num - this.prev.num) / secs) },
      'falco.host_boot_ts': { int: res.hostBootNs() },
      'falco.host_memory_used_mb': { double: round1(res.hostMemoryUsedBytes() / MB) },
      'falco.host_num_cpus': { int: onlineCpus() },
      'falco.host_open_fds': { int: res.hostOpenFds() },
      'falco.host_procs_running': { int: res.hostProcsRunning() },
      'falco.kernel_release': os.release(),
      'falco.memory_rss_mb': { double: round1(process.memoryUsage().rss / MB) },
      'falco.memory_vsz_mb': { double: round1(res.vszBytes() / MB) },
      'falco.num_evts': { int: num },
      'falco.num_evts_prev': { int: this.prev.num },
      'falco.outputs_queue_num_drops': { int: 0 },
      'falco.reload_ts': { int: v.reloadNs },
      'falco.rules.matches_total': { int: 0 },
      'falco.start_ts': { int: v.startNs },
      'falco.version': FALCO_VERSION,
      'scap.engine_name': v.engineName,
      'scap.evts_drop_rate_sec': { double: round1(dDrops / secs) },
      'scap.evts_rate_sec': { double: round1(dEvts / secs) },
      'scap.n_drops': { int: nDrops },
      'scap.n_drops_perc': { double: round1(dEvts > 0 ? (dDrops * 100) / dEvts : 0) },
      'scap.n_drops_prev': { int: this.prev.nDrops },
      'scap.n_evts': { int: nEvts },
      'scap.n_evts_prev': { int: this.prev.nEvts },
    };
    for (const [file, sha] of v.configHashes) f[`falco.sha256_config_file.${key(file)}`] = sha;
    for (const [file, sha] of v.rulesHashes) f[`falco.sha256_rules_file.${key(file)}`] = sha;
    if (v.kernelCounters && nDrops > 0) {
      // include_empty_values is false upstream: per-category counters show up once they are non-zero
      f['scap.n_drops_buffer_total'] = { int: nDrops };
      for (const c of DROP_CATEGORIES) f[`scap.n_drops_buffer_${c}_exit`] = { int: v.counters.dropsBy[c] };
    }
    this.prev = { wallNs: wall, cpuUs, nEvts, nDrops, num };
    return f;
  }
}

type Sample = { labels?: Record<string, string>; value: string };

function family(out: string[], name: string, type: 'gauge' | 'counter', samples: Sample[], help = 'https://falco.org/docs/metrics/'): void {
  // Falco repeats HELP/TYPE before every labelled sample; the sample file shows exactly that.
  for (const s of samples) {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    const labels = s.labels
      ? `{${Object.entries(s.labels)
          .map(([k, val]) => `${k}="${val}"`)
          .join(',')}}`
      : '';
    out.push(`${name}${labels} ${s.value}`);
  }
}

export function prometheusText(v: EngineView, cpu: res.CpuWindow): string {
  const out: string[] = [];
  const one = (value: string | number): Sample[] => [{ value: String(value) }];
  const f6 = (n: number): string => n.toFixed(6);
  const p = 'falcosecurity_';
  family(out, `${p}falco_version_info`, 'gauge', [{ labels: { version: FALCO_VERSION }, value: '1' }]);
  for (const [file, sha] of v.rulesHashes)
    family(out, `${p}falco_sha256_rules_files_info`, 'gauge', [{ labels: { file_name: file, sha256: sha }, value: '1' }]);
  for (const [file, sha] of v.configHashes)
    family(out, `${p}falco_sha256_config_files_info`, 'gauge', [{ labels: { file_name: file, sha256: sha }, value: '1' }]);
  family(out, `${p}falco_rules_matches_total`, 'counter', one(0));
  family(out, `${p}scap_engine_name_info`, 'gauge', [{ labels: { engine_name: v.engineName, evt_source: 'syscall' }, value: '1' }]);
  family(out, `${p}scap_n_evts_total`, 'counter', one(v.counters.nEvts));
  family(
    out,
    `${p}scap_n_drops_buffer_total`,
    'counter',
    DROP_CATEGORIES.map((c) => ({ labels: { dir: 'exit', drop: c }, value: String(v.counters.dropsBy[c]) })),
  );
  family(out, `${p}scap_n_drops_scratch_map_total`, 'counter', one(0));
  family(out, `${p}scap_n_drops_total`, 'counter', one(v.counters.nDrops));
  family(out, `${p}falco_cpu_usage_ratio`, 'gauge', one(f6(cpu.processPercent() / 100)));
  family(out, `${p}falco_memory_rss_bytes`, 'gauge', one(f6(process.memoryUsage().rss)));
  family(out, `${p}falco_memory_vsz_bytes`, 'gauge', one(f6(res.vszBytes())));
  family(out, `${p}falco_container_memory_used_bytes`, 'gauge', one(f6(res.containerMemoryBytes())));
  family(out, `${p}falco_host_cpu_usage_ratio`, 'gauge', one(f6(cpu.hostPercent() / 100)));
  family(out, `${p}falco_host_memory_used_bytes`, 'gauge', one(f6(res.hostMemoryUsedBytes())));
  family(out, `${p}falco_host_procs_running_total`, 'gauge', one(res.hostProcsRunning()));
  family(out, `${p}falco_host_open_fds_total`, 'gauge', one(res.hostOpenFds()));
  family(out, `${p}falco_kernel_release_info`, 'gauge', [{ labels: { kernel_release: os.release() }, value: '1' }]);
  family(out, `${p}evt_hostname_info`, 'gauge', [{ labels: { hostname: os.hostname() }, value: '1' }]);
  family(out, `${p}falco_outputs_queue_num_drops_total`, 'counter', one(0));
  family(out, `${p}falco_reload_timestamp_nanoseconds`, 'gauge', one(String(v.reloadNs)));
  family(out, `${p}falco_start_timestamp_nanoseconds`, 'gauge', one(String(v.startNs)));
  family(out, `${p}falco_host_num_cpus_total`, 'gauge', one(onlineCpus()));
  return `${out.join('\n')}\n`;
}
