// Where the Docker engine is, and whether its host is this one. No dockerode here: the composition
// root asks these before (or without) loading Docker's client.

/** Where the engine is: DOCKER_HOST when set and not empty, else the local socket. The connection,
 * the loss check and every message use this one answer. */
export function dockerEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return env['DOCKER_HOST'] || 'unix:///var/run/docker.sock';
}

/** false when dockerd runs on another machine (DOCKER_HOST=tcp://): host paths are not ours to read. */
export function hostVisible(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env['DOCKER_HOST']?.startsWith('tcp://');
}
