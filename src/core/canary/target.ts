// What the target's configuration says about a canary before it fires: is its rule loaded and enabled
// (and if not, why), does the traced syscall set still carry what the rule needs, where can its alert be
// read. Pure: everything comes from the diagnosis context (effective config, rules, buffering).
import type { DiagnosisContext } from '../diagnosis/context.js';
import { configValue } from '../diagnosis/drop-reporting.js';
import { isOn } from '../falco/config/yaml-cpp-bool.js';
import { bindMountFor } from '../bind-mount.js';
import { matchesWildcard } from '../falco/rules/selection.js';
import { belowMinimum } from '../falco/rules/loading.js';
import type { RuleInfo } from '../falco/rules/types.js';
import type { Canary } from './schema.js';

export type RuleState =
  | { state: 'enabled'; rule: RuleInfo }
  | { state: 'not-loaded' }
  | { state: 'disabled'; by: string; rule: RuleInfo | null }
  | { state: 'below-priority'; minimum: string; rule: RuleInfo | null }
  /** no rules file was read (a Kubernetes pod: falcoctl installs them into an emptyDir the API cannot show) */
  | { state: 'unread'; why: string };

export interface Channel {
  kind: 'stdout' | 'file';
  /** container path of the file output; its host path when bind-mounted */
  path: string | null;
  hostPath: string | null;
}

export interface CanaryTarget {
  canary: Canary;
  rule: RuleState;
  /** syscalls the rule or its state needs that the traced set leaves out, each with the reason */
  missingSyscalls: { name: string; why: string }[];
  channels: Channel[];
  /** an output Falco writes to that the doctor cannot read (named in the report) */
  unreadable: string[];
  buffered: { buffered: boolean; why: string };
}

export function ruleState(ctx: DiagnosisContext, c: Canary): RuleState {
  if (ctx.snapshot.falco.rulesFiles.length === 0) return unreadRuleState(ctx, c);
  const rule = ctx.rules.rules.find((r) => r.name === c.rule);
  if (!rule) return { state: 'not-loaded' };
  if (rule.belowPriority) return { state: 'below-priority', minimum: String(configValue(ctx, 'priority')), rule };
  if (rule.enabled) return { state: 'enabled', rule };
  const sel = selectionVerdict(configValue(ctx, 'rules'), rule.name, rule.tags);
  return { state: 'disabled', by: sel ?? `its rules file (${rule.file}${rule.line === null ? '' : `:${rule.line}`})`, rule };
}

/** Without the rules files, falco.yaml still says what it does to the rule: its `rules:` selection by
 *  name and the priority minimum against the priority the canary's entry records for the rule. */
function unreadRuleState(ctx: DiagnosisContext, c: Canary): RuleState {
  const sel = selectionVerdict(configValue(ctx, 'rules'), c.rule, null);
  if (sel) return { state: 'disabled', by: sel, rule: null };
  const minimum = configValue(ctx, 'priority');
  if (belowMinimum(c.alert.priority, minimum)) return { state: 'below-priority', minimum: String(minimum), rule: null };
  const why = ctx.snapshot.kube
    ? 'the rules files were not read: the chart installs them with falcoctl into an emptyDir, which the Kubernetes API does not show'
    : 'no rules file was readable';
  return { state: 'unread', why };
}

/** The last entry of falco.yaml's `rules:` selection that decides this rule, when it disables it
 *  (tags null: the rule's tags are unknown, so only entries by name can decide). */
function selectionVerdict(selection: unknown, name: string, tags: readonly string[] | null): string | null {
  if (!Array.isArray(selection)) return null;
  let last: string | null = null;
  for (const entry of selection) {
    if (entry === null || typeof entry !== 'object') continue;
    for (const [op, target] of Object.entries(entry as Record<string, unknown>)) {
      const t = (target ?? {}) as Record<string, unknown>;
      const byRule = typeof t['rule'] === 'string' && matchesWildcard(t['rule'], name);
      const byTag = typeof t['tag'] === 'string' && tags !== null && tags.includes(t['tag']);
      if (byRule || byTag) last = op === 'disable' ? `falco.yaml rules: disable ${byRule ? `rule "${String(t['rule'])}"` : `tag "${String(t['tag'])}"`}` : null;
    }
  }
  return last;
}

