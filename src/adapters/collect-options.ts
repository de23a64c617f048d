// The collector's options for a live target, with the one answer to "are dockerd's paths this host's?"
// (hostVisible): diagnose, fix, the checklist and the rollout all build them here, so none of them reads
// this machine's files for a remote engine's container (DOCKER_HOST=tcp://other-host).
import type { CollectOptions } from './collect.js';
import { hostVisible } from './docker/endpoint.js';

/** `hostVisible` may be given when the caller already decided it (a fix request carries its answer). */
export function liveCollectOptions(o: {
  container: string | null;
  windowMs: number;
  lookbackMs: number;
  toolVersion: string;
  hostVisible?: boolean;
}): CollectOptions {
  return { ...o, sampleEveryMs: 1000, hostVisible: o.hostVisible ?? hostVisible() };
}
