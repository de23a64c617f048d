// The one description of the Falco target (core/target/describe.ts), from the real upstream falco.yaml
// and startup log: what the home header, diagnose, fix and the rollout read of it.
import { describe, expect, it } from 'vitest';
import { describeFalcoTarget } from '../../../src/core/target/describe.js';
import { launchOf } from '../../../src/core/target/launch.js';
import { webserverUrl, webserverUrls } from '../../../src/core/target/webserver-url.js';
import { buildContext } from '../../../src/core/diagnosis/context.js';
import type { ContainerInfo } from '../../../src/core/snapshot.js';
import { makeSnapshot } from '../helpers/snapshot.js';
import { fixture } from '../helpers/fixtures.js';

const MIB = 2 ** 20;

describe('target header', () => {
  it('reads engine, preset, ring buffers and limits from the real upstream falco.yaml', () => {
    const snap = makeSnapshot({ cpuPercent: 5, memBytes: 100 * MIB });
    const { header, webserver } = describeFalcoTarget(snap.target, {
      configFiles: snap.falco.configFiles,
      overrides: [],
      startupLines: [],
      versionOutput: null,
      hostCpus: 4,
    });
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
    const { header } = describeFalcoTarget(
      { ...snap.target, image: 'falcosecurity/falco:latest', limits: { ...snap.target.limits, nanoCpus: 0, memoryBytes: 0 } },
      {
        configFiles: snap.falco.configFiles,
        overrides: ['engine.modern_ebpf.buf_size_preset=1', 'metrics.enabled=true', 'webserver.prometheus_metrics_enabled=true'],
        startupLines: fixture('samples/startup-log.txt').split('\n'),
        versionOutput: null,
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

describe('the target: config, watch, URLs, launch', () => {
  it('finds falco.yaml in the container, its host file and the bind mount that holds it', () => {
    const snap = makeSnapshot({ cpuPercent: 5, memBytes: 100 * MIB });
    const t = describeFalcoTarget(snap.target, { configFiles: snap.falco.configFiles, overrides: [], startupLines: [], versionOutput: null, hostCpus: 4 });
    expect(t.config).toMatchObject({ path: '/etc/falco/falco.yaml', hostPath: '/srv/falco/falco.yaml', root: '/srv/falco' });
    // the shipped 0.42.1 falco.yaml sets watch_config_files: true
    expect(t.watchConfig).toBe(true);
    const off = describeFalcoTarget(snap.target, {
      configFiles: snap.falco.configFiles,
      overrides: ['watch_config_files=false'],
      startupLines: [],
      versionOutput: null,
      hostCpus: 4,
    });
    expect(off.watchConfig).toBe(false);
    const inside = describeFalcoTarget(
      { ...snap.target, mounts: [] },
      { configFiles: [{ path: '/etc/falco/falco.yaml', hostPath: null, text: '' }], overrides: [], startupLines: [], versionOutput: null, hostCpus: 1 },
    );
    expect(inside.config).toMatchObject({ path: '/etc/falco/falco.yaml', hostPath: null, root: null });
  });

  it('is what diagnose reads: buildContext takes config, version, engine and ring buffer from it', () => {
    const snap = makeSnapshot({ cpuPercent: 5, memBytes: 100 * MIB });
    const ctx = buildContext(snap);
    expect(ctx.config).toBe(ctx.target.config.effective);
    expect(ctx.version).toBe(ctx.target.version);
    expect([ctx.engineKind, ctx.ringBuffer]).toEqual([ctx.target.engineKind, ctx.target.ringBuffer]);
    expect(ctx.target.header.falcoVersion).toBe(ctx.version.version);
  });

  it('health and metrics URLs: /metrics only when Prometheus metrics are served', () => {
    const ws = { enabled: true, port: 8765, healthzPath: '/ready', prometheus: false, tls: false };
    const on = { ports: [], networks: [{ name: 'bridge', ip: '172.17.0.2' }] };
    expect(webserverUrls(on, ws)).toEqual({ base: 'http://172.17.0.2:8765', healthz: 'http://172.17.0.2:8765/ready', metrics: null });
    expect(webserverUrls(on, { ...ws, prometheus: true }).metrics).toBe('http://172.17.0.2:8765/metrics');
    expect(webserverUrls({ ports: [], networks: [] }, ws)).toEqual({ base: null, healthz: null, metrics: null });
  });

  it('a compose service with its files resolved against the project folder; a plain run otherwise', () => {
    expect(
      launchOf({
        'com.docker.compose.project': 'sec',
        'com.docker.compose.service': 'falco',
        'com.docker.compose.project.working_dir': '/srv/sec',
        'com.docker.compose.project.config_files': '/srv/sec/compose.yaml, override.yaml',
      }),
    ).toEqual({ kind: 'compose', project: 'sec', service: 'falco', files: ['/srv/sec/compose.yaml', '/srv/sec/override.yaml'] });
    expect(launchOf({ 'com.docker.compose.service': 'falco' })).toEqual({ kind: 'run' });
    expect(launchOf({})).toEqual({ kind: 'run' });
  });
});

describe('webserverUrl', () => {
  const info = (over: Partial<ContainerInfo>) => ({ ports: [], networks: [], ...over }) as unknown as ContainerInfo;
  const ws = { enabled: true, port: 8765, healthzPath: '/healthz', prometheus: false, tls: false };

  it('prefers a published port, on loopback when it is bound to all addresses', () => {
    const i = info({
      ports: [{ containerPort: 8765, hostPort: 18765, hostIp: '0.0.0.0', protocol: 'tcp' }],
      networks: [{ name: 'bridge', ip: '172.17.0.2' }],
    } as Partial<ContainerInfo>);
    expect(webserverUrl(i, ws)).toBe('http://127.0.0.1:18765');
    expect(webserverUrl(i, { ...ws, tls: true })).toBe('https://127.0.0.1:18765');
  });

  it("uses the container's address, or the host's own with host networking", () => {
    expect(webserverUrl(info({ networks: [{ name: 'bridge', ip: '172.17.0.2' }] } as Partial<ContainerInfo>), ws)).toBe('http://172.17.0.2:8765');
    expect(webserverUrl(info({ networks: [{ name: 'host', ip: '' }] } as Partial<ContainerInfo>), { ...ws, tls: true })).toBe('https://127.0.0.1:8765');
  });

  it('has no URL when the webserver is off or there is no route', () => {
    expect(webserverUrl(info({ networks: [{ name: 'bridge', ip: '172.17.0.2' }] } as Partial<ContainerInfo>), { ...ws, enabled: false })).toBeNull();
    expect(webserverUrl(info({ networks: [{ name: 'none', ip: '' }] } as Partial<ContainerInfo>), ws)).toBeNull();
  });
});
