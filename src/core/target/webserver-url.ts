// Where Falco's webserver answers from the host: a published port, else the container's address on its
// network (the host's own with host networking). Pure: the addresses come from the inspect.
import type { ContainerInfo } from '../snapshot.js';
import type { WebserverSettings } from '../falco/webserver.js';

export interface WebserverUrls {
  /** base URL, or null when the webserver is off or there is no route to it */
  base: string | null;
  healthz: string | null;
  /** null also when Prometheus metrics are off */
  metrics: string | null;
}

/** Base URL to reach the webserver from the host, or null when there is no route to it. */
export function webserverUrl(info: Pick<ContainerInfo, 'ports' | 'networks'>, ws: WebserverSettings): string | null {
  if (!ws.enabled) return null;
  const scheme = ws.tls ? 'https' : 'http';
  const published = info.ports.find((p) => p.containerPort === ws.port && p.protocol === 'tcp');
  if (published) {
    const host = published.hostIp === '' || published.hostIp === '0.0.0.0' ? '127.0.0.1' : published.hostIp;
    return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${published.hostPort}`;
  }
  // host networking: Falco listens on the host's own addresses
  if (info.networks.some((n) => n.name === 'host')) return `${scheme}://127.0.0.1:${ws.port}`;
  const ip = info.networks.find((n) => n.ip !== '')?.ip;
  return ip ? `${scheme}://${ip}:${ws.port}` : null;
}

export function webserverUrls(info: Pick<ContainerInfo, 'ports' | 'networks'>, ws: WebserverSettings): WebserverUrls {
  const base = webserverUrl(info, ws);
  return { base, healthz: base && `${base}${ws.healthzPath}`, metrics: base && ws.prometheus ? `${base}/metrics` : null };
}
