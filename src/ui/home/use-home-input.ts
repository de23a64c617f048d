// Keys in, home keys out: what a key means in the current state is the reducer's business.
import { useInput } from 'ink';
import type { Dispatch } from 'react';
import { toHomeKey } from './keys.js';
import type { HomeAction } from './state.js';

export function useHomeInput(dispatch: Dispatch<HomeAction>, isActive: boolean): void {
  useInput(
    (input, key) => {
      const homeKey = toHomeKey(input, key);
      if (homeKey !== null) dispatch({ type: 'key', key: homeKey });
    },
    { isActive },
  );
}
