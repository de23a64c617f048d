// The checklist screen's state and reducer: no Ink import, so it is tested as plain functions.
import type { ItemResult } from '../../core/checklist/results.js';
import type { KeyIntent } from '../keys.js';

export type ChecklistView = 'list' | 'detail' | 'confirm';

export interface ChecklistState {
  results: ItemResult[];
  selected: number;
  view: ChecklistView;
  saving: boolean;
  /** one line under the list: a refusal or a save error */
  message: string | null;
  quitRequested: boolean;
}

export type ChecklistAction =
  | { type: 'key'; intent: KeyIntent }
  /** `c`: confirm the selected item with a note */
  | { type: 'confirm' }
  | { type: 'saving' }
  | { type: 'saved'; results: ItemResult[] }
  | { type: 'save-failed'; message: string };

export function initialChecklistState(results: ItemResult[]): ChecklistState {
  return { results, selected: 0, view: 'list', saving: false, message: null, quitRequested: false };
}

export function selectedItem(s: ChecklistState): ItemResult | undefined {
  return s.results[s.selected];
}

export function checklistReducer(s: ChecklistState, a: ChecklistAction): ChecklistState {
  switch (a.type) {
    case 'key':
      return onKey(s, a.intent);
    case 'confirm': {
      if (s.view === 'confirm') return s;
      const item = selectedItem(s);
      if (!item?.confirm) return { ...s, message: `${item?.title ?? 'this item'} is checked automatically only: make the check pass` };
      return { ...s, view: 'confirm', message: null };
    }
    case 'saving':
      return { ...s, saving: true };
    case 'saved':
      return { ...s, results: a.results, saving: false, view: 'detail', message: 'confirmation saved' };
    case 'save-failed':
      return { ...s, saving: false, message: `not saved: ${a.message}` };
  }
}

function onKey(s: ChecklistState, intent: KeyIntent): ChecklistState {
  // while a note is typed, only leaving the prompt (Esc, Ctrl-C) is ours; the text input has the rest
  if (s.view === 'confirm') return intent === 'escape' ? { ...s, view: 'detail' } : intent === 'quit' ? { ...s, quitRequested: true } : s;
  switch (intent) {
    case 'up':
      return { ...s, selected: Math.max(0, s.selected - 1), message: null };
    case 'down':
      return { ...s, selected: Math.min(s.results.length - 1, s.selected + 1), message: null };
    case 'open':
      return { ...s, view: 'detail', message: null };
    case 'back':
    case 'escape':
      return s.view === 'detail' ? { ...s, view: 'list', message: null } : intent === 'escape' ? { ...s, quitRequested: true } : s;
    case 'quit':
      return { ...s, quitRequested: true };
    case 'help':
      return { ...s, message: 'j/k or ↑/↓ move · Enter evidence and fixes · c confirm with a note · Esc back · q quit' };
    default:
      // intents of other screens (e.g. diagnose's fix keys) mean nothing here
      return s;
  }
}