/** configure_interesting_sets.cpp: "!name" removes a syscall; a positive custom_set without repair
 *  replaces the state-engine set (the rules' own event types stay). */
export function missingSyscalls(ctx: DiagnosisContext, c: Canary): { name: string; why: string }[] {
  const set = configValue(ctx, 'base_syscalls.custom_set');
  if (!Array.isArray(set)) return [];
  const names = set.map((s) => String(s).trim());
  const negative = new Set(names.filter((s) => s.startsWith('!')).map((s) => s.slice(1)));
  const positive = new Set(names.filter((s) => !s.startsWith('!')));
  const out: { name: string; why: string }[] = [];
  for (const n of [...c.event_types, ...c.state_syscalls]) if (negative.has(n)) out.push({ name: n, why: `base_syscalls.custom_set removes it (!${n})` });
  const repair = isOn(configValue(ctx, 'base_syscalls.repair'));
  if (positive.size > 0 && !repair) {
    const ruleTypes = new Set(ctx.rules.requiredEventTypes);
    for (const n of c.state_syscalls)
      if (!positive.has(n) && !ruleTypes.has(n) && !negative.has(n))
        out.push({ name: n, why: 'not in base_syscalls.custom_set and repair is false (the process/fd state it builds is missing)' });
  }
  return out;
}

export function outputChannels(ctx: DiagnosisContext): { channels: Channel[]; unreadable: string[] } {
  const channels: Channel[] = [];
  const unreadable: string[] = [];
  if (isOn(configValue(ctx, 'stdout_output.enabled'))) channels.push({ kind: 'stdout', path: null, hostPath: null });
  if (isOn(configValue(ctx, 'file_output.enabled'))) {
    const file = String(configValue(ctx, 'file_output.filename') ?? '');
    // a pod's volumes live on its node: the doctor reads a pod through the API, which serves only its log
    const mount = ctx.snapshot.kube || !file ? null : bindMountFor(file, ctx.snapshot.target.mounts);
    if (mount) channels.push({ kind: 'file', path: file, hostPath: mount.source + file.slice(mount.destination.replace(/\/$/, '').length) });
    else if (ctx.snapshot.kube) unreadable.push(`file_output ${file || '(no filename)'}: a file on the node, which the Kubernetes API does not serve`);
    else unreadable.push(`file_output ${file || '(no filename)'}: not on a bind mount, so not visible from the host`);
  }
  for (const k of ['syslog_output', 'program_output', 'http_output', 'grpc_output'])
    if (isOn(configValue(ctx, `${k}.enabled`))) unreadable.push(`${k}: the doctor does not read it`);
  return { channels, unreadable };
}

export function canaryTarget(ctx: DiagnosisContext, c: Canary): CanaryTarget {
  return {
    canary: c,
    rule: ruleState(ctx, c),
    missingSyscalls: missingSyscalls(ctx, c),
    ...outputChannels(ctx),
    buffered: ctx.buffering,
  };
}

/** The first canary whose rule is loaded and enabled here (or not known to be off, when the rules files
 *  could not be read); else the first, to prove the miss. */
export function pickCanary(ctx: DiagnosisContext, canaries: readonly Canary[]): CanaryTarget {
  const targets = canaries.map((c) => canaryTarget(ctx, c));
  const first = targets[0];
  if (!first) throw new Error('no canaries');
  return targets.find((t) => t.rule.state === 'enabled') ?? targets.find((t) => t.rule.state === 'unread') ?? first;
}
