// A home screen fed by hand: the lab's event-drops target seen over a few polls, and a last diagnosis.
import type { MonitorTick } from '../../src/core/monitor/types.js';
import type { MonitorSource } from '../../src/ui/home/use-monitor-ticks.js';
import type { OpenFindings } from '../../src/ui/home/state.js';
import { header, MIB, stats, T0, tick } from '../core/monitor/fixtures.js';
import { dropFinding, infoFinding } from './fixtures/diagnosis.js';

export { header, MIB, T0, tick };

const dropText = (t: number) =>
  `${new Date(t).toISOString().slice(11, 23)}000000: Debug Falco internal: syscall event drop. 9089 system calls dropped in last second. (n_drops="9089" n_drops_buffer_total="9089" n_evts="21000")`;
const at = (t: number, text: string) => ({ stream: 'stdout' as const, t: new Date(t).toISOString(), text });

/** Three polls 2 s apart: stats, a drop alert, two JSON alerts, /metrics counters, the bot beside it. */
export function labTicks(): MonitorTick[] {
  const json = (rule: string, priority: string) => JSON.stringify({ output: `x ${rule}`, priority, rule, time: '2026-11-23T08:00:03Z' });
  return [
    tick(0, {
      header: { ...header, lab: true, bufferPreset: 1, ringBufferBytes: 1 * MIB, image: 'falco-doctor-lab/falco-standin:0.44.1' },
      counters: { t: T0, events: 0, drops: 0 },
      service: null,
    }),
    tick(2, {
      falco: stats(T0 + 2000, 5, 53, 100, 0),
      counters: { t: T0 + 2000, events: 22_000, drops: 9000 },
      logLines: [
        at(T0 + 1500, dropText(T0 + 1500)),
        at(T0 + 1600, json('Read sensitive file untrusted', 'Warning')),
        at(T0 + 1700, json('Terminal shell in container', 'Notice')),
      ],
      service: { name: 'ai-trading-bot', chosen: 'busiest', state: 'ok' },
      self: { cpuPercent: 0.8, rssBytes: 62 * MIB },
    }),
    tick(4, {
      falco: stats(T0 + 4000, 6, 54, 120, 3),
      service: { name: 'ai-trading-bot', chosen: 'busiest', state: 'ok', sample: stats(T0 + 4000, 3.1, 45) },
    }),
  ];
}

export const lastDiagnosis: OpenFindings = {
  generatedAt: '2026-11-23T07:55:00.000Z',
  target: { name: 'falco-security-monitor' },
  // findings of the example bundles as the core makes them (fixtures/diagnosis.ts), least severe first
  findings: [infoFinding, dropFinding].map(({ code, severity, title }) => ({ code, severity, title })),
};

/** A source the test pushes ticks into; `active` tells whether the screen is subscribed. */
export class HandSource implements MonitorSource {
  private listener: ((t: MonitorTick) => void) | null = null;
  subscriptions = 0;
  get active(): boolean {
    return this.listener !== null;
  }
  subscribe(onTick: (t: MonitorTick) => void): () => void {
    this.subscriptions += 1;
    this.listener = onTick;
    return () => {
      this.listener = null;
    };
  }
  push(...ticks: MonitorTick[]): void {
    for (const t of ticks) this.listener?.(t);
  }
}
