// The history screen's keys: the shared intents, plus u (undo the selected change), y (confirm the
// undo) and n (decline it). Help (?) and the fix letters mean nothing here.
import type { Key } from 'ink';
import { toKeyIntent, type KeyIntent } from '../keys.js';

export type HistoryKey = Extract<KeyIntent, 'up' | 'down' | 'open' | 'back' | 'escape' | 'quit'> | 'undo' | 'confirm' | 'cancel';

export function toHistoryKey(input: string, key: Key): HistoryKey | null {
  if (!key.ctrl && !key.meta) {
    if (input === 'u') return 'undo';
    if (input === 'y') return 'confirm';
    if (input === 'n') return 'cancel';
  }
  const intent = toKeyIntent(input, key);
  switch (intent) {
    case 'up':
    case 'down':
    case 'open':
    case 'back':
    case 'escape':
    case 'quit':
      return intent;
    default:
      return null;
  }
}
