// Falco STAND-IN (falco-doctor lab), not Falco: one "run" of the stand-in between startup/reload and
// shutdown/reload: the touched ring buffers and state table, the simulated kernel ring, the consumer,
// the drop monitor and the metrics snapshot timer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StandinConfig } from './config.js';
import { Consumer, type ConsumerCost } from './consumer.js';
import { DropMonitor } from './drop-monitor.js';
import { KernelRing, type LoadProfile } from './kernel-ring.js';
import { nowNs } from './log.js';
import { allocateStateTable, allocateTouched, bufferCount, presetBytes } from './memory.js';
import { SnapshotBuilder, type EngineView } from './metrics.js';
import { emitInternalAlert } from './outputs.js';
import type { Prepared } from './prepare.js';
import { usesKernelRing } from './prepare.js';
import type { CpuWindow } from './resources.js';
import { expandRulesPaths } from './rules.js';

export interface Knobs {
  load: LoadProfile;
  eventBytes: number;
  stateMb: number;
  baseNs: number;
  ruleNs: number;
  iterationsPerNs: number;
}

const ENGINE_NAMES: Record<StandinConfig['engineKind'], string> = {
  modern_ebpf: 'modern_bpf',
  kmod: 'kmod',
  ebpf: 'bpf',
  nodriver: 'nodriver',
  replay: 'savefile',
};

const sha256 = (file: string): [string, string] => [path.basename(file), crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')];

export class EngineRun {
  readonly view: EngineView;
  private memory: Buffer[] = [];
  private readonly ring: KernelRing;
  private readonly consumer: Consumer;
  private readonly drops: DropMonitor;
  private metricsTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly prepared: Prepared,
    knobs: Knobs,
    startNs: bigint,
    cpu: CpuWindow,
    onFatal: (message: string) => void,
  ) {
    const { cfg, rules } = prepared;
    const kernel = usesKernelRing(cfg);
    const perBuffer = kernel ? presetBytes(cfg.bufSizePreset) : 0;
    const buffers = kernel ? bufferCount(cfg.engineKind, cfg.cpusForEachBuffer) : 0;
    this.memory = [...allocateTouched(perBuffer, buffers), ...allocateStateTable(knobs.stateMb)];
    const capacity = Math.floor((perBuffer * buffers) / knobs.eventBytes);
    this.ring = new KernelRing(capacity, kernel ? knobs.load : { ratePerSec: 0, burstEvents: 0, burstMs: 0 });
    const cost: ConsumerCost = { baseNs: knobs.baseNs, ruleNs: knobs.ruleNs, enabledRules: rules.enabled, iterationsPerNs: knobs.iterationsPerNs };
    this.view = {
      engineName: ENGINE_NAMES[cfg.engineKind],
      counters: this.ring.counters,
      processedEvents: () => this.consumer.processed,
      startNs,
      reloadNs: nowNs(),
      configHashes: cfg.configFiles.map(sha256),
      rulesHashes: expandRulesPaths(cfg.rulesFiles).map(sha256),
      kernelCounters: cfg.metrics.kernelCounters,
    };
    this.drops = new DropMonitor(cfg.drops, this.ring.counters, cfg.engineKind === 'ebpf' || cfg.engineKind === 'modern_ebpf');
    this.consumer = new Consumer(this.ring, cost, () => {
      cpu.tick();
      if (kernel && !this.drops.check()) onFatal('Drop manager internal error');
    });
    if (cfg.metrics.enabled && cfg.metrics.outputRule) {
      const snapshot = new SnapshotBuilder(this.view);
      this.metricsTimer = setInterval(() => {
        emitInternalAlert('Informational', 'Falco metrics snapshot', 'Falco internal: metrics snapshot', snapshot.build(nowNs()));
      }, cfg.metrics.intervalMs);
    }
  }

  start(): void {
    this.consumer.start();
  }

  /** Ends the run: what Falco prints when its event loop returns, then the memory is let go. */
  stop(): void {
    this.consumer.stop();
    if (this.metricsTimer) clearInterval(this.metricsTimer);
    if (usesKernelRing(this.prepared.cfg)) this.drops.printStats();
    process.stdout.write('Events detected: 0\nRule counts by severity:\nTriggered rules by rule name:\n');
    this.memory = [];
  }
}
