// Keys in, intents out: what an intent means in the current state is the reducer's business.
import { useInput } from 'ink';
import type { Dispatch } from 'react';
import { toKeyIntent } from '../keys.js';
import type { DiagnoseAction } from './state.js';

export function useDiagnoseInput(dispatch: Dispatch<DiagnoseAction>, isActive: boolean): void {
  useInput(
    (input, key) => {
      const intent = toKeyIntent(input, key);
      if (intent !== null) dispatch({ type: 'key', intent });
    },
    { isActive },
  );
}
