// A snapshot built from real upstream files and samples, for evaluating runbooks without Docker.
import type { Snapshot, StatsSample } from '../../../src/core/snapshot.js';
import { fixture } from './fixtures.js';
import { CONTAINER_PLUGIN_DROP_IN } from '../../lab/scenarios.js';

const MB = 1024 * 1024;

export interface SnapshotShape {
  cpuPercent: number;
  memBytes: number;
  throttledShare?: number;
  falcoYaml?: string;
  /** /etc/falco/config.d files; default: the container-plugin drop-in Falco's images carry */
  dropIns?: { path: string; text: string }[];
  logLines?: string[];
  nanoCpus?: number;
  memoryLimit?: number;
}

export function samples(shape: SnapshotShape, n = 10): StatsSample[] {
  return Array.from({ length: n }, (_, i) => ({
    t: 1_000_000 + i * 1000,
    cpuPercent: i === 0 ? 0 : shape.cpuPercent,
    memUsageBytes: shape.memBytes,
    memLimitBytes: shape.memoryLimit ?? 512 * MB,
    memCacheBytes: 0,
    periods: i * 10,
    throttledPeriods: Math.round(i * 10 * (shape.throttledShare ?? 0)),
    throttledTimeNs: 0,
  }));
}

export function makeSnapshot(shape: SnapshotShape): Snapshot {
  const start = Date.parse('2026-11-23T08:00:00Z');
  return {
    schemaVersion: 1,
    tool: { name: 'falco-doctor', version: 'test' },
    window: { start, end: start + 10_000 },
    origin: 'live',
    kube: null,
    target: {
      id: 'f'.repeat(64),
      name: 'falco-security-monitor',
      image: 'falcosecurity/falco:0.44.1',
      labels: {},
      state: { status: 'running', running: true, restarting: false, restartCount: 0, startedAt: '2026-11-23T07:00:00Z', exitCode: 0, oomKilled: false },
      restartPolicy: 'unless-stopped',
      limits: { memoryBytes: shape.memoryLimit ?? 512 * MB, nanoCpus: shape.nanoCpus ?? 200_000_000, cpuQuota: 0, cpuPeriod: 0, cpusetCpus: '' },
      cmd: ['/usr/bin/falco'],
      envNames: [],
      mounts: [{ type: 'bind', source: '/srv/falco', destination: '/etc/falco', rw: true }],
      ports: [],
      networks: [],
    },
    falco: {
      configFiles: [
        { path: '/etc/falco/falco.yaml', hostPath: '/srv/falco/falco.yaml', text: shape.falcoYaml ?? fixture('releases/falco-0.42.1.yaml') },
        // in Falco's images from 0.41 (samples/startup-log.txt reads it: "config.d/falco.container_plugin.yaml")
        ...(shape.dropIns ?? [{ path: '/etc/falco/config.d/falco.container_plugin.yaml', text: CONTAINER_PLUGIN_DROP_IN }]).map((f) => ({
          ...f,
          hostPath: null,
        })),
      ],
      rulesFiles: [{ path: '/etc/falco/falco_rules.yaml', hostPath: '/srv/falco/falco_rules.yaml', text: fixture('falco_rules-5.1.0.yaml') }],
      overrides: [],
      configSource: 'host-mount',
      versionOutput: null,
      readErrors: [],
    },
    samples: samples(shape),
    service: null,
    host: { cpus: 2, load1: 0.5, memTotalBytes: 8192 * MB, memAvailableBytes: 4096 * MB, kernel: '6.1.0' },
    logs: {
      sinceMs: start - 290_000,
      startup: fixture('samples/startup-log.txt')
        .split('\n')
        .filter(Boolean)
        .map((text) => ({ stream: 'stderr' as const, t: '2026-11-23T07:00:00Z', text })),
      window: (shape.logLines ?? []).map((text) => ({ stream: 'stdout' as const, t: '2026-11-23T08:00:05Z', text })),
      truncated: false,
    },
    webserver: { url: null, healthz: null, metricsStart: null, metricsEnd: null, error: null },
  };
}
