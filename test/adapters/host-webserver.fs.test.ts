// The host facts and Falco's webserver client, against the real kernel files and real HTTP(S)
// servers on loopback (issue 6 replaced systeminformation and fetch() with node:os and node:http).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memAvailableFromMeminfo, readHost } from '../../src/adapters/host.js';
import { httpGet } from '../../src/adapters/webserver.js';

const kib = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(text)?.[1]) * 1024;

describe('readHost', () => {
  it('reports what the kernel and the usual tools report', async () => {
    const h = await readHost();
    const meminfo = readFileSync('/proc/meminfo', 'utf8');
    expect(h.cpus).toBe(Number(execFileSync('getconf', ['_NPROCESSORS_ONLN'], { encoding: 'utf8' }).trim()));
    expect(h.kernel).toBe(execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim());
    expect(h.memTotalBytes).toBe(kib(meminfo, 'MemTotal'));
    // available memory moves between two reads: within 5 % of the kernel's figure read just after
    expect(Math.abs(h.memAvailableBytes - kib(meminfo, 'MemAvailable'))).toBeLessThan(kib(meminfo, 'MemTotal') * 0.05);
    const load1 = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
    expect(Math.abs(h.load1 - load1)).toBeLessThan(1);
  });

  it('reads MemAvailable and says when a kernel has none', () => {
    expect(memAvailableFromMeminfo('MemTotal:       24562340 kB\nMemFree:         1000 kB\nMemAvailable:   20176128 kB\n')).toBe(20176128 * 1024);
    // kernels before 3.14 have no MemAvailable: the caller falls back to os.freemem()
    expect(memAvailableFromMeminfo('MemTotal:       24562340 kB\nMemFree:         1000 kB\n')).toBeNull();
  });
});

describe('httpGet', () => {
  const servers: (http.Server | https.Server)[] = [];
  afterAll(() => {
    for (const s of servers) s.close();
  });
  const listen = async (s: http.Server | https.Server) => {
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return (s.address() as AddressInfo).port;
  };

  it('returns the status and the body of a plain-HTTP answer', async () => {
    const port = await listen(
      http.createServer((req, res) => {
        res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
        res.end(req.url === '/healthz' ? '{"status": "ok"}' : 'no');
      }),
    );
    expect(await httpGet(`http://127.0.0.1:${port}/healthz`)).toEqual({ status: 200, body: '{"status": "ok"}' });
    expect((await httpGet(`http://127.0.0.1:${port}/stats`)).status).toBe(404);
  });

  it('gives up at the deadline when the server never answers', async () => {
    const port = await listen(http.createServer(() => undefined));
    const t0 = Date.now();
    await expect(httpGet(`http://127.0.0.1:${port}/metrics`, 300)).rejects.toThrow('no answer within 300 ms');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('fails at once when nothing listens', async () => {
    const port = await listen(http.createServer());
    // closed, and the port free, when close() calls back: no sleep
    await new Promise((r) => servers.pop()?.close(r));
    await expect(httpGet(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps at most 4 MB of a body', async () => {
    const big = 'x'.repeat(5_000_000);
    const port = await listen(http.createServer((_req, res) => res.end(big)));
    const r = await httpGet(`http://127.0.0.1:${port}/metrics`);
    expect(r.body.length).toBe(4_000_000);
  });

  it("reads Falco's HTTPS webserver with a self-signed certificate (ssl_enabled)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fd-tls-'));
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '1', '-subj', '/CN=falco'],
        { stdio: 'ignore' },
      );
      const port = await listen(
        https.createServer({ key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) }, (_req, res) => res.end('{"status": "ok"}')),
      );
      expect(await httpGet(`https://127.0.0.1:${port}/healthz`)).toEqual({ status: 200, body: '{"status": "ok"}' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
