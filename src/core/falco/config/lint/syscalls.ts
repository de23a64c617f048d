// base_syscalls.custom_set checks. How Falco builds the traced set
// (userspace/falco/app/actions/configure_interesting_sets.cpp): rules' syscalls ∪ plugins' ∪ base set,
// where a positive custom_set REPLACES the static state-engine set; then "!name" entries are removed;
// repair: true adds back the minimal state-engine syscalls. So a positive custom_set never hides a
// rule's own syscalls, but without repair it drops the ones Falco needs to build process/fd state,
// and a "!name" the rules use blinds those rules.
import { didYouMean } from '../../../text/did-you-mean.js';
import { X86_64_SYSCALLS } from '../syscalls-x86_64.js';
import { report, valueAt, type LintContext } from './context.js';

// falco.yaml (0.38.0-0.44.1) `base_syscalls` suggestions, and which rule event types call for them.
const PROCESS_STATE = ['clone', 'clone3', 'fork', 'vfork', 'execve', 'execveat', 'close'];
const NETWORK_STATE = ['socket', 'bind', 'getsockopt'];
const PROCESS_EVENTS = new Set(['execve', 'execveat']);
const FD_EVENTS = new Set([
  'open',
  'openat',
  'openat2',
  'creat',
  'socket',
  'connect',
  'accept',
  'accept4',
  'listen',
  'bind',
  'sendto',
  'recvfrom',
  'sendmsg',
  'recvmsg',
  'read',
  'write',
  'dup',
  'dup2',
  'dup3',
]);
const NETWORK_EVENTS = new Set(['connect', 'accept', 'accept4', 'listen', 'sendto', 'recvfrom', 'sendmsg', 'recvmsg']);

export function lintBaseSyscalls(ctx: LintContext): void {
  const set = valueAt(ctx, 'base_syscalls.custom_set');
  if (!Array.isArray(set)) return;
  const lines = ctx.parsed.itemLines.get('base_syscalls.custom_set') ?? [];
  const names = set.map((s) => String(s));
  const positive = new Set<string>();
  const negative = new Set<string>();
  names.forEach((raw, i) => {
    const neg = raw.startsWith('!');
    const name = neg ? raw.slice(1) : raw;
    (neg ? negative : positive).add(name);
    if (!X86_64_SYSCALLS.has(name)) {
      const dym = didYouMean(name, X86_64_SYSCALLS);
      report(ctx, {
        class: 'unknown-syscall',
        severity: 'warning',
        key: 'base_syscalls.custom_set',
        line: lines[i] ?? null,
        message:
          `base_syscalls.custom_set: "${name}" is not a Linux x86_64 syscall; Falco logs "Invalid (${neg ? 'negative' : 'positive'}) syscall names" and ignores it.` +
          (dym ? ` Did you mean ${dym}?` : ''),
        didYouMean: dym,
      });
    }
  });

  const ruleTypes = ctx.enabledRuleEventTypes;
  if (!ruleTypes) return;
  const needed = new Set(ruleTypes);
  const blinded = [...negative].filter((n) => needed.has(n));
  if (blinded.length > 0)
    report(ctx, {
      class: 'contradiction',
      severity: 'warning',
      key: 'base_syscalls.custom_set',
      message: `base_syscalls.custom_set removes ${blinded.map((n) => `!${n}`).join(', ')}, which enabled rules need: those rules will not see these events (Falco warns "unsupported-evttype").`,
    });

  const repair = valueAt(ctx, 'base_syscalls.repair') === true;
  if (positive.size === 0 || repair) return;
  const want = new Set<string>();
  if (ruleTypes.some((t) => PROCESS_EVENTS.has(t))) PROCESS_STATE.forEach((s) => want.add(s));
  if (ruleTypes.some((t) => FD_EVENTS.has(t))) want.add('close');
  if (ruleTypes.some((t) => NETWORK_EVENTS.has(t))) [...PROCESS_STATE, ...NETWORK_STATE].forEach((s) => want.add(s));
  const missing = [...want].filter((s) => !positive.has(s) && !needed.has(s)).sort();
  if (missing.length > 0)
    report(ctx, {
      class: 'contradiction',
      severity: 'warning',
      key: 'base_syscalls.custom_set',
      message: `base_syscalls.custom_set replaces Falco's state-engine syscalls and repair is false: the enabled rules' events need ${missing.join(', ')} for correct process/fd state (falco.yaml base_syscalls suggestions). Add them or set base_syscalls.repair: true.`,
      replacement: 'base_syscalls.repair',
      fix: [{ key: 'base_syscalls.repair', value: true }],
    });
}
