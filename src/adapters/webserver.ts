// Falco's embedded webserver: where to reach it from the host (a published port, else the container's
// address on its network), the health endpoint and Prometheus /metrics. Short timeouts: a missing
// webserver must not stall a diagnosis.
import type { ContainerInfo } from '../core/snapshot.js';
import type { WebserverSettings } from '../core/falco/webserver.js';

/** Base URL to reach the webserver from the host, or null when there is no route to it. */
export function webserverUrl(info: ContainerInfo, ws: WebserverSettings): string | null {
  if (!ws.enabled) return null;
  const published = info.ports.find((p) => p.containerPort === ws.port && p.protocol === 'tcp');
  if (published) {
    const host = published.hostIp === '' || published.hostIp === '0.0.0.0' ? '127.0.0.1' : published.hostIp;
    return `http://${host.includes(':') ? `[${host}]` : host}:${published.hostPort}`;
  }
  // host networking: Falco listens on the host's own addresses
  if (info.networks.some((n) => n.name === 'host')) return `http://127.0.0.1:${ws.port}`;
  const ip = info.networks.find((n) => n.ip !== '')?.ip;
  return ip ? `http://${ip}:${ws.port}` : null;
}

export async function httpGet(url: string, timeoutMs = 2000): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.text();
  return { status: res.status, body: body.length > 4_000_000 ? body.slice(0, 4_000_000) : body };
}
