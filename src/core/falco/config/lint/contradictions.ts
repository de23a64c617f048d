// Settings that contradict each other. Fatal ones are the checks Falco itself makes in
// userspace/falco/configuration.cpp load_yaml / load_engine_config (quoted in the messages).
import { has, report, valueAt, type LintContext } from './context.js';

const on = (v: unknown): boolean => v === true || v === 'true';

export function lintContradictions(ctx: LintContext): void {
  const v = (p: string): unknown => valueAt(ctx, p);

  if (on(v('webserver.prometheus_metrics_enabled'))) {
    if (has(ctx, 'webserver.enabled') && !on(v('webserver.enabled')))
      report(ctx, {
        class: 'contradiction',
        severity: 'warning',
        key: 'webserver.prometheus_metrics_enabled',
        message: 'webserver.prometheus_metrics_enabled is true but webserver.enabled is false: nothing serves /metrics.',
        replacement: 'webserver.enabled',
        fix: [{ key: 'webserver.enabled', value: true }],
      });
    if (!on(v('metrics.enabled')))
      report(ctx, {
        class: 'contradiction',
        severity: 'warning',
        key: 'webserver.prometheus_metrics_enabled',
        message: 'webserver.prometheus_metrics_enabled is true but metrics.enabled is not: /metrics needs metrics.enabled too.',
        replacement: 'metrics.enabled',
        fix: [{ key: 'metrics.enabled', value: true }],
      });
  }
  // Settings Falco refuses to start with (both rules keys, ignore with log/alert, an output without its
  // target, replay without a file, metrics without an output) are judged on the merged config by
  // ../refusals.ts: a critical finding and exit 2, not a per-file warning.
}
