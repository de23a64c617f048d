// The protected service's latency, one probe at a time: an HTTP GET on a kept-alive connection (the
// request, not the handshake), a TCP connect (the network path), or a command run inside the service's
// container with an argument array (docker exec; includes exec's own overhead, the same in every window).
import http from 'node:http';
import net from 'node:net';
import type { DockerClient } from '../docker/client.js';
import type { LatencyProbe } from '../../core/rollout/state.js';
import { execOutput } from '../docker/exec.js';

const TIMEOUT_MS = 2000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Milliseconds, or null when the probe failed (timeout, refused, non-2xx, non-zero exit). */
export async function probeLatency(docker: DockerClient, serviceId: string, probe: LatencyProbe): Promise<number | null> {
  const t0 = performance.now();
  switch (probe.kind) {
    case 'http':
      return (await httpOk(probe.url)) ? performance.now() - t0 : null;
    case 'tcp':
      return connectMs(probe.host, probe.port);
    case 'exec':
      return (await execOutput(docker, serviceId, probe.argv, TIMEOUT_MS)) === null ? null : performance.now() - t0;
  }
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    // a ref'd timer: fetch's AbortSignal.timeout is unref'd and could let the process run out of work
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
    });
    const timer = setTimeout(() => req.destroy(new Error('timeout')), TIMEOUT_MS);
    req.on('error', () => resolve(false));
    req.on('close', () => clearTimeout(timer));
  });
}

export function connectMs(host: string, port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const sock = net.connect({ host, port });
    const timer = setTimeout(() => sock.destroy(new Error('timeout')), TIMEOUT_MS);
    sock.once('connect', () => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      sock.destroy();
      resolve(ms);
    });
    sock.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

export function closeProbes(): void {
  agent.destroy();
}
