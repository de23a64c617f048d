// Why a poll failed, as a target state: the engine is down (nothing answers on the socket), or the
// container is gone (removed, or Docker says 404). Decided by asking Docker, not by reading messages.
import type { DockerClient } from '../docker/client.js';
import { dockerUnreachable } from '../docker/client.js';
import type { TargetStatus } from '../../core/monitor/types.js';
import { errorMessage } from '../../core/errors.js';
import { withTimeout } from './timeout.js';

export async function classifyFailure(docker: DockerClient, e: unknown, env: NodeJS.ProcessEnv): Promise<TargetStatus> {
  if ((e as { statusCode?: number }).statusCode === 404) return { state: 'gone', detail: 'the container was removed' };
  try {
    await withTimeout(docker.ping(), 2000, 'docker ping');
  } catch (pingError) {
    return { state: 'docker-down', detail: dockerUnreachable(pingError, env).message };
  }
  return { state: 'gone', detail: errorMessage(e) };
}
