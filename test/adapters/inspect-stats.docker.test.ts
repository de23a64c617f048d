// The one inspect parser, the one stats reader and the target's launch against a real container (a
// throwaway one, not the shared lab): limits, Config.Cmd, labels, a bind mount and a published port
// as Docker reports them, and block I/O that the rollout's sampler now reads through docker/stats.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDocker } from '../../src/adapters/docker/client.js';
import { parseInspect, toContainerInfo } from '../../src/adapters/docker/inspect.js';
import { blockIoBytes, blockIoPerSec, readStats, toSample } from '../../src/adapters/docker/stats.js';
import { limitsOf, readLimits } from '../../src/adapters/apply/limits.js';
import { findComposeFile } from '../../src/adapters/apply/compose.js';
import { launchOf } from '../../src/core/target/launch.js';
import { webserverUrls } from '../../src/core/target/webserver-url.js';
import { BOT_IMAGE } from '../lab/images.js';

const docker = connectDocker();
const dir = mkdtempSync(path.join(os.tmpdir(), 'fd-inspect-'));
let id = '';

// writes 32 MiB to the container's disk and syncs it, so the block device sees it, then idles
const WRITER =
  "const fs=require('fs');setTimeout(()=>{const fd=fs.openSync('/tmp/blk','w');const b=Buffer.alloc(1<<20,7);for(let i=0;i<32;i++)fs.writeSync(fd,b);fs.fsyncSync(fd);fs.closeSync(fd)},2500);setInterval(()=>{},1000)";

beforeAll(async () => {
  writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  falco:\n    image: falcosecurity/falco:0.42.1\n');
  const c = await docker.createContainer({
    Image: BOT_IMAGE,
    Entrypoint: ['/usr/bin/node'],
    Cmd: ['-e', WRITER],
    name: `fd-inspect-test-${process.pid}`,
    Labels: {
      'falco-doctor.test': 'inspect-stats',
      // what Docker Compose puts on a service's container; the file named is a real one
      'com.docker.compose.project': 'fdtest',
      'com.docker.compose.service': 'falco',
      'com.docker.compose.project.working_dir': dir,
      'com.docker.compose.project.config_files': 'compose.yaml',
    },
    ExposedPorts: { '8765/tcp': {} },
    HostConfig: {
      NanoCpus: 0.5e9,
      Memory: 128 * 2 ** 20,
      MemorySwap: 256 * 2 ** 20,
      Binds: [`${dir}:/etc/falco:ro`],
      PortBindings: { '8765/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
    },
  });
  id = c.id;
  await c.start();
}, 60_000);
afterAll(async () => {
  if (id) await docker.getContainer(id).remove({ force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('one inspect parser', () => {
  it('reads state, limits, Config.Cmd, mounts and the published port as Docker reports them', async () => {
    const i = parseInspect(await docker.getContainer(id).inspect());
    expect(i.State.Running).toBe(true);
    expect(i.Config.Cmd).toEqual(['-e', WRITER]);
    expect(i.Image).toMatch(/^sha256:/);
    // Docker says 'default' for the default bridge; recreate.ts treats both alike
    expect(i.HostConfig.NetworkMode).toMatch(/^(default|bridge)$/);
    expect(limitsOf(i)).toEqual({ nanoCpus: 0.5e9, cpuQuota: 0, cpuPeriod: 0, memoryBytes: 128 * 2 ** 20, memorySwapBytes: 256 * 2 ** 20 });
    expect(await readLimits(docker, id)).toEqual(limitsOf(i));
    const info = toContainerInfo(i);
    expect(info.mounts).toContainEqual({ type: 'bind', source: dir, destination: '/etc/falco', rw: false });
    const port = info.ports.find((p) => p.containerPort === 8765);
    expect(port?.hostIp).toBe('127.0.0.1');
    const ws = { enabled: true, port: 8765, healthzPath: '/healthz', prometheus: true, tls: false };
    expect(webserverUrls(info, ws).metrics).toBe(`http://127.0.0.1:${port?.hostPort}/metrics`);
  });

  it("the launch read from the container's compose labels finds the compose file that defines the service", async () => {
    const info = toContainerInfo(parseInspect(await docker.getContainer(id).inspect()));
    const launch = launchOf(info.labels);
    expect(launch).toEqual({ kind: 'compose', project: 'fdtest', service: 'falco', files: [path.join(dir, 'compose.yaml')] });
    expect(await findComposeFile(launch)).toMatchObject({ path: path.join(dir, 'compose.yaml'), service: 'falco', root: dir });
  });
});

describe('one stats reader', () => {
  it('memory and its limit, and CPU, by the docker stats formula', async () => {
    const before = await readStats(docker, id);
    await new Promise((r) => setTimeout(r, 1000));
    const s = toSample(await readStats(docker, id), before, 2 ** 50);
    expect(s.memLimitBytes).toBe(128 * 2 ** 20);
    // node's own heap at least; the 32 MiB file is page cache, left out as docker stats leaves it out
    expect(s.memUsageBytes).toBeGreaterThan(4 * 2 ** 20);
    expect(s.memUsageBytes).toBeLessThan(128 * 2 ** 20);
    expect(s.cpuPercent).toBeGreaterThanOrEqual(0);
  });

  it('block I/O counts what the container wrote and synced', async (ctx) => {
    const before = await readStats(docker, id);
    await new Promise((r) => setTimeout(r, 5000));
    const after = await readStats(docker, id);
    // some hosts (cgroup v1 without blkio accounting on the device) give Docker no entries at all
    if ((after.blkio_stats.io_service_bytes_recursive ?? []).length === 0) ctx.skip('not measured: Docker reports no block I/O entries on this host');
    expect(blockIoBytes(after) - blockIoBytes(before)).toBeGreaterThanOrEqual(32 * 2 ** 20);
    const seconds = (Date.parse(after.read) - Date.parse(before.read)) / 1000;
    expect(blockIoPerSec(after, before)).toBeCloseTo((blockIoBytes(after) - blockIoBytes(before)) / seconds, 0);
  });
});
