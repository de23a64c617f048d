// The doctor's own cost, for the status bar: CPU since the previous reading and resident memory.
// Rounded to what the status bar shows, so an unchanged reading is recognisably unchanged.
import type { SelfUsage } from '../../core/monitor/types.js';

export interface SelfMeter {
  /** null when the rounded reading is the same as the previous one */
  read(): SelfUsage | null;
}

export function selfMeter(): SelfMeter {
  let lastCpu = process.cpuUsage();
  let lastAt = performance.now();
  let lastShown: SelfUsage | null = null;
  return {
    read() {
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu);
      const elapsedUs = (now - lastAt) * 1000;
      lastCpu = process.cpuUsage();
      lastAt = now;
      const reading: SelfUsage = {
        cpuPercent: elapsedUs > 0 ? Math.round(((cpu.user + cpu.system) / elapsedUs) * 1000) / 10 : 0,
        // whole MiB: the status bar shows no more
        rssBytes: Math.round(process.memoryUsage.rss() / 2 ** 20) * 2 ** 20,
      };
      if (lastShown && lastShown.cpuPercent === reading.cpuPercent && lastShown.rssBytes === reading.rssBytes) return null;
      lastShown = reading;
      return reading;
    },
  };
}
