// Falco's embedded webserver as the effective config sets it (defaults of 0.44.1's falco.yaml):
// enabled, port 8765, the health endpoint, Prometheus /metrics only with metrics.enabled too, and TLS
// when webserver.ssl_enabled (Falco then serves HTTPS only, with webserver.ssl_certificate).
import type { EffectiveConfig } from './config/types.js';
import { getPath } from './config/effective.js';

export interface WebserverSettings {
  enabled: boolean;
  port: number;
  healthzPath: string;
  prometheus: boolean;
  tls: boolean;
}

export function webserverSettings(config: EffectiveConfig): WebserverSettings {
  const at = (key: string) => getPath(config.value, key);
  return {
    enabled: at('webserver.enabled') !== false,
    port: Number(at('webserver.listen_port') ?? 8765),
    healthzPath: String(at('webserver.k8s_healthz_endpoint') ?? '/healthz'),
    prometheus: at('webserver.prometheus_metrics_enabled') === true && at('metrics.enabled') === true,
    tls: at('webserver.ssl_enabled') === true,
  };
}
