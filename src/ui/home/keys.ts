// The home screen's keys: the shared intents (move, help, quit, back) plus one letter per screen
// it leads to, `l` for the log, `u` to undo the last change and `p` to prove detection (the canary).
import type { Key } from 'ink';
import { toKeyIntent, type KeyIntent } from '../keys.js';

/** The screens the home screen leads to, each by its letter. */
export type HomeScreenName = 'diagnose' | 'checklist' | 'rollout' | 'history';

/** fixes are applied from the diagnose screen, where the findings are: not here */
type FixIntent = Extract<KeyIntent, 'fix-all' | 'fix-critical' | 'fix-warning'>;
export type HomeKey = Exclude<KeyIntent, FixIntent> | HomeScreenName | 'log' | 'undo' | 'canary';

const LETTERS: Readonly<Record<string, HomeScreenName | 'log' | 'undo' | 'canary'>> = {
  d: 'diagnose',
  c: 'checklist',
  r: 'rollout',
  h: 'history',
  l: 'log',
  u: 'undo',
  p: 'canary',
};

export function toHomeKey(input: string, key: Key): HomeKey | null {
  const intent = toKeyIntent(input, key);
  if (intent === 'fix-all' || intent === 'fix-critical' || intent === 'fix-warning') return null;
  if (intent !== null) return intent;
  if (key.ctrl || key.meta) return null;
  return LETTERS[input] ?? null;
}
