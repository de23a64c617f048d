import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../../src/core/monitor/header.js';
import { pickBusiest } from '../../../src/core/monitor/busiest.js';
import { makeSnapshot } from '../helpers/snapshot.js';
import { fixture } from '../helpers/fixtures.js';

const MIB = 2 ** 20;

describe('target header', () => {
  it('reads engine, preset, ring buffers and limits from the real upstream falco.yaml', () => {
    const snap = makeSnapshot({ cpuPercent: 5, memBytes: 100 * MIB });
    const { header, webserver } = describeTarget(snap.target, { configFiles: snap.falco.configFiles, overrides: [], startupLines: [], hostCpus: 4 });
    expect(header).toMatchObject({
      name: 'falco-security-monitor',
      falcoVersion: '0.44.1',
      engineKind: 'modern_ebpf',
      bufferPreset: 4,
      // preset 4 = 8 MiB, one buffer per 2 CPUs on 4 CPUs
      ringBufferBytes: 16 * MIB,
      cpuLimitCores: 0.2,
      memLimitBytes: 512 * MIB,
      prometheus: false,
      lab: false,
    });
    expect(webserver).toEqual({ enabled: true, port: 8765, healthzPath: '/healthz', prometheus: false, tls: false });
  });

  it('applies -o overrides and takes the version from the startup log when the image has no tag', () => {
    const snap = makeSnapshot({ cpuPercent: 5, memBytes: 100 * MIB });
    const { header } = describeTarget(
      { ...snap.target, image: 'falcosecurity/falco:latest', limits: { ...snap.target.limits, nanoCpus: 0, memoryBytes: 0 } },
      {
        configFiles: snap.falco.configFiles,
        overrides: ['engine.modern_ebpf.buf_size_preset=1', 'metrics.enabled=true', 'webserver.prometheus_metrics_enabled=true'],
        startupLines: fixture('samples/startup-log.txt').split('\n'),
        hostCpus: 2,
      },
    );
    expect(header).toMatchObject({
      falcoVersion: '0.42.1',
      bufferPreset: 1,
      ringBufferBytes: 1 * MIB,
      cpuLimitCores: null,
      memLimitBytes: null,
      prometheus: true,
    });
  });
});

describe('busiest service', () => {
  it('picks the highest CPU, memory breaking ties; none from nothing', () => {
    const c = (name: string, cpuPercent: number, memBytes: number, serves = true) => ({ id: name, name, cpuPercent, memBytes, serves });
    expect(pickBusiest([c('a', 1, 10), c('b', 7, 5), c('c', 7, 9)])?.name).toBe('c');
    expect(pickBusiest([])).toBeNull();
  });

  it('a container that serves (a published port, the host network) beats a busier one that serves nobody', () => {
    const c = (name: string, cpuPercent: number, serves: boolean) => ({ id: name, name, cpuPercent, memBytes: 1, serves });
    // the real-Falco lab: a syscall storm at 120 % of a core beside a trading bot idling at 0.1 %
    expect(pickBusiest([c('storm', 120, false), c('bot', 0.1, true)])?.name).toBe('bot');
    expect(pickBusiest([c('storm', 120, false), c('batch', 3, false)])?.name).toBe('storm');
  });
});
