// Falco STAND-IN (falco-doctor lab), not Falco: Falco's embedded webserver. The health endpoint answers
// `{"status": "ok"}`, /versions the version JSON, and /metrics exists only when both
// webserver.prometheus_metrics_enabled and metrics.enabled are on (otherwise 404, like an
// unregistered route). Bodies match shared/fixtures/falco/samples/webserver-*.http.txt.
import http from 'node:http';
import { log } from './log.js';
import { versionsJson } from './version.js';

export interface WebserverRoutes {
  healthz: string;
  /** Returns the Prometheus body, or undefined when /metrics is not registered. */
  metrics: () => string | undefined;
}

export interface WebserverSettings {
  listenAddress: string;
  listenPort: number;
}

function send(res: http.ServerResponse, status: number, type: string | undefined, body: string): void {
  const headers: Record<string, string | number> = { 'Keep-Alive': 'timeout=5, max=100', 'Content-Length': Buffer.byteLength(body) };
  if (type) headers['Content-Type'] = type;
  res.writeHead(status, headers);
  res.end(body);
}

export function startWebserver(settings: WebserverSettings, routes: () => WebserverRoutes): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    const r = routes();
    if (req.method !== 'GET') return send(res, 404, undefined, '');
    if (url === r.healthz) return send(res, 200, 'application/json', '{"status": "ok"}');
    if (url === '/versions') return send(res, 200, 'application/json', versionsJson());
    if (url === '/metrics') {
      const body = r.metrics();
      if (body !== undefined) return send(res, 200, 'text/plain; version=0.0.4', body);
    }
    return send(res, 404, undefined, '');
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', (e) => {
      log('error', `Could not start the webserver: ${e.message}`);
      reject(e);
    });
    server.listen(settings.listenPort, settings.listenAddress, () => resolve(server));
  });
}
