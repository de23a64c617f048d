// Stopping and starting the Docker engine for the dockerd fault tests. dockerd is stopped by its pid
// (its pidfile), the way `systemctl stop docker` would: SIGTERM, so it stops its containers and exits.
// It is started again with the script that started it for the suite (scripts/ensure-docker.sh), and
// every other docker test needs it back: callers restore it in finally/afterAll.
import { execa } from 'execa';
import fs from 'node:fs';
import { ENSURE_DOCKER_SCRIPT } from '../../lab/paths.js';
import { dockerMaybe } from '../../lab/docker-cli.js';
import { waitFor } from './wait.js';

const PIDFILE = '/var/run/docker.pid';
export const DOCKER_SOCKET = '/var/run/docker.sock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function enginePid(): number {
  const pid = Number(fs.readFileSync(PIDFILE, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) throw new Error(`${PIDFILE} does not name a running dockerd (${pid})`);
  return pid;
}

/** SIGTERM to dockerd, then wait until the process is gone (it stops the containers first). */
export async function stopEngine(): Promise<void> {
  const pid = enginePid();
  process.kill(pid, 'SIGTERM');
  await waitFor(`dockerd (pid ${pid}) to exit`, () => !alive(pid), 60_000, 200);
}

export async function engineAnswers(): Promise<boolean> {
  return (await dockerMaybe(['info', '--format', '{{.ID}}'])).ok;
}

/** Starts dockerd again when it does not answer (idempotent), and waits for the socket and `docker info`. */
export async function startEngine(): Promise<void> {
  if (await engineAnswers()) return;
  // stdio not piped: the script leaves dockerd running in the background, holding its own output
  const r = await execa('bash', [ENSURE_DOCKER_SCRIPT], { reject: false, stdio: ['ignore', 'inherit', 'inherit'], timeout: 120_000 });
  if (r.exitCode !== 0) throw new Error(`${ENSURE_DOCKER_SCRIPT} exited ${r.exitCode}: Docker is down for the other tests`);
  await waitFor('the Docker socket and docker info', async () => fs.existsSync(DOCKER_SOCKET) && (await engineAnswers()), 60_000, 500);
}
