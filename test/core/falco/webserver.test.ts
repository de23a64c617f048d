// Falco's webserver as the effective config sets it, on the real upstream falco.yaml and with the
// overrides an operator would pass (-o), including TLS (webserver.ssl_enabled).
import { describe, expect, it } from 'vitest';
import { effectiveConfigOfFiles } from '../../../src/core/falco/config/from-files.js';
import { webserverSettings } from '../../../src/core/falco/webserver.js';
import { falcoYaml } from '../helpers/fixtures.js';

const upstream = (version: string) => [falcoYaml(version)];

describe('webserverSettings', () => {
  it("reads 0.44.1's shipped defaults: on, 8765, /healthz, no Prometheus, no TLS", () => {
    expect(webserverSettings(effectiveConfigOfFiles(upstream('0.44.1'), []))).toEqual({
      enabled: true,
      port: 8765,
      healthzPath: '/healthz',
      prometheus: false,
      tls: false,
    });
  });

  it('needs both metrics.enabled and webserver.prometheus_metrics_enabled for /metrics', () => {
    const only = webserverSettings(effectiveConfigOfFiles(upstream('0.44.1'), ['webserver.prometheus_metrics_enabled=true']));
    expect(only.prometheus).toBe(false);
    const both = webserverSettings(effectiveConfigOfFiles(upstream('0.44.1'), ['webserver.prometheus_metrics_enabled=true', 'metrics.enabled=true']));
    expect(both.prometheus).toBe(true);
  });

  it('follows ssl_enabled, port and endpoint overrides', () => {
    const s = webserverSettings(
      effectiveConfigOfFiles(upstream('0.44.1'), ['webserver.ssl_enabled=true', 'webserver.listen_port=9876', 'webserver.k8s_healthz_endpoint=/health']),
    );
    expect(s).toMatchObject({ tls: true, port: 9876, healthzPath: '/health' });
  });
});

describe('absent keys take the defaults in Falco code, not the shipped yaml', () => {
  it('no webserver block: the webserver is off (configuration.cpp@0.42.1:523 get_scalar<bool>("webserver.enabled", false))', () => {
    const cfg = effectiveConfigOfFiles([{ path: '/etc/falco/falco.yaml', text: 'json_output: true\n' }], []);
    expect(webserverSettings(cfg)).toMatchObject({ enabled: false, prometheus: false });
    // -o gives strings; yaml-cpp reads "true" as a boolean
    expect(
      webserverSettings(effectiveConfigOfFiles([{ path: '/etc/falco/falco.yaml', text: 'json_output: true\n' }], ['webserver.enabled=true'])).enabled,
    ).toBe(true);
  });
});
