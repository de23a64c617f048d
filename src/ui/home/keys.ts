// The home screen's keys: the shared intents (move, help, quit, back) plus one letter per screen
// it leads to, and `l` for the log.
import type { Key } from 'ink';
import { toKeyIntent, type KeyIntent } from '../keys.js';
import type { HomeScreenName } from './state.js';

export type HomeKey = KeyIntent | HomeScreenName | 'log';

const LETTERS: Readonly<Record<string, HomeScreenName | 'log'>> = {
  d: 'diagnose',
  c: 'checklist',
  r: 'rollout',
  h: 'history',
  l: 'log',
};

export function toHomeKey(input: string, key: Key): HomeKey | null {
  const intent = toKeyIntent(input, key);
  if (intent !== null) return intent;
  if (key.ctrl || key.meta) return null;
  return LETTERS[input] ?? null;
}
