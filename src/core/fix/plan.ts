// Turns a fix's declarative operations into concrete changes for this target: which key, from what
// value to what value. Pure: the adapters apply a plan; the undo is the plan's `before` values.
import type { Fix, FixOp, ValueSpec } from './schema.js';
import type { Facts } from '../diagnosis/evaluate.js';
import type { DiagnosisContext } from '../diagnosis/context.js';
import { getPath } from '../falco/config/effective.js';
import { presetBytes, formatBytes } from '../falco/presets.js';
import { ringBufferBudget } from '../falco/engine.js';
import { setAtPath } from '../falco/config/override.js';
import { knownKeysFor, lookupKey } from '../falco/config/model.js';
import { startupRefusals } from '../falco/config/refusals.js';

export type PlannedChange =
  | { kind: 'config-set'; key: string; before: unknown; after: unknown }
  | { kind: 'config-unset'; key: string; before: unknown }
  | { kind: 'disable-rules'; rules: string[]; priorityBelow: string }
  | { kind: 'limits'; cpus?: { before: number | null; after: number }; memoryMb?: { before: number | null; after: number } }
  /** the container's command line (Path + Args as Docker runs it) gains `add` */
  | { kind: 'command'; before: string[]; add: string[] };

export interface FixPlan {
  id: string;
  title: string;
  changes: PlannedChange[];
  /** why the fix cannot be applied here (wrong engine, value already set, guard refused) */
  refused: string | null;
  warnings: string[];
}

const PRIORITIES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug'];

export function planFix(id: string, fix: Fix, ctx: DiagnosisContext, facts: Facts): FixPlan {
  const plan: FixPlan = { id, title: fix.title, changes: [], refused: null, warnings: [] };
  if (fix.engines && (ctx.engineKind === null || !fix.engines.includes(ctx.engineKind))) {
    plan.refused = `applies to engine ${fix.engines.join('/')}, this Falco uses ${ctx.engineKind ?? 'an unknown engine'}`;
    return plan;
  }
  for (const op of fix.ops) {
    const change = planOp(op, ctx, facts);
    if (typeof change === 'string') {
      plan.refused = change;
      return plan;
    }
    plan.changes.push(change);
  }
  if (plan.changes.every(isNoop)) plan.refused = 'already in place';
  else {
    // a key already at the value is no change: the summary (and the journal) name only what moves
    plan.changes = plan.changes.filter((c) => !isNoop(c));
    refuseIfBuffersUnchanged(plan, ctx);
    refuseIfFalcoWouldNotStart(plan, ctx);
  }
  if (fix.guard === 'ring-buffer-memory') guardRingBuffer(plan, ctx);
  return plan;
}

const RING_BUFFER_KEY = /(^|\.)(buf_size_preset|cpus_for_each_buffer|cpus_for_each_syscall_buffer)$/;

/**
 * A change to the ring-buffer keys that leaves the buffers as they are is no fix: e.g. doubling
 * cpus_for_each_buffer on a host with no more CPUs than it (Falco clamps it to the online CPUs,
 * configure_syscall_buffer_num.cpp@0.42.1), where the buffer count, and so the memory, stays the same.
 */
function refuseIfBuffersUnchanged(plan: FixPlan, ctx: DiagnosisContext): void {
  const touched = plan.changes.filter((c): c is Extract<PlannedChange, { kind: 'config-set' }> => c.kind === 'config-set' && RING_BUFFER_KEY.test(c.key));
  if (touched.length === 0 || !ctx.ringBuffer) return;
  const value = structuredClone(ctx.config.value);
  for (const c of touched) setAtPath(value, c.key.split('.'), c.after);
  const after = ringBufferBudget({ ...ctx.config, value }, ctx.snapshot.host.cpus, ctx.version.version);
  if (after && after.buffers === ctx.ringBuffer.buffers && after.totalBytes === ctx.ringBuffer.totalBytes)
    plan.refused = `leaves the ring buffers as they are (${after.buffers} buffer(s) of ${formatBytes(after.bytesPerBuffer)} on ${ctx.snapshot.host.cpus} CPU(s)): no memory or drop change`;
}

/**
 * A fix must not leave a config Falco refuses to start with (config/refusals.ts): e.g. metrics.enabled
 * with metrics.interval absent, whose code default "5000" has no unit (configuration.cpp@0.42.1:618).
 */
function refuseIfFalcoWouldNotStart(plan: FixPlan, ctx: DiagnosisContext): void {
  const sets = plan.changes.filter((c): c is Extract<PlannedChange, { kind: 'config-set' }> => c.kind === 'config-set');
  if (sets.length === 0 || plan.refused) return;
  const value = structuredClone(ctx.config.value);
  for (const c of sets) setAtPath(value, c.key.split('.'), c.after);
  const before = new Set(ctx.refusals.map((r) => r.message));
  const added = startupRefusals({ ...ctx.config, value }, ctx.version.version).filter((r) => !before.has(r.message));
  if (added[0]) plan.refused = `Falco would refuse to start: ${added[0].message}`;
}

