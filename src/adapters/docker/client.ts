// The Docker connection: DOCKER_HOST if set (unix:// or tcp://), else the local socket. Connection
// failures become one clear line with the cause and the remedy.
import Docker from 'dockerode';
import { UnreachableError } from '../../core/errors.js';

export type DockerClient = Docker;

export function connectDocker(env: NodeJS.ProcessEnv = process.env): DockerClient {
  const host = env['DOCKER_HOST'];
  if (!host) return new Docker({ socketPath: '/var/run/docker.sock' });
  if (host.startsWith('unix://')) return new Docker({ socketPath: host.slice('unix://'.length) });
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

export function dockerUnreachable(e: unknown, env: NodeJS.ProcessEnv = process.env): UnreachableError {
  const code = (e as { code?: string }).code;
  const where = env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  if (code === 'EACCES' || code === 'EPERM')
    return new UnreachableError(
      `permission denied on the Docker socket (${where})`,
      'add your user to the "docker" group (then log in again), or run with sudo',
    );
  if (code === 'ENOENT' || code === 'ECONNREFUSED')
    return new UnreachableError(
      `no Docker engine answers at ${where}`,
      'start Docker (systemctl start docker), or point DOCKER_HOST at the engine',
    );
  const message = e instanceof Error ? e.message : String(e);
  return new UnreachableError(`cannot reach Docker at ${where}: ${message}`, 'check that dockerd runs and DOCKER_HOST');
}
