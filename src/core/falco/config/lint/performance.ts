// Performance traps with a documented basis (falco.yaml 0.44.1 comments).
import { presetBytes, formatBytes } from '../../presets.js';
import { durationMs } from './convert.js';
import { report, valueAt, type LintContext } from './context.js';

const MIN_INTERVAL_MS = 100; // "A minimum interval of 100ms is enforced for metric collection."
const PROD_INTERVAL_MS = 15 * 60_000; // "we recommend ... 15m, 30m, 1h, 4h, 6h" for production

export function lintPerformance(ctx: LintContext): void {
  const interval = durationMs(valueAt(ctx, 'metrics.interval'));
  if (interval !== null) {
    if (interval < MIN_INTERVAL_MS)
      report(ctx, {
        class: 'out-of-range',
        severity: 'error',
        key: 'metrics.interval',
        message: `metrics.interval ${String(valueAt(ctx, 'metrics.interval'))} is below the 100ms minimum Falco enforces.`,
      });
    else if (interval < PROD_INTERVAL_MS && valueAt(ctx, 'metrics.enabled') === true)
      report(ctx, {
        class: 'performance',
        severity: 'info',
        key: 'metrics.interval',
        message: `metrics.interval ${String(valueAt(ctx, 'metrics.interval'))} is fine for a diagnosis; for production falco.yaml recommends 15m, 30m, 1h, 4h or 6h.`,
      });
  }

  for (const kind of ['kmod', 'ebpf', 'modern_ebpf']) {
    const key = `engine.${kind}.buf_size_preset`;
    const p = valueAt(ctx, key);
    const bytes = typeof p === 'number' ? presetBytes(p) : null;
    if (kind === ctx.kind && bytes !== null && p !== null && (p as number) >= 7)
      report(ctx, {
        class: 'performance',
        severity: 'info',
        key,
        message: `${key}: ${p} means ${formatBytes(bytes)} per ring buffer, mapped twice in virtual memory (${formatBytes(2 * bytes)} VSZ per buffer); multiply by the number of buffers.`,
      });
  }

  if (valueAt(ctx, 'syscall_event_drops.simulate_drops') === true)
    report(ctx, {
      class: 'performance',
      severity: 'warning',
      key: 'syscall_event_drops.simulate_drops',
      message: 'syscall_event_drops.simulate_drops is for debugging/testing: drops are simulated, the threshold does not apply and the drop actions fire.',
      replacement: 'syscall_event_drops.simulate_drops',
      fix: [{ key: 'syscall_event_drops.simulate_drops', value: false }],
    });

  if (valueAt(ctx, 'base_syscalls.all') === true)
    report(ctx, {
      class: 'performance',
      severity: 'warning',
      key: 'base_syscalls.all',
      message: 'base_syscalls.all traces every event Falco supports, including ones ignored by default such as write: "may negatively impact performance".',
    });
}
