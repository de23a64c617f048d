// Terminal keys mapped to the few intents our screens understand. Screens decide what an intent
// means in their current state (Esc closes help, leaves a detail view, or quits at the top level).
import type { Key } from 'ink';

export type KeyIntent = 'up' | 'down' | 'open' | 'back' | 'escape' | 'help' | 'quit' | 'fix-all' | 'fix-critical' | 'fix-warning';

export function toKeyIntent(input: string, key: Key): KeyIntent | null {
  // Ctrl-C is handled here rather than by Ink so that quitting has one path (and one result)
  if (key.ctrl && input === 'c') return 'quit';
  if (key.escape) return 'escape';
  if (key.ctrl || key.meta) return null;
  if (key.upArrow || input === 'k') return 'up';
  if (key.downArrow || input === 'j') return 'down';
  if (key.return) return 'open';
  // most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`
  if (key.backspace || key.delete) return 'back';
  if (input === '?') return 'help';
  if (input === 'q') return 'quit';
  // f: the fixes of the open finding (or of all findings, from the list); e / w: of criticals / warnings
  if (input === 'f') return 'fix-all';
  if (input === 'e') return 'fix-critical';
  if (input === 'w') return 'fix-warning';
  return null;
}
