// Subscribes the screen to the monitor while it is mounted; unmounting stops the polling.
import { useEffect, type Dispatch } from 'react';
import type { MonitorTick } from '../../core/monitor/types.js';
import type { HomeAction } from './state.js';

/** Where ticks come from: the poller in the CLI, a hand-fed source in tests. */
export interface MonitorSource {
  /** Starts delivering ticks; the returned function stops them. */
  subscribe(onTick: (tick: MonitorTick) => void): () => void;
}

export function useMonitorTicks(source: MonitorSource, dispatch: Dispatch<HomeAction>): void {
  useEffect(() => source.subscribe((tick) => dispatch({ type: 'tick', tick })), [source, dispatch]);
}
