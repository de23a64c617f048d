// Falco STAND-IN (falco-doctor lab), not Falco: a simulated kernel event stream into a bounded ring.
// The stand-in cannot see the host's syscalls, so events are produced from wall-clock time: a steady
// rate plus optional bursts. Production keeps going while the process is throttled by its CPU quota
// (as the kernel does), so a starved consumer fills the ring and the excess is DROPPED and counted
// per category like libscap's n_drops_buffer_* counters.

export const DROP_CATEGORIES = ['clone_fork', 'execve', 'connect', 'open', 'dir_file', 'other_interest', 'close', 'proc'] as const;
export type DropCategory = (typeof DROP_CATEGORIES)[number];

export interface RingCounters {
  /** Kernel-side events, including the dropped ones (libscap n_evts). */
  nEvts: number;
  nDrops: number;
  dropsBy: Record<DropCategory, number>;
}

export interface LoadProfile {
  ratePerSec: number;
  burstEvents: number;
  burstMs: number;
}

export class KernelRing {
  occupancy = 0;
  readonly counters: RingCounters = {
    nEvts: 0,
    nDrops: 0,
    dropsBy: Object.fromEntries(DROP_CATEGORIES.map((c) => [c, 0])) as Record<DropCategory, number>,
  };
  private lastNs = process.hrtime.bigint();
  private carry = 0;
  private nextBurstNs: bigint;

  constructor(
    readonly capacity: number,
    private readonly load: LoadProfile,
  ) {
    this.nextBurstNs = this.lastNs + BigInt(Math.max(1, load.burstMs)) * 1_000_000n;
  }

  /** Delivers everything the "kernel" produced since the last call. */
  produce(): void {
    const now = process.hrtime.bigint();
    const dtSec = Number(now - this.lastNs) / 1e9;
    this.lastNs = now;
    const exact = this.load.ratePerSec * dtSec + this.carry;
    let n = Math.floor(exact);
    this.carry = exact - n;
    if (this.load.burstEvents > 0 && this.load.burstMs > 0) {
      const period = BigInt(this.load.burstMs) * 1_000_000n;
      while (now >= this.nextBurstNs) {
        n += this.load.burstEvents;
        this.nextBurstNs += period;
      }
    }
    if (n > 0) this.offer(n);
  }

  private offer(n: number): void {
    const accepted = Math.min(n, this.capacity - this.occupancy);
    this.occupancy += accepted;
    this.counters.nEvts += n;
    const dropped = n - accepted;
    if (dropped > 0) this.recordDrops(dropped);
  }

  /** Split like the real drop alert sample: ~half open, ~half close, a handful of clone/connect/proc. */
  private recordDrops(d: number): void {
    const by = this.counters.dropsBy;
    const few = (frac: number): number => Math.min(d, Math.round(d * frac));
    const cloneFork = few(0.00001);
    const connect = few(0.000005);
    const proc = few(0.00001);
    const rest = Math.max(0, d - cloneFork - connect - proc);
    by.clone_fork += cloneFork;
    by.connect += connect;
    by.proc += proc;
    by.open += Math.ceil(rest / 2);
    by.close += Math.floor(rest / 2);
    this.counters.nDrops += d;
  }

  take(max: number): number {
    const n = Math.min(max, this.occupancy);
    this.occupancy -= n;
    return n;
  }
}
