// Detection as a post-change check of the change engine: a canary before the change and one after it
// (core/canary/proof.ts compares them). A canary that was detected before and is not after fails the
// check, and the engine undoes the change. A canary that could not run (Falco down, no image) is "not
// measured", never a pass. The proofs are recorded in the state dir like any canary's.
import { errorMessage } from '../../core/errors.js';
import { compareDetection, type CheckOutcome } from '../../core/canary/proof.js';
import type { CanaryReport } from '../../core/canary/format.js';
import type { DockerClient } from '../docker/client.js';
import { proveDetection, type ProveOptions } from './prove.js';

const RETRY_AFTER_MS = 10_000;

export interface DetectionCheck {
  name: string;
  before(): Promise<CanaryReport | null>;
  after(before: CanaryReport | null): Promise<CheckOutcome>;
}

export interface DetectionCheckOptions extends Pick<ProveOptions, 'container' | 'stateDir' | 'timeoutMs' | 'toolVersion'> {
  /** the change being verified, recorded with each proof: "fix raise-cpu-limit" */
  change: string;
  /** progress lines: what fired, what was seen */
  say?: (line: string) => void;
}

export function detectionCheck(docker: DockerClient, o: DetectionCheckOptions): DetectionCheck {
  const run = async (when: 'before' | 'after'): Promise<CanaryReport | null> => {
    try {
      // a change's own canaries are paced by the change, not by the canary's minimum interval
      const r = await proveDetection(docker, { ...o, by: `${o.change}, ${when}`, force: true });
      o.say?.(
        `detection ${when}: ${r.verdict.detected ? `rule "${r.verdict.rule}" alerted via ${r.verdict.channel ?? '?'} in ${r.verdict.latencyMs ?? '?'} ms` : `NOT detected (${r.verdict.reasons.map((x) => x.code).join(', ')})`}`,
      );
      return r;
    } catch (e) {
      o.say?.(`detection ${when}: not measured (${errorMessage(e)})`);
      return null;
    }
  };
  return {
    name: 'detection (canary)',
    before: () => run('before'),
    async after(before) {
      // nothing to lose: no second alert to anyone's pager
      if (!before?.verdict.detected) return compareDetection(before?.verdict ?? null, null);
      let after = await run('after');
      // a Falco that just reloaded may still be loading its probe (no /metrics to tell): one more try
      if (after && !after.verdict.detected) {
        await new Promise((r) => setTimeout(r, RETRY_AFTER_MS));
        after = (await run('after')) ?? after;
      }
      return compareDetection(before.verdict, after?.verdict ?? null);
    },
  };
}
