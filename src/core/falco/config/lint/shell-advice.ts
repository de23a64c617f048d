// Shell commands that circulate in tuning guides. Falco's webserver serves the health endpoint
// (/healthz by default), /versions, and /metrics when webserver.prometheus_metrics_enabled and
// metrics.enabled are on (userspace/falco/webserver.cpp; falco-facts.md). There is no /stats and no
// debugfs stats file.

export interface ShellAdvice {
  verdict: 'ok' | 'wrong';
  message: string;
  replacement: string | null;
}

const REAL_ENDPOINTS =
  'the real endpoints are /healthz, /versions and /metrics (Prometheus text, needs webserver.prometheus_metrics_enabled: true and metrics.enabled: true)';

export function explainShellAdvice(command: string): ShellAdvice | null {
  const cmd = command.trim();
  if (/\/sys\/kernel\/debug\/falco/.test(cmd))
    return {
      verdict: 'wrong',
      message:
        'There is no /sys/kernel/debug/falco/stats (or any Falco debugfs file). Drop and event counters come from the "Falco internal: syscall event drop" alerts, the metrics snapshot ("Falco internal: metrics snapshot", metrics.output_rule) or the webserver /metrics endpoint.',
      replacement: 'curl -s http://localhost:8765/metrics | grep falcosecurity_scap_n_drops',
    };
  const url = /\b(?:curl|wget|http|httpie)\b[^\n]*?(https?:\/\/[^\s'"]+|(?:localhost|127\.0\.0\.1|\[::1\]|[\w.-]+):\d+\/[^\s'"]*)/.exec(cmd)?.[1];
  if (!url) return null;
  const m = /^(?:https?:\/\/)?([^/]+)(\/[^?#]*)?/.exec(url);
  const host = m?.[1] ?? '';
  const path = m?.[2] ?? '/';
  const falcoPort = /:8765$/.test(host);
  const base = `http://${host}`;
  if (path === '/metrics')
    return {
      verdict: 'ok',
      message: `Prometheus metrics; served only when webserver.prometheus_metrics_enabled and metrics.enabled are true.`,
      replacement: null,
    };
  if (path === '/healthz' || path === '/versions')
    return {
      verdict: 'ok',
      message: path === '/healthz' ? 'Falco health endpoint (webserver.k8s_healthz_endpoint).' : 'Falco, libs, engine and driver versions as JSON.',
      replacement: null,
    };
  if (path.startsWith('/stats') || falcoPort)
    return { verdict: 'wrong', message: `Falco's webserver has no ${path} endpoint; ${REAL_ENDPOINTS}.`, replacement: `curl ${base}/metrics` };
  return null;
}
