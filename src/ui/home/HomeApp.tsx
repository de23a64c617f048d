// Wiring only: reducer + monitor subscription + input + terminal size, and the one place it ends.
import { useApp, useStdin } from 'ink';
import { useEffect, useReducer } from 'react';
import { HomeScreen } from './HomeScreen.js';
import type { ChangeView } from '../history/change-view.js';
import type { CanaryState } from '../../core/canary/pace.js';
import { homeReducer, initialHomeState, type HomeNext, type HomeScreenName, type OpenFindings } from './state.js';
import { useHomeInput } from './use-home-input.js';
import { useMonitorTicks, type MonitorSource } from './use-monitor-ticks.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface HomeAppProps {
  source: MonitorSource;
  lastDiagnosis: OpenFindings | null;
  /** the newest journal entry; null: none */
  lastChange?: ChangeView | null;
  /** the last canary's proof; null: never fired */
  detection?: CanaryState | null;
  /** shown until the first key (e.g. the journal could not be read) */
  notice?: string | null;
  available: readonly HomeScreenName[];
  intervalMs: number;
  windowMs: number;
  /** called once, just before the app exits */
  onExit: (next: HomeNext) => void;
}

export function HomeApp({ source, lastDiagnosis, lastChange = null, detection = null, notice = null, available, intervalMs, windowMs, onExit }: HomeAppProps) {
  const [state, dispatch] = useReducer(homeReducer, { lastDiagnosis, lastChange, detection, notice, available, windowMs }, initialHomeState);
  useMonitorTicks(source, dispatch);
  const { isRawModeSupported } = useStdin();
  useHomeInput(dispatch, isRawModeSupported);
  const { columns, rows } = useTerminalSize();
  const { exit } = useApp();
  useEffect(() => {
    if (state.next === null) return;
    onExit(state.next);
    exit();
  }, [state.next, onExit, exit]);
  return <HomeScreen state={state} width={columns} rows={rows} intervalMs={intervalMs} />;
}
