// Keys in, intents out: y confirms, u undoes, the shared keys (Enter, Esc, q) mean what they mean elsewhere.
import { useInput } from 'ink';
import type { Dispatch } from 'react';
import { toKeyIntent } from '../keys.js';
import type { FixAction } from './state.js';

export function useFixInput(dispatch: Dispatch<FixAction>): void {
  useInput((input, key) => {
    if (!key.ctrl && !key.meta && input === 'y') return dispatch({ type: 'key', intent: 'confirm' });
    if (!key.ctrl && !key.meta && input === 'u') return dispatch({ type: 'key', intent: 'undo' });
    const intent = toKeyIntent(input, key);
    if (intent !== null) dispatch({ type: 'key', intent });
  });
}
