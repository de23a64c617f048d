// The protected service beside Falco: the container named with --service, else the busiest other
// running container. Choosing the busiest needs a CPU delta, so each candidate is read on two polls
// before one is picked; after that only the chosen one is read.
import type { DockerClient } from '../docker/client.js';
import { whyFalco } from '../docker/discover.js';
import { readStats, toSample, type RawStats } from '../docker/stats.js';
import { pickBusiest } from '../../core/monitor/busiest.js';
import type { ServiceReading } from '../../core/monitor/types.js';
import { CALL_TIMEOUT_MS } from './target.js';
import { withTimeout } from './timeout.js';

/** Enough for a small VPS; more candidates would make the first polls expensive. */
const MAX_CANDIDATES = 16;

interface Chosen {
  id: string;
  name: string;
  prev: RawStats | null;
}

export class ServiceWatch {
  private chosen: Chosen | null = null;
  private candidates = new Map<string, RawStats>();

  constructor(
    private readonly docker: DockerClient,
    private readonly named: string | null,
  ) {}

  /** null: no other container runs; undefined: still choosing. Throws when Docker fails. */
  async poll(falcoId: string | null, hostMemBytes: number): Promise<ServiceReading | null | undefined> {
    const running = (await withTimeout(this.docker.listContainers(), CALL_TIMEOUT_MS, 'docker ps')).map((c) => ({
      id: c.Id,
      name: (c.Names[0] ?? '').replace(/^\//, ''),
      isFalco: c.Id === falcoId || whyFalco(c) !== null,
      serves: c.Ports.some((p) => p.PublicPort !== undefined) || c.HostConfig?.NetworkMode === 'host',
    }));
    if (this.chosen && !running.some((c) => c.id === this.chosen?.id)) {
      const name = this.chosen.name;
      this.chosen = null;
      if (this.named !== null) return { name, chosen: 'named', state: 'gone' };
    }
    if (this.chosen === null && this.named !== null) {
      const hit = running.find((c) => c.name === this.named || c.id.startsWith(this.named ?? ''));
      if (!hit) return { name: this.named, chosen: 'named', state: 'gone' };
      this.chosen = { id: hit.id, name: hit.name, prev: null };
    }
    if (this.chosen === null) {
      const others = running.filter((c) => !c.isFalco).slice(0, MAX_CANDIDATES);
      if (others.length === 0) return null;
      const picked = await this.pickBusiest(others, hostMemBytes);
      if (picked === undefined) return undefined;
      this.chosen = picked;
    }
    const chosen = this.chosen;
    const raw = await withTimeout(readStats(this.docker, chosen.id), CALL_TIMEOUT_MS, 'docker stats');
    const sample = chosen.prev ? toSample(raw, chosen.prev, hostMemBytes) : undefined;
    chosen.prev = raw;
    return { name: chosen.name, chosen: this.named === null ? 'busiest' : 'named', state: 'ok', ...(sample ? { sample } : {}) };
  }

  private async pickBusiest(others: { id: string; name: string; serves: boolean }[], hostMemBytes: number): Promise<Chosen | undefined> {
    const reads = await Promise.all(
      others.map(async (c) => ({ c, raw: await withTimeout(readStats(this.docker, c.id), CALL_TIMEOUT_MS, 'docker stats').catch(() => null) })),
    );
    const measured = reads.flatMap(({ c, raw }) => {
      const prev = this.candidates.get(c.id);
      if (!raw || !prev) return [];
      const s = toSample(raw, prev, hostMemBytes);
      return [{ id: c.id, name: c.name, cpuPercent: s.cpuPercent, memBytes: s.memUsageBytes, serves: c.serves, raw }];
    });
    this.candidates = new Map(reads.flatMap(({ c, raw }) => (raw ? [[c.id, raw] as const] : [])));
    const best = pickBusiest(measured);
    if (!best) return undefined;
    this.candidates.clear();
    return { id: best.id, name: best.name, prev: measured.find((m) => m.id === best.id)?.raw ?? null };
  }
}
