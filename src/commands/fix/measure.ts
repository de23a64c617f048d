// The re-measure after a fix: the same probes as the diagnosis, over a short window, with a log
// look-back that starts when Falco picked the change up (older drop alerts belong to the old config).
import type { DockerClient } from '../../adapters/docker/client.js';
import { liveCollectOptions } from '../../adapters/collect-options.js';
import type { Diagnosis } from '../../core/diagnosis/diagnose.js';
import { diagnoseLive } from '../diagnose.js';
import { measures } from '../../core/fix/measure.js';
import type { Measure } from '../../core/fix/journal-entry.js';
import type { Catalogue } from '../../core/runbook/load.js';
import { faultPoint } from '../../adapters/apply/fault.js';
import { waitUntilCounting } from '../../adapters/apply/counting.js';

/** What the re-measure reads of the fix's request (fix.ts's FixRequest has it all): named here, so that
 *  fix.ts, which calls the re-measure, is not imported back. */
export interface MeasureRequest {
  windowSeconds: number;
  timings: { reloadTimeoutSeconds: number };
  toolVersion: string;
  hostVisible: boolean;
  thresholds: Record<string, number>;
  catalogue: Catalogue;
}

export async function measureAfter(docker: DockerClient, req: MeasureRequest, sinceMs: number, watch: string[], before: Diagnosis): Promise<Measure[]> {
  // like with like: the window starts once Falco counts events again (its counters restart with a reload).
  // Whatever the wait ends with, the figures say it: a window in which the counters stood still gives
  // "not measured" for the drops (core/diagnosis/counters.ts), never 0.
  const ws = before.context.snapshot.webserver;
  await waitUntilCounting(ws.url && ws.metricsStart !== null ? `${ws.url}/metrics` : null, Math.max(30, req.timings.reloadTimeoutSeconds) * 1000);
  const collect = liveCollectOptions({
    // by name: a fix that re-creates the container (a command-line change) gives it a new id
    container: before.context.snapshot.target.name,
    windowMs: req.windowSeconds * 1000,
    lookbackMs: Math.max(0, Date.now() - sinceMs),
    toolVersion: req.toolVersion,
    hostVisible: req.hostVisible,
  });
  const run = { catalogue: req.catalogue, thresholds: req.thresholds, only: [], toolVersion: req.toolVersion };
  const after = await diagnoseLive(docker, collect, run, (e) => e.type === 'sample' && faultPoint('mid-measure'));
  return measures(watch, before.facts, after.facts);
}
