// How a failed connection to Docker reads: one line with the cause and a remedy, exit code 5.
import { describe, expect, it } from 'vitest';
import { dockerUnreachable, connectDocker, ensureReachable } from '../../src/adapters/docker/client.js';
import { EXIT } from '../../src/core/errors.js';

const err = (code: string) => Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code });

describe('Docker connection errors', () => {
  it('permission denied names the docker group, sudo', () => {
    const e = dockerUnreachable(err('EACCES'), {});
    expect(e.message).toBe('permission denied on the Docker socket (unix:///var/run/docker.sock)');
    expect(e.hint).toContain('"docker" group');
    expect(e.exitCode).toBe(EXIT.unreachable);
  });

  it('a missing socket names DOCKER_HOST', () => {
    const e = dockerUnreachable(err('ENOENT'), { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' });
    expect(e.message).toBe('no Docker engine answers at unix:///run/user/1000/docker.sock');
    expect(e.hint).toContain('DOCKER_HOST');
  });

  it('refuses a DOCKER_HOST it cannot speak to (ssh://), naming it, exit 5', () => {
    expect(() => connectDocker({ DOCKER_HOST: 'ssh://ops@vps.example' })).toThrow(
      expect.objectContaining({
        message: 'DOCKER_HOST=ssh://ops@vps.example: falco-doctor talks to Docker over unix:// or tcp:// only',
        exitCode: EXIT.unreachable,
      }),
    );
  });

  it('a real connection to a socket that does not exist fails that way', async () => {
    const env = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
    await expect(ensureReachable(connectDocker(env), env)).rejects.toMatchObject({
      message: 'no Docker engine answers at unix:///nonexistent/docker.sock',
      exitCode: EXIT.unreachable,
    });
  });
});
