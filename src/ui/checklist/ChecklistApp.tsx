// Wiring only: reducer + input, the save of a confirmation (through the caller's onConfirm), and the
// one place the app ends.
import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useEffect, useReducer } from 'react';
import type { ItemResult } from '../../core/checklist/results.js';
import { toKeyIntent } from '../keys.js';
import { useTheme } from '../theme.js';
import { checklistReducer, initialChecklistState, selectedItem } from './state.js';
import { ItemList } from './ItemList.js';
import { ItemDetail } from './ItemDetail.js';
import { ConfirmNote } from './ConfirmNote.js';

export interface ChecklistAppProps {
  target: string;
  results: ItemResult[];
  onConfirm: (id: string, note: string) => Promise<ItemResult[]>;
  onExit: (results: ItemResult[]) => void;
}

export function ChecklistApp({ target, results, onConfirm, onExit }: ChecklistAppProps) {
  const [state, dispatch] = useReducer(checklistReducer, results, initialChecklistState);
  const { isRawModeSupported } = useStdin();
  const theme = useTheme();
  useInput(
    (input, key) => {
      if (state.view !== 'confirm' && input === 'c' && !key.ctrl) return dispatch({ type: 'confirm' });
      const intent = toKeyIntent(input, key);
      if (intent === null) return;
      // typing a note: only Esc (leave the prompt) and Ctrl-C (quit) are ours, not q or j
      if (state.view === 'confirm' && intent !== 'escape' && !(key.ctrl && input === 'c')) return;
      dispatch({ type: 'key', intent });
    },
    { isActive: isRawModeSupported },
  );
  const { exit } = useApp();
  const shouldExit = state.quitRequested || !isRawModeSupported;
  useEffect(() => {
    if (!shouldExit) return;
    onExit(state.results);
    exit();
  }, [shouldExit, onExit, exit, state.results]);

  const item = selectedItem(state);
  const save = (note: string) => {
    if (!item) return;
    dispatch({ type: 'saving' });
    onConfirm(item.id, note).then(
      (r) => dispatch({ type: 'saved', results: r }),
      (e: unknown) => dispatch({ type: 'save-failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };
  const passed = state.results.filter((r) => r.status === 'pass' || r.status === 'confirmed').length;
  return (
    <Box flexDirection="column">
      <Text bold>
        Production checklist · {target} · {passed}/{state.results.length} pass
      </Text>
      {state.view === 'list' || !item ? <ItemList results={state.results} selected={state.selected} /> : null}
      {state.view === 'detail' && item ? <ItemDetail item={item} /> : null}
      {state.view === 'confirm' && item ? <ConfirmNote item={item} saving={state.saving} onSubmit={save} /> : null}
      {state.message ? <Text color={theme.warning}>{state.message}</Text> : null}
      {state.view !== 'confirm' ? <Text color={theme.muted}>j/k move · Enter evidence and fixes · c confirm · Esc back · q quit</Text> : null}
    </Box>
  );
}
