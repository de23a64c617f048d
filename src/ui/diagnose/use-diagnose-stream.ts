// The driver: consumes the core's event stream, feeds the reducer, and remembers what the caller
// gets back (the raw report, unsanitised, exactly as the core produced it; or the error).
import { useEffect, useRef, type Dispatch, type RefObject } from 'react';
import type { DiagnoseEvent } from '../../core/events.js';
import type { DiagnosisReport } from '../../core/report.js';
import type { DiagnoseAction, StreamFailure } from './state.js';

export interface DiagnoseOutcome {
  report: DiagnosisReport | null;
  error: Error | null;
  /** fixes chosen with f/e/w, to run one after another after the screen closes */
  fixIds?: string[];
}

export function useDiagnoseStream(events: AsyncIterable<DiagnoseEvent>, dispatch: Dispatch<DiagnoseAction>): RefObject<DiagnoseOutcome> {
  const outcome = useRef<DiagnoseOutcome>({ report: null, error: null });
  useEffect(() => {
    let stopped = false;
    const iterator = events[Symbol.asyncIterator]();
    const fail = (error: Error) => {
      outcome.current = { report: null, error };
      dispatch({ type: 'stream-failed', failure: toFailure(error) });
    };
    void (async () => {
      try {
        for (;;) {
          const next = await iterator.next();
          if (stopped) return;
          if (next.done === true) break;
          if (next.value.type === 'done') outcome.current = { report: next.value.report, error: null };
          dispatch({ type: 'event', event: next.value });
        }
        if (outcome.current.report === null) fail(new Error('the diagnosis ended without a report'));
      } catch (thrown) {
        if (!stopped) fail(toError(thrown));
      }
    })();
    return () => {
      // the user quit early: let the producer run its finally blocks (stop sampling, close streams)
      stopped = true;
      void iterator.return?.()?.catch(() => undefined);
    };
  }, [events, dispatch]);
  return outcome;
}

export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/** The error taxonomy's UserError carries a `hint`; any error with a string hint gets it shown. */
function toFailure(error: Error): StreamFailure {
  const hint = 'hint' in error && typeof error.hint === 'string' ? error.hint : null;
  return { message: error.message, hint };
}
