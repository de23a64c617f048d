// The text of `falco-doctor lint` on Kubernetes input: the workload, the ring-buffer budget per node
// size, the falco.yaml lint (lines of the manifest or values file), then the findings, file:line first.
import { formatBytes } from '../core/falco/presets.js';
import type { KubeLintReport } from '../core/kube/lint.js';
import { lintText } from './lint-text.js';

const cpu = (v: number | null) => (v === null ? 'none' : v < 1 ? `${Math.round(v * 1000)}m` : String(v));
const mem = (v: number | null) => (v === null ? 'none' : formatBytes(v));
const pad = (s: string | number, n: number) => String(s).padStart(n);

export function kubeLintText(r: KubeLintReport): string {
  const w = r.workload;
  const out: string[] = [];
  out.push(
    `Falco ${w.controller.kind} ${w.controller.namespace}/${w.controller.name} (${w.controller.file}${w.controller.line ? `:${w.controller.line}` : ''}), image ${w.image ?? '?'} -> Falco ${w.falcoVersion ?? 'version unknown'}`,
  );
  out.push(`  falco.yaml: ${w.falcoYamlOrigin ?? 'not found among the files'}${w.engineKind ? ` · engine ${w.engineKind}` : ''}`);
  const res = w.resources;
  out.push(
    `  resources: requests cpu ${cpu(res.requests.cpu)} memory ${mem(res.requests.memoryBytes)} · limits cpu ${cpu(res.limits.cpu)} memory ${mem(res.limits.memoryBytes)}`,
  );
  const sc = w.securityContext;
  out.push(
    `  securityContext: ${sc.privileged ? 'privileged' : sc.capabilities.length > 0 ? `capabilities ${sc.capabilities.join(', ')}` : 'unprivileged'}${w.driverLoader ? ` · driver loader: ${w.driverLoader.args.join(' ') || '(default)'}` : ''}`,
  );
  if (r.budget) {
    const b = r.budget;
    out.push('');
    out.push(`ring-buffer memory per node size (one pod per node; every pod has the ${mem(b.limitBytes)} limit):`);
    out.push('  CPUs  driver       buffers  per buffer     total  of limit');
    for (const row of b.rows)
      out.push(
        `  ${pad(row.cpus, 4)}  ${row.kind.padEnd(11)}  ${pad(row.buffers, 7)}  ${pad(formatBytes(row.bytesPerBuffer), 10)}  ${pad(formatBytes(row.totalBytes), 8)}  ${pad(row.shareOfLimit === null ? '—' : `${Math.round(row.shareOfLimit * 100)} %`, 8)}  ${row.verdict}`,
      );
    if (b.kindsNote) out.push(`  note: ${b.kindsNote}`);
    out.push('  (the buffers come on top of what Falco itself uses; each is mapped twice in virtual memory, counted once here)');
  }
  if (r.falco) {
    out.push('');
    out.push(lintText(r.falco, 'rules: not linted (on Kubernetes falcoctl installs them at start; lint them with --rules on a falco.yaml)').trimEnd());
  }
  out.push('');
  if (r.issues.length === 0) out.push('deployment: no findings');
  for (const i of r.issues) out.push(`${i.file}${i.line ? `:${i.line}` : ''}: ${i.severity}: ${i.code}: ${i.message}`);
  return `${out.join('\n')}\n`;
}
