// Whether the changes of this command prove detection (a canary before and after each, through the
// change engine's checks): --canary, --no-canary, or by default on a terminal once the operator said yes
// to a canary (asked here the first time). Off a terminal without --canary there is none, and the
// command says so. Decided once per command; each change then gets its own check.
import { detectionPolicy } from '../core/canary/proof.js';
import type { DetectionArgs } from '../cli/requests.js';
import type { DockerClient } from '../adapters/docker/client.js';
import { stateDir as resolveStateDir } from '../adapters/paths.js';
import { readConsent, recordConsent } from '../adapters/canary/state-file.js';
import { detectionCheck, type DetectionCheck } from '../adapters/canary/detection-check.js';

/** How long the canary around a change waits for its alert (real Falco with -U: ~80 ms; a miss costs this, twice). */
const CHANGE_CANARY_TIMEOUT_MS = 10_000;

export interface DetectionWiring {
  /** the checks of one change, e.g. "fix raise-cpu-limit" (none when detection is off) */
  checksFor(change: string): DetectionCheck[];
  /** --accept-detection-loss */
  accept: boolean;
}

export interface DetectionContext extends DetectionArgs {
  container: string | null;
  stateDir: string | null;
  toolVersion: string;
  isTty: boolean;
  /** absent: the command must not ask (--yes) — detection then runs only with an answer already kept */
  ask?: (question: string) => Promise<boolean>;
  say: (line: string) => void;
}

export async function decideDetection(docker: DockerClient, c: DetectionContext): Promise<DetectionWiring> {
  const dir = resolveStateDir(process.env, c.stateDir);
  const off: DetectionWiring = { checksFor: () => [], accept: c.acceptDetectionLoss };
  const answer = (await readConsent(dir).catch(() => null))?.answer ?? null;
  const policy = detectionPolicy(c.canary, c.isTty, answer);
  const ask = policy === 'ask' ? c.ask : undefined;
  if (policy === 'skip' || (policy === 'ask' && !ask)) {
    if (c.canary === 'ask') c.say('detection: not proven around this change (--canary fires a canary before and after it)');
    return off;
  }
  if (ask) {
    const yes = await ask(
      'prove detection with a canary before and after each change? Its alert reaches every output Falco has (asked once: the answer is kept)',
    );
    await recordConsent(dir, 'a change', yes ? 'yes' : 'no');
    if (!yes) return off;
  }
  return {
    accept: c.acceptDetectionLoss,
    checksFor: (change) => [
      detectionCheck(docker, { container: c.container, stateDir: dir, timeoutMs: CHANGE_CANARY_TIMEOUT_MS, toolVersion: c.toolVersion, change }),
    ],
  };
}
