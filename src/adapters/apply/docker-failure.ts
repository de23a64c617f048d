// Why a Docker call made during a change (or its undo) failed, in the operator's words: the engine
// went away (dockerd stopped: nothing answers on the socket), or the container did (removed: 404).
// Decided from the error's code and status, never from its message.
import { isEngineGone } from '../docker/client.js';
import { dockerEndpoint } from '../docker/endpoint.js';
import { errorMessage } from '../../core/errors.js';

export type DockerFailure = 'engine-gone' | 'container-gone' | 'other';

export function dockerFailure(e: unknown): DockerFailure {
  // our own wrappers (ExternalError) keep the Docker error as their cause
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (isEngineGone(cur)) return 'engine-gone';
    if ((cur as { statusCode?: number }).statusCode === 404) return 'container-gone';
  }
  return 'other';
}

/** One line: what went wrong, with Docker's loss named as such. */
export function describeFailure(e: unknown, containerName: string): string {
  const f = dockerFailure(e);
  if (f === 'engine-gone') return `Docker stopped answering at ${dockerEndpoint()}`;
  if (f === 'container-gone') return `the container ${containerName} was removed`;
  return errorMessage(e);
}