function planOp(op: FixOp, ctx: DiagnosisContext, facts: Facts): PlannedChange | string {
  switch (op.op) {
    case 'set': {
      const key = op.key.replace('{engine.kind}', ctx.engineKind ?? 'modern_ebpf');
      // a key this release does not read would be written and ignored (knowledge/falco-config-catalogue.json)
      const v = ctx.version.version;
      if (v !== null && lookupKey(key) && !knownKeysFor(v).has(key)) return `Falco ${v} does not read ${key}`;
      const after = resolveValue(op.value, ctx, facts);
      if (after === null) return `cannot compute a value for ${key}`;
      return { kind: 'config-set', key, before: getPath(ctx.config.value, key) ?? null, after };
    }
    case 'unset':
      return { kind: 'config-unset', key: op.key, before: getPath(ctx.config.value, op.key) ?? null };
    case 'disable-rules': {
      const cut = PRIORITIES.indexOf(op.priorityBelow);
      const rules = ctx.rules.rules.filter((r) => r.enabled && PRIORITIES.indexOf(normalisePriority(r.priority)) > cut).map((r) => r.name);
      if (rules.length === 0) return `no enabled rule is below ${op.priorityBelow}`;
      return { kind: 'disable-rules', rules, priorityBelow: op.priorityBelow };
    }
    case 'add-args': {
      const t = ctx.snapshot.target;
      if (Object.keys(t.labels).some((l) => l.startsWith('io.kubernetes.'))) return 'the container is managed by Kubernetes: change the pod spec instead';
      return { kind: 'command', before: t.cmd, add: op.args.filter((a) => !t.cmd.includes(a)) };
    }
    case 'update-limits': {
      const l = ctx.snapshot.target.limits;
      const change: Extract<PlannedChange, { kind: 'limits' }> = { kind: 'limits' };
      if (op.cpus !== undefined) {
        const after = resolveValue(op.cpus, ctx, facts);
        if (typeof after !== 'number') return 'cannot compute the new CPU limit (no limit set?)';
        change.cpus = { before: l.nanoCpus > 0 ? l.nanoCpus / 1e9 : null, after: Math.round(after * 100) / 100 };
      }
      if (op.memoryMb !== undefined) {
        const after = resolveValue(op.memoryMb, ctx, facts);
        if (typeof after !== 'number') return 'cannot compute the new memory limit (no limit set?)';
        change.memoryMb = { before: l.memoryBytes > 0 ? l.memoryBytes / 2 ** 20 : null, after };
      }
      return change;
    }
  }
}

function normalisePriority(p: string): string {
  const s = p.toLowerCase();
  return s === 'info' ? 'informational' : s;
}

export function resolveValue(v: ValueSpec, ctx: DiagnosisContext, facts: Facts): unknown {
  if (typeof v !== 'object' || Array.isArray(v)) return v;
  if ('derived' in v) return ctx.rules.requiredEventTypes.length > 0 ? ctx.rules.requiredEventTypes : null;
  const base = facts[v.probe];
  if (typeof base !== 'number') return null;
  let x = base * v.mul + v.add;
  if (v.round) x = Math.round(x);
  if (v.min !== undefined) x = Math.max(v.min, x);
  if (v.max !== undefined) x = Math.min(v.max, x);
  return x;
}

function isNoop(c: PlannedChange): boolean {
  if (c.kind === 'config-set') return JSON.stringify(c.before) === JSON.stringify(c.after);
  if (c.kind === 'command') return c.add.length === 0;
  if (c.kind === 'limits') return (c.cpus?.before ?? NaN) === c.cpus?.after && c.memoryMb === undefined;
  return false;
}

/** A bigger buffer must still fit: refuse at ≥ 90 % of the memory limit, warn at ≥ 60 %. */
function guardRingBuffer(plan: FixPlan, ctx: DiagnosisContext): void {
  const rb = ctx.ringBuffer;
  const limit = ctx.snapshot.target.limits.memoryBytes;
  const set = plan.changes.find((c) => c.kind === 'config-set' && c.key.endsWith('.buf_size_preset'));
  if (!rb || !set || set.kind !== 'config-set' || typeof set.after !== 'number') return;
  const per = presetBytes(set.after);
  if (per === null) return;
  const total = per * rb.buffers;
  const usedOutside = Math.max(0, (ctx.snapshot.samples.at(-1)?.memUsageBytes ?? 0) - rb.totalBytes);
  const text = `ring buffers would take ${formatBytes(total)} (${rb.buffers} × ${formatBytes(per)})`;
  if (limit <= 0) {
    plan.warnings.push(`${text}; the container has no memory limit`);
    return;
  }
  const share = (total + usedOutside) / limit;
  if (share >= 0.9)
    plan.refused = `${text}: with ${formatBytes(usedOutside)} used outside them that is ${Math.round(share * 100)} % of the ${formatBytes(limit)} limit, an OOM kill waiting to happen`;
  else if (share >= 0.6) plan.warnings.push(`${text}: ${Math.round(share * 100)} % of the ${formatBytes(limit)} limit with current other usage`);
}

export function describeChange(c: PlannedChange): string {
  switch (c.kind) {
    case 'config-set':
      return `${c.key}: ${show(c.before)} → ${show(c.after)}`;
    case 'config-unset':
      return `remove ${c.key} (was ${show(c.before)})`;
    case 'disable-rules':
      return `disable ${c.rules.length} rule${c.rules.length === 1 ? '' : 's'} below ${c.priorityBelow} via overrides`;
    case 'command':
      return `Falco's command line: ${c.before.join(' ')} → ${[...c.before, ...c.add].join(' ')} (the container is re-created)`;
    case 'limits':
      return [
        c.cpus ? `cpus ${c.cpus.before ?? 'unlimited'} → ${c.cpus.after}` : null,
        c.memoryMb ? `memory ${c.memoryMb.before === null ? 'unlimited' : `${c.memoryMb.before} MB`} → ${c.memoryMb.after} MB` : null,
      ]
        .filter(Boolean)
        .join(', ');
  }
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '(default)';
  if (Array.isArray(v)) return v.length > 6 ? `[${v.slice(0, 6).join(', ')}, … ${v.length} items]` : `[${v.join(', ')}]`;
  return String(v);
}
