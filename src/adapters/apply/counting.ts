// After a reload or restart Falco answers /healthz before its probe is loaded (seconds on a small CPU quota,
// longer on a busy host), and its counters start again from zero. A re-measure begun then counts nothing and
// reads "no drops": the false verification seen on real Falco 0.42.1. So the re-measure waits until Falco's
// event counter moves again; when it cannot be read, the core reports the drop figures as not measured.
import { parsePrometheus, promValue } from '../../core/falco/parse/prometheus.js';
import { httpGet } from '../webserver.js';
import { sleep } from './reload.js';

const EVENTS = 'falcosecurity_scap_n_evts_total';

export type Counting = 'counting' | 'not-counting' | 'unreadable';

async function eventsCounted(metricsUrl: string): Promise<number | null> {
  const r = await httpGet(metricsUrl, 3000).catch(() => null);
  if (!r || r.status !== 200) return null;
  return promValue(parsePrometheus(r.body), EVENTS);
}

/** Polls /metrics until two readings show the event counter rising; 'not-counting' at the deadline. */
export async function waitUntilCounting(metricsUrl: string | null, timeoutMs: number): Promise<Counting> {
  if (!metricsUrl) return 'unreadable';
  const deadline = Date.now() + timeoutMs;
  let last: number | null = null;
  let answered = false;
  while (Date.now() < deadline) {
    const n = await eventsCounted(metricsUrl);
    if (n !== null) {
      answered = true;
      if (last !== null && n > last) return 'counting';
      last = n;
    }
    await sleep(500);
  }
  return answered ? 'not-counting' : 'unreadable';
}
