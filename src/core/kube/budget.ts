// The ring-buffer memory of one Falco pod on nodes of different sizes. Every pod of a DaemonSet has
// the same memory limit, but Falco allocates its buffers per CPU group of the node it lands on
// (engine.ts ringBufferBudget: kmod one per online CPU, modern_ebpf one per cpus_for_each_buffer
// CPUs): the same buf_size_preset that fits a 4-CPU node can fill the limit on a 64-CPU node.
import { ringBufferBudget } from '../falco/engine.js';
import { formatBytes } from '../falco/presets.js';
import type { EffectiveConfig } from '../falco/config/types.js';
import type { FalcoWorkload, KubeIssue } from './types.js';

export const DEFAULT_NODE_CPUS = [4, 16, 64];
/** as FD-MEM-RINGBUF-BUDGET on a VPS: buffers alone at half the limit leave too little for Falco itself */
const WARN_SHARE = 0.5;
const OVER_SHARE = 0.9;

export interface BudgetRow {
  cpus: number;
  kind: string;
  /** a driver the loader may fall back to on some nodes, not the one falco.yaml names */
  fallback: boolean;
  buffers: number;
  bytesPerBuffer: number;
  totalBytes: number;
  /** of the memory limit; null without a limit */
  shareOfLimit: number | null;
  verdict: 'ok' | 'tight' | 'over' | 'no-limit';
}

export interface Budget {
  limitBytes: number | null;
  requestBytes: number | null;
  /** why more than the configured kind is shown */
  kindsNote: string | null;
  rows: BudgetRow[];
}

export function bufferBudget(w: FalcoWorkload, config: EffectiveConfig, nodeCpus: readonly number[]): Budget {
  const limit = w.resources.limits.memoryBytes;
  const first = ringBufferBudget(config, 1, w.falcoVersion);
  const kinds = first ? [first.kind] : [];
  let kindsNote: string | null = null;
  if (first?.kind === 'modern_ebpf' && w.driverLoader?.args.includes('auto')) {
    kinds.push('kmod');
    kindsNote = 'the driver loader runs with "auto": it picks the driver on each node, and where it falls back to kmod there is one buffer per CPU';
  }
  const rows: BudgetRow[] = [];
  for (const cpus of nodeCpus)
    for (const kind of kinds) {
      const b = ringBufferBudget(withKind(config, kind), cpus, w.falcoVersion);
      if (!b) continue;
      const share = limit ? b.totalBytes / limit : null;
      rows.push({
        cpus,
        kind,
        fallback: kind !== first?.kind,
        buffers: b.buffers,
        bytesPerBuffer: b.bytesPerBuffer,
        totalBytes: b.totalBytes,
        shareOfLimit: share,
        verdict: share === null ? 'no-limit' : share >= OVER_SHARE ? 'over' : share >= WARN_SHARE ? 'tight' : 'ok',
      });
    }
  return { limitBytes: limit, requestBytes: w.resources.requests.memoryBytes, kindsNote, rows };
}

function withKind(config: EffectiveConfig, kind: string): EffectiveConfig {
  const value = structuredClone(config.value);
  const engine = (value['engine'] ?? {}) as Record<string, unknown>;
  value['engine'] = { ...engine, kind };
  return { ...config, value };
}

export function budgetIssues(w: FalcoWorkload, b: Budget): KubeIssue[] {
  const bad = b.rows.filter((r) => r.verdict === 'over' || r.verdict === 'tight');
  if (bad.length === 0) return [];
  const worst = bad.reduce((a, r) => (r.totalBytes > a.totalBytes ? r : a));
  const sizes = [...new Set(bad.map((r) => r.cpus))].join(', ');
  // rows of a fallback driver only happen on nodes where the loader picks it: said, not alarmed
  const configured = bad.filter((r) => !r.fallback);
  const severity = configured.some((r) => r.verdict === 'over') ? 'error' : configured.length > 0 ? 'warning' : 'info';
  return [
    {
      code: 'FD-KUBE-RINGBUF-BUDGET',
      severity,
      file: w.controller.file,
      line: w.lines.resources ?? w.controller.line,
      key: 'resources.limits.memory',
      message:
        `on ${sizes}-CPU nodes the ring buffers alone take ${formatBytes(worst.totalBytes)} (${worst.buffers} × ${formatBytes(worst.bytesPerBuffer)}, ${worst.kind}) ` +
        `of the ${formatBytes(b.limitBytes ?? 0)} limit every pod shares (${Math.round((worst.shareOfLimit ?? 0) * 100)} %)${worst.verdict === 'over' ? ': Falco is OOM-killed or cannot start there' : ''}${worst.fallback ? `, where the driver loader falls back to ${worst.kind}` : ''}; ` +
        `lower buf_size_preset, raise cpus_for_each_buffer (modern_ebpf), or raise the limit for those nodes`,
    },
  ];
}
