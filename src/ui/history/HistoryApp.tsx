// Wiring only: reducer + keys + the rollback the undo view asks for, and the one place it ends.
// The rollback itself is passed in (the command runs it); this component only starts it.
import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useReducer } from 'react';
import type { FixEvent } from '../../core/fix/events.js';
import { useTerminalSize } from '../home/use-terminal-size.js';
import { useTheme } from '../theme.js';
import type { ChangeView } from './change-view.js';
import { ChangeDetail } from './ChangeDetail.js';
import { detailLines } from './detail-lines.js';
import { wrapLines } from '../home/wrap.js';
import { ChangeList } from './ChangeList.js';
import { toHistoryKey } from './keys.js';
import { historyReducer, initialHistoryState, type HistoryStart, type HistoryState } from './state.js';
import { UndoView } from './UndoView.js';

export interface HistoryActions {
  /**
   * Rolls one entry back (the `falco-doctor rollback ID` path). changes: the journal afterwards, newest
   * first (null: it could not be read again); entry: the rolled-back entry as recorded.
   */
  undo(id: string, emit: (e: FixEvent) => void): Promise<{ ok: boolean; problems: string[]; changes: ChangeView[] | null; entry: ChangeView | null }>;
}

export function HistoryApp({ start, actions, onExit }: { start: HistoryStart; actions: HistoryActions; onExit: () => void }) {
  const [state, dispatch] = useReducer(historyReducer, start, initialHistoryState);
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const { exit } = useApp();
  // title, a gap, the hint and a notice around the body
  const height = Math.max(3, rows - 5);
  const selected = state.changes[state.selected];
  const detailMax = state.view === 'detail' && selected ? Math.max(0, wrapLines(detailLines(selected), columns).length - (height - 1)) : 0;
  useInput((input, key) => {
    const k = toHistoryKey(input, key);
    if (k !== null) dispatch({ type: 'key', key: k, detailMax });
  });
  const undoing = state.undo?.phase === 'undoing' ? state.undo.change.id : null;
  useEffect(() => {
    if (undoing === null) return;
    const emit = (event: FixEvent) => dispatch({ type: 'undo', action: { type: 'event', event } });
    actions.undo(undoing, emit).then(
      (r) => {
        if (r.changes !== null) dispatch({ type: 'reloaded', changes: r.changes });
        const change = r.changes?.find((c) => c.id === undoing) ?? r.entry;
        dispatch({ type: 'undo', action: { type: 'finished', ok: r.ok, problems: r.problems, change } });
      },
      (e: unknown) => dispatch({ type: 'undo', action: { type: 'failed', message: e instanceof Error ? e.message : String(e) } }),
    );
  }, [undoing, actions]);
  useEffect(() => {
    if (!state.done) return;
    onExit();
    exit();
  }, [state.done, onExit, exit]);
  return (
    <Box flexDirection="column">
      {/* the undo view has its own title: it is also opened straight from home's u */}
      {state.view === 'undo' ? null : (
        <Text wrap="truncate-end">
          <Text bold>History</Text>
          <Text color={theme.muted}> · {state.changes.length} journaled change(s), newest first</Text>
        </Text>
      )}
      <Box marginTop={state.view === 'undo' ? 0 : 1} flexDirection="column">
        <Body state={state} height={height} width={columns} />
      </Box>
      {state.notice === null ? null : (
        <Text wrap="truncate-end" color={theme.warning}>
          {state.notice}
        </Text>
      )}
      {state.view === 'undo' ? null : (
        <Text wrap="truncate-end" color={theme.muted}>
          {hint(state)}
        </Text>
      )}
    </Box>
  );
}

function Body({ state, height, width }: { state: HistoryState; height: number; width: number }) {
  const theme = useTheme();
  if (state.loadError !== null) return <Text color={theme.critical}>✖ the journal could not be read: {state.loadError}</Text>;
  const selected = state.changes[state.selected];
  if (state.view === 'undo' && state.undo) return <UndoView undo={state.undo} />;
  if (state.view === 'detail' && selected) return <ChangeDetail change={selected} offset={state.detailOffset} height={height - 1} width={width} />;
  return <ChangeList changes={state.changes} selected={state.selected} height={height - 1} />;
}

function hint(state: HistoryState): string {
  const undo = state.changes[state.selected]?.undoable ? ' · u undo' : '';
  return state.view === 'detail' ? `↑/↓ scroll${undo} · Esc list · q home` : `↑/↓ move · Enter detail${undo} · q or Esc home`;
}
