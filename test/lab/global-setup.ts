// vitest globalSetup for the `docker` project: make sure a Docker engine answers (installing and
// starting dockerd if needed, via scripts/ensure-docker.sh) and that the lab images are current
// (a fast no-op when their input hashes match). Fails loudly: without Docker these tests mean nothing.
import { execa } from 'execa';
import { ensureLabImages } from './images.js';
import { ENSURE_DOCKER_SCRIPT } from './paths.js';

export default async function setup(): Promise<void> {
  const ensured = await execa('bash', [ENSURE_DOCKER_SCRIPT], { reject: false, stdio: ['ignore', 'inherit', 'inherit'] });
  if (ensured.exitCode !== 0) {
    throw new Error(
      `Docker is not available for the docker test project: ${ENSURE_DOCKER_SCRIPT} exited ${ensured.exitCode}. ` +
        'Run it by hand to see why (it needs root to install docker.io or start dockerd).',
    );
  }
  try {
    await ensureLabImages((line) => process.stderr.write(`lab images: ${line}\n`));
  } catch (e) {
    throw new Error(`Could not build the falco-doctor lab images: ${(e as Error).message}`);
  }
}
