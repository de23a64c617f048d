// One poll of the Falco container: its state, a stats reading, the log lines since the last poll and
// the kernel counters from /metrics. Holds what must carry over between polls (the previous stats
// reading for CPU deltas, the log cursor, what was last sent) so each tick carries only news.
import type { DockerClient } from '../docker/client.js';
import { readLogs } from '../docker/logs.js';
import { readStats, toSample, type RawStats } from '../docker/stats.js';
import { httpGet } from '../webserver.js';
import { startCursor, takeNewLines, type LogCursor } from '../../core/monitor/log-cursor.js';
import type { KernelCounters, MonitorTick } from '../../core/monitor/types.js';
import { parsePrometheus, promValue } from '../../core/falco/parse/prometheus.js';
import { CALL_TIMEOUT_MS, describeLiveTarget, findTarget, inspectContainer, type LiveTarget } from './target.js';
import { withTimeout } from './timeout.js';

/** A poll reads at most this many new lines; a flood keeps the newest (the rates undercount, the screen stays live). */
const MAX_LINES_PER_POLL = 5000;

export type FalcoPart = Pick<MonitorTick, 'status' | 'header' | 'falco' | 'logLines' | 'counters'>;

export class FalcoWatch {
  private target: LiveTarget | null = null;
  private prevStats: RawStats | null = null;
  private cursor: LogCursor = startCursor(0);
  private sentHeader = '';
  private sentCounters = '';

  constructor(
    private readonly docker: DockerClient,
    private readonly opts: { container: string | null; windowMs: number; hostVisible: boolean },
  ) {}

  /** The container id being watched, for the service picker to leave out. */
  get targetId(): string | null {
    return this.target?.info.id ?? null;
  }

  /** The engine host's memory (0 until the target is read): toSample tells "no limit" by it. */
  get hostMemBytes(): number {
    return this.target?.hostMemBytes ?? 0;
  }

  /** Throws on any failure; the caller turns it into a target state. */
  async poll(now: number): Promise<FalcoPart> {
    let info;
    try {
      info = this.target ? await inspectContainer(this.docker, this.target.info.id) : await findTarget(this.docker, this.opts.container);
    } catch (e) {
      // removed: look for it again next time (it may come back with a new id)
      if ((e as { statusCode?: number }).statusCode === 404) this.target = null;
      throw e;
    }
    if (this.target === null || this.target.info.id !== info.id || this.target.info.state.startedAt !== info.state.startedAt) {
      this.target = await withTimeout(describeLiveTarget(this.docker, info, this.opts.hostVisible), 2 * CALL_TIMEOUT_MS, 'reading the target');
      this.prevStats = null;
      const startedMs = Date.parse(info.state.startedAt);
      // look back over the window so the rates mean something from the first frame
      this.cursor = startCursor(Math.max(Number.isFinite(startedMs) ? startedMs : 0, now - this.opts.windowMs));
    } else {
      this.target = { ...this.target, info };
    }
    const header = this.headerIfNew();
    if (info.state.restarting) return { status: { state: 'restarting', detail: `restarting (${info.state.restartCount} restarts)` }, ...header };
    if (!info.state.running) {
      this.prevStats = null;
      return { status: { state: 'gone', detail: `${info.state.status} (exit code ${info.state.exitCode})` }, ...header };
    }
    const target = this.target;
    const [raw, logLines, counters] = await Promise.all([
      withTimeout(readStats(this.docker, info.id), CALL_TIMEOUT_MS, 'docker stats'),
      this.newLogLines(info.id),
      this.countersIfNew(target.metricsUrl, now),
    ]);
    const falco = this.prevStats ? toSample(raw, this.prevStats, target.hostMemBytes) : undefined;
    this.prevStats = raw;
    return {
      status: { state: 'ok', detail: info.state.status },
      ...header,
      ...(falco ? { falco } : {}),
      ...(logLines.length > 0 ? { logLines } : {}),
      ...(counters ? { counters } : {}),
    };
  }

  private headerIfNew(): Pick<FalcoPart, 'header'> {
    const header = this.target?.header;
    if (!header) return {};
    const key = JSON.stringify(header);
    if (key === this.sentHeader) return {};
    this.sentHeader = key;
    return { header };
  }

  private async newLogLines(id: string) {
    const read = await withTimeout(
      readLogs(this.docker, id, { sinceMs: this.cursor.sinceMs, tty: false, maxLines: MAX_LINES_PER_POLL, keep: 'last' }),
      CALL_TIMEOUT_MS,
      'docker logs',
    );
    const { fresh, cursor } = takeNewLines(this.cursor, read.lines);
    this.cursor = cursor;
    return fresh;
  }

  /** /metrics is optional: when it fails the other panels still update. */
  private async countersIfNew(url: string | null, now: number): Promise<KernelCounters | null> {
    if (url === null) return null;
    try {
      const samples = parsePrometheus((await httpGet(url, 1500)).body);
      const events = promValue(samples, 'falcosecurity_scap_n_evts_total');
      const drops = promValue(samples, 'falcosecurity_scap_n_drops_total');
      const key = `${events}/${drops}`;
      if (key === this.sentCounters) return null;
      this.sentCounters = key;
      return { t: now, events, drops };
    } catch {
      return null;
    }
  }
}
