// A phase's rule selection, written the Falco-supported way: falco.yaml's `rules:` block (0.38+),
// never by editing a rules file. The phase's entries come first and the operator's own `disable`
// entries after them, so a phase narrows the suite but never re-enables a rule the operator disabled.
// An empty phase (the full suite) and an abort put the operator's selection back exactly as it was.
import { setKey, unsetKey } from '../falco/config/edit.js';
import type { Phase } from './plan-schema.js';
import type { RolloutState } from './state.js';

export type SelectionChange = { kind: 'set'; rules: unknown[] } | { kind: 'restore' };

export function phaseSelection(phase: Phase, original: RolloutState['original']): SelectionChange {
  if (phase.rules.length === 0) return { kind: 'restore' };
  const own = original.present && Array.isArray(original.rules) ? original.rules : [];
  const disables = own.filter((e) => e !== null && typeof e === 'object' && 'disable' in e);
  return { kind: 'set', rules: [...phase.rules, ...disables] };
}

/** New falco.yaml text; every byte outside the `rules:` block stays as it was. */
export function applySelection(text: string, change: SelectionChange, original: RolloutState['original']): string {
  if (change.kind === 'set') return setKey(text, ['rules'], change.rules);
  return original.present ? setKey(text, ['rules'], original.rules) : unsetKey(text, ['rules']);
}

export function describeSelection(change: SelectionChange): string {
  if (change.kind === 'restore') return 'rules: selection as configured before the rollout (the full suite)';
  return `rules: ${change.rules.map((e) => JSON.stringify(e)).join(', ')}`;
}
