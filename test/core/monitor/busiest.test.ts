import { describe, expect, it } from 'vitest';
import { pickBusiest } from '../../../src/core/monitor/busiest.js';

describe('busiest service', () => {
  it('picks the highest CPU, memory breaking ties; none from nothing', () => {
    const c = (name: string, cpuPercent: number, memBytes: number, serves = true) => ({ id: name, name, cpuPercent, memBytes, serves });
    expect(pickBusiest([c('a', 1, 10), c('b', 7, 5), c('c', 7, 9)])?.name).toBe('c');
    expect(pickBusiest([])).toBeNull();
  });

  it('a container that serves (a published port, the host network) beats a busier one that serves nobody', () => {
    const c = (name: string, cpuPercent: number, serves: boolean) => ({ id: name, name, cpuPercent, memBytes: 1, serves });
    // the real-Falco lab: a syscall storm at 120 % of a core beside a trading bot idling at 0.1 %
    expect(pickBusiest([c('storm', 120, false), c('bot', 0.1, true)])?.name).toBe('bot');
    expect(pickBusiest([c('storm', 120, false), c('batch', 3, false)])?.name).toBe('storm');
  });
});
