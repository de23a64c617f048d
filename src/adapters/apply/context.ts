// What a transaction needs from the outside world, gathered once by the command.
import type { DockerClient } from '../docker/client.js';
import type { Journal } from '../journal/journal.js';
import type { FixEvent } from '../../core/fix/events.js';
import type { JournalEntry, Measure } from '../../core/fix/journal-entry.js';

export type { FixEvent } from '../../core/fix/events.js';

export interface TxContext {
  docker: DockerClient;
  journal: Journal;
  containerId: string;
  /** Falco reloads on file changes (watch_config_files, default true) */
  watchConfig: boolean;
  healthzUrl: string | null;
  settleMs: number;
  reloadTimeoutMs: number;
  /** re-measure after the change: the probes of the findings, with a log look-back from `sinceMs` */
  measure: ((sinceMs: number) => Promise<Measure[]>) | null;
  emit: (e: FixEvent) => void;
}

/** Runs one step, reporting its start and end; the thrown error stays the caller's to handle. */
export async function step<T>(tx: Pick<TxContext, 'emit'>, id: string, title: string, fn: () => Promise<T>, detail: (v: T) => string = () => ''): Promise<T> {
  tx.emit({ type: 'step-started', id, title });
  try {
    const v = await fn();
    tx.emit({ type: 'step-finished', id, status: 'ok', detail: detail(v) });
    return v;
  } catch (e) {
    tx.emit({ type: 'step-finished', id, status: 'failed', detail: e instanceof Error ? e.message : String(e) });
    throw e;
  }
}

/** Appends to the entry's log and writes it durably. */
export async function record<E extends JournalEntry>(tx: Pick<TxContext, 'journal'>, entry: E, patch: Partial<E>, message: string): Promise<E> {
  const next: E = { ...entry, ...patch, log: [...entry.log, { t: new Date().toISOString(), message }] };
  await tx.journal.write(next);
  return next;
}
