// The Docker connection: DOCKER_HOST if set (unix:// or tcp://), else the local socket. Connection
// failures become one clear line with the cause and the remedy.
import Docker from 'dockerode';
import { UnreachableError } from '../../core/errors.js';
import { dockerEndpoint } from './endpoint.js';

export type DockerClient = Docker;

export function connectDocker(env: NodeJS.ProcessEnv = process.env): DockerClient {
  const host = dockerEndpoint(env);
  if (host.startsWith('unix://')) return new Docker({ socketPath: host.slice('unix://'.length) });
  // ssh://, npipe://, fd:// would otherwise be tried as plain HTTP on port 2375, and a remote host's
  // paths taken for this one's (hostVisible)
  if (!host.startsWith('tcp://'))
    throw new UnreachableError(
      `DOCKER_HOST=${host}: falco-doctor talks to Docker over unix:// or tcp:// only`,
      'unset DOCKER_HOST to use the local socket, or run falco-doctor on the Docker host itself',
    );
  const url = new URL(host);
  return new Docker({ host: url.hostname, port: Number(url.port || 2375), protocol: 'http' });
}

/** Pings the engine; throws UnreachableError naming the cause and what to do. */
export async function ensureReachable(docker: DockerClient, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    await docker.ping();
  } catch (e) {
    throw dockerUnreachable(e, env);
  }
}

/** Did a call fail because the engine itself went away (socket removed, connection refused)?
 * Not an API error: those carry a statusCode. Used to turn a mid-run loss into UnreachableError. */
export function isEngineGone(e: unknown, env: NodeJS.ProcessEnv = process.env): boolean {
  const err = e as { code?: string; syscall?: string; address?: string; port?: number; statusCode?: number } | null;
  if (!err || typeof err !== 'object' || err.statusCode !== undefined) return false;
  const host = dockerEndpoint(env);
  const socket = host.startsWith('unix://') ? host.slice('unix://'.length) : null;
  // the address tells a Docker connection from one to Falco's webserver (also a "connect" error)
  const ours = socket !== null ? err.address === socket : err.port === Number(new URL(host).port || 2375);
  return err.syscall === 'connect' && ours && (err.code === 'ENOENT' || err.code === 'ECONNREFUSED');
}

export function dockerUnreachable(e: unknown, env: NodeJS.ProcessEnv = process.env): UnreachableError {
  const code = (e as { code?: string }).code;
  const where = dockerEndpoint(env);
  if (code === 'EACCES' || code === 'EPERM')
    return new UnreachableError(
      `permission denied on the Docker socket (${where})`,
      'add your user to the "docker" group (then log in again), or run with sudo',
    );
  if (code === 'ENOENT' || code === 'ECONNREFUSED')
    return new UnreachableError(`no Docker engine answers at ${where}`, 'start Docker (systemctl start docker), or point DOCKER_HOST at the engine');
  const message = e instanceof Error ? e.message : String(e);
  return new UnreachableError(`cannot reach Docker at ${where}: ${message}`, 'check that dockerd runs and DOCKER_HOST');
}
