// A read-only view of the staged rollout (its steps run with `falco-doctor rollout next`, which
// monitors for hours: not from a screen one leaves with q). ↑/↓ scroll, r reads the state again.
import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { toKeyIntent } from '../../keys.js';
import { sanitizeDeep } from '../../../core/sanitize.js';
import { useTheme } from '../../theme.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { wrapLines } from '../wrap.js';
import { rolloutLines, type RolloutView } from './view.js';

export function RolloutApp({ initial, reload, onExit = () => {} }: { initial: RolloutView; reload: () => Promise<RolloutView>; onExit?: () => void }) {
  const theme = useTheme();
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [view, setView] = useState(() => sanitizeDeep(initial));
  const [offset, setOffset] = useState(0);
  const [loading, setLoading] = useState(false);
  const [done, setDone] = useState(false);
  const lines = wrapLines(rolloutLines(view), columns);
  // title, a gap, the hint
  const height = Math.max(3, rows - 4);
  const maxOffset = Math.max(0, lines.length - height);
  useInput((input, key) => {
    if (!key.ctrl && !key.meta && input === 'r' && !loading) {
      setLoading(true);
      reload().then(
        (v) => {
          setView(sanitizeDeep(v));
          setLoading(false);
        },
        () => setLoading(false),
      );
      return;
    }
    const intent = toKeyIntent(input, key);
    if (intent === 'quit' || intent === 'escape' || intent === 'back') setDone(true);
    else if (intent === 'up') setOffset((o) => Math.max(0, Math.min(o, maxOffset) - 1));
    else if (intent === 'down') setOffset((o) => Math.min(maxOffset, o + 1));
  });
  useEffect(() => {
    if (!done) return;
    onExit();
    exit();
  }, [done, onExit, exit]);
  const start = Math.min(offset, maxOffset);
  const status = view.report?.status ?? 'unreadable';
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>Staged rollout</Text>
        <Text color={theme.muted}>
          {' '}
          · {status}
          {loading ? ' · reading…' : ''}
        </Text>
      </Text>
      <Box marginTop={1} flexDirection="column">
        {lines.slice(start, start + height).map((l, i) => (
          <Text key={start + i} wrap="truncate-end" bold={l.bold ?? false} {...(l.tone ? { color: theme[l.tone] } : {})}>
            {l.text === '' ? ' ' : l.text}
          </Text>
        ))}
      </Box>
      <Text wrap="truncate-end" color={theme.muted}>
        {start + height < lines.length ? `↓ ${lines.length - start - height} more · ` : ''}↑/↓ scroll · r read again · q or Esc home
      </Text>
    </Box>
  );
}
