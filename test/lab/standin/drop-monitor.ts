// Falco STAND-IN (falco-doctor lab), not Falco: syscall_evt_drop_mgr (userspace/falco/event_drops.cpp).
// Once a second: delta n_evts / n_drops; when n_drops/n_evts > threshold the occurrence is counted and,
// if the token bucket (rate, max_burst, starting full) allows, the configured actions run:
// log = DEBUG log line (hidden at the default log_level info, as in Falco), alert = the
// "Falco internal: syscall event drop" alert, exit = CRITICAL log + "Exiting." and a fatal stop.
import type { StandinConfig } from './config.js';
import { DROP_CATEGORIES, type RingCounters } from './kernel-ring.js';
import { log } from './log.js';
import { emitInternalAlert, type FieldValue } from './outputs.js';

class TokenBucket {
  private tokens: number;
  private last = process.hrtime.bigint();
  constructor(
    private readonly rate: number,
    private readonly max: number,
  ) {
    this.tokens = max;
  }
  claim(): boolean {
    const now = process.hrtime.bigint();
    this.tokens = Math.min(this.max, this.tokens + (this.rate * Number(now - this.last)) / 1e9);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class DropMonitor {
  occurrences = 0;
  actionsTaken = 0;
  private last: RingCounters;
  private nextCheck = Date.now() + 1000;
  private readonly bucket: TokenBucket;

  constructor(
    private readonly cfg: StandinConfig['drops'],
    private readonly counters: RingCounters,
    private readonly bpfEnabled: boolean,
  ) {
    this.bucket = new TokenBucket(cfg.rate, cfg.maxBurst);
    this.last = structuredClone(counters);
  }

  /** Returns false when the `exit` action fired (Falco ends with "Drop manager internal error"). */
  check(): boolean {
    if (Date.now() < this.nextCheck) return true;
    this.nextCheck = Date.now() + 1000;
    const now = structuredClone(this.counters);
    const nEvts = now.nEvts - this.last.nEvts;
    let nDrops = now.nDrops - this.last.nDrops;
    const byDelta = Object.fromEntries(DROP_CATEGORIES.map((c) => [c, now.dropsBy[c] - this.last.dropsBy[c]]));
    this.last = now;
    if (this.cfg.simulate) {
      log('info', 'Simulating syscall event drop');
      nDrops++;
    }
    const threshold = this.cfg.simulate ? 0 : this.cfg.threshold;
    if (nDrops <= 0 || nDrops / Math.max(1, nEvts) <= threshold) return true;
    this.occurrences++;
    if (!this.bucket.claim()) {
      log('debug', 'Syscall event drop but token bucket depleted, skipping actions');
      return true;
    }
    this.actionsTaken++;
    return this.perform(nEvts, nDrops, byDelta);
  }

  private perform(nEvts: number, nDrops: number, by: Record<string, number>): boolean {
    const rule = 'Falco internal: syscall event drop';
    const msg = `${rule}. ${nDrops} system calls dropped in last second.`;
    let keepGoing = true;
    for (const action of this.cfg.actions) {
      if (action === 'log') log('debug', msg);
      else if (action === 'alert') {
        const s = (n: number): FieldValue => String(n);
        const fields: Record<string, FieldValue> = {
          n_evts: s(nEvts),
          n_drops: s(nDrops),
          n_drops_buffer_total: s(nDrops),
          n_drops_scratch_map: '0',
          n_drops_page_faults: '0',
          n_drops_bug: '0',
          ebpf_enabled: this.bpfEnabled ? '1' : '0',
        };
        for (const c of DROP_CATEGORIES) fields[`n_drops_buffer_${c}_exit`] = s(by[c] ?? 0);
        emitInternalAlert('Debug', msg, rule, fields);
      } else if (action === 'exit') {
        log('critical', msg);
        log('critical', 'Exiting.');
        keepGoing = false;
      }
    }
    return keepGoing;
  }

  /** What Falco prints to stderr when the event loop ends (both with and without drops). */
  printStats(): void {
    process.stderr.write(
      `Syscall event drop monitoring:\n   - event drop detected: ${this.occurrences} occurrences\n` + `   - num times actions taken: ${this.actionsTaken}\n`,
    );
  }
}
