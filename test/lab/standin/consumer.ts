// Falco STAND-IN (falco-doctor lab), not Falco: the userspace side that pops events from the ring
// and evaluates rules. The work is REAL CPU (an integer hash loop) whose cost per event is
// `baseNs + enabledRules × ruleNs` of CPU time, so more enabled rules or more events mean more CPU,
// and a CPU quota that is too small leaves events in the ring (and then drops).
// The loop works in short slices and yields (setImmediate / setTimeout) so the webserver answers.
import type { KernelRing } from './kernel-ring.js';

let sink = 0;
function burn(iterations: number): void {
  let h = sink | 0;
  for (let i = 0; i < iterations; i++) h = (Math.imul(h ^ i, 0x9e3779b1) + 0x7f4a7c15) | 0;
  sink = h;
}

/** Iterations per CPU-nanosecond, measured with process.cpuUsage so a throttled start does not skew it. */
export function calibrateIterationsPerNs(): number {
  burn(2_000_000); // let the JIT optimise the loop first
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const before = process.cpuUsage();
    const iters = 4_000_000;
    burn(iters);
    const usedUs = process.cpuUsage(before);
    const ns = (usedUs.user + usedUs.system) * 1000;
    if (ns > 0) best = Math.max(best, iters / ns);
  }
  return best > 0 ? best : 1;
}

export interface ConsumerCost {
  baseNs: number;
  ruleNs: number;
  enabledRules: number;
  iterationsPerNs: number;
}

const SLICE_NS = 4_000_000n;
const BATCH = 32;
const IDLE_MS = 10;

export class Consumer {
  /** Events processed by the "engine" (falco.num_evts). */
  processed = 0;
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private stopped = false;

  constructor(
    private readonly ring: KernelRing,
    private readonly cost: ConsumerCost,
    private readonly onTick: () => void,
  ) {}

  private itersPerEvent(): number {
    const c = this.cost;
    return Math.max(1, Math.round((c.baseNs + c.enabledRules * c.ruleNs) * c.iterationsPerNs));
  }

  start(): void {
    const perEvent = this.itersPerEvent();
    const step = (): void => {
      if (this.stopped) return;
      this.ring.produce();
      const start = process.hrtime.bigint();
      while (this.ring.occupancy > 0 && process.hrtime.bigint() - start < SLICE_NS) {
        const n = this.ring.take(BATCH);
        burn(n * perEvent);
        this.processed += n;
        this.ring.produce();
      }
      this.onTick();
      if (this.stopped) return;
      this.timer = this.ring.occupancy > 0 ? setImmediate(step) : setTimeout(step, IDLE_MS);
    };
    step();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
  }
}
