// Detection as a post-change check of the change engine: a canary before the change and one after it
// (core/canary/proof.ts compares them). A canary that was detected before and is not after fails the
// check, and the engine undoes the change. A canary that could not run (Falco down, no image) is "not
// measured", never a pass. The proofs are recorded in the state dir like any canary's.
import { errorMessage } from '../../core/errors.js';
import { compareDetection, type CheckOutcome } from '../../core/canary/proof.js';
import type { CanaryReport } from '../../core/canary/format.js';
import type { DockerClient } from '../docker/client.js';
import { proveDetection, type ProveOptions } from './prove.js';

/** A Falco that just reloaded may still be loading its probe when /metrics could not show it counting: one more try. */
const RETRY_AFTER_MS = 5_000;

export interface DetectionCheck {
  name: string;
  before(): Promise<CanaryReport | null>;
  describeBefore(before: CanaryReport | null): string;
  after(before: CanaryReport | null): Promise<CheckOutcome>;
}

export interface DetectionCheckOptions extends Pick<ProveOptions, 'container' | 'stateDir' | 'timeoutMs' | 'toolVersion'> {
  /** the change being verified, recorded with each proof: "fix raise-cpu-limit" */
  change: string;
}

export function detectionCheck(docker: DockerClient, o: DetectionCheckOptions): DetectionCheck {
  let notRun = '';
  const run = async (when: 'before' | 'after', container = o.container): Promise<CanaryReport | null> => {
    try {
      // a change's own canaries are paced by the change, not by the canary's minimum interval
      return await proveDetection(docker, { ...o, container, by: `${o.change}, ${when}`, force: true });
    } catch (e) {
      notRun = errorMessage(e);
      return null;
    }
  };
  return {
    name: 'detection (canary)',
    before: () => run('before'),
    describeBefore: (b) =>
      b === null
        ? `detection not measured: ${notRun}`
        : b.verdict.detected
          ? `detected: rule "${b.verdict.rule}" via ${b.verdict.channel ?? '?'} in ${b.verdict.latencyMs ?? '?'} ms`
          : `NOT detected before the change (${b.verdict.reasons.map((x) => x.code).join(', ')}): nothing to lose`,
    async after(before) {
      // nothing to lose: no second alert to anyone's pager
      if (!before?.verdict.detected) return compareDetection(before?.verdict ?? null, null);
      // by the name the before canary proved: a change that re-creates Falco gives it another id
      let after = await run('after', before.target);
      if (after && !after.verdict.detected && after.capture !== 'counting') {
        await new Promise((r) => setTimeout(r, RETRY_AFTER_MS));
        after = (await run('after', before.target)) ?? after;
      }
      return compareDetection(before.verdict, after?.verdict ?? null);
    },
  };
}
