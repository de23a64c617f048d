// One measuring window of the rollout (the baseline's, or a phase's): the protected service's latency
// and resources, and Falco's, sampled at the plan's pace and flushed to the state as it goes, so an
// interrupted window resumes where it stopped.
import { durationMs, type RolloutPlan } from '../../core/rollout/plan-schema.js';
import type { RolloutState } from '../../core/rollout/state.js';
import type { MeasureWindow } from '../../core/rollout/window.js';
import type { DockerClient } from '../../adapters/docker/client.js';
import { measureWindow } from '../../adapters/rollout/measure.js';
import { serviceId } from '../../adapters/rollout/target.js';

/** Measures the service (and Falco, when falcoId is given) over a window, flushing it as it goes. */
export async function measureService(
  s: RolloutState,
  window: MeasureWindow,
  plan: RolloutPlan,
  docker: DockerClient,
  falcoId: string | null,
  flush: (w: MeasureWindow) => Promise<void>,
): Promise<MeasureWindow> {
  const m = plan.monitor;
  return measureWindow(
    {
      docker: docker,
      serviceId: await serviceId(docker, s.service.container),
      probe: s.service.probe,
      connect: s.service.connect,
      falcoId,
    },
    window,
    {
      probeEveryMs: durationMs(m.probeEvery),
      sampleEveryMs: durationMs(m.sampleEvery),
      keep: plan.statistics.keep,
      flushEveryMs: Math.min(5000, durationMs(m.sampleEvery) * 2),
      flush,
    },
  );
}
