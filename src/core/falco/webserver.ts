// Falco's embedded webserver as the effective config sets it. An absent key takes the default in
// Falco's code, not the shipped yaml's: webserver.enabled is false in code (configuration.cpp@0.42.1:523,
// the same 0.35.0–0.44.1) although every shipped falco.yaml sets true. Port 8765, the health endpoint,
// Prometheus /metrics only with metrics.enabled too, and TLS when webserver.ssl_enabled (HTTPS only).
import type { EffectiveConfig } from './config/types.js';
import { getPath } from './config/effective.js';
import { isOn as on } from './config/yaml-cpp-bool.js';

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
    enabled: on(at('webserver.enabled')),
    port: Number(at('webserver.listen_port') ?? 8765),
    healthzPath: String(at('webserver.k8s_healthz_endpoint') ?? '/healthz'),
    prometheus: on(at('webserver.prometheus_metrics_enabled')) && on(at('metrics.enabled')),
    tls: on(at('webserver.ssl_enabled')),
  };
}
