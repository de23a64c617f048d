// The one place the collector's options are built (issue #14): with DOCKER_HOST=tcp://another-host the
// container's bind mounts are that host's paths, so no command may read this machine's files for them.
import { afterEach, describe, expect, it } from 'vitest';
import { liveCollectOptions } from '../../src/adapters/collect-options.js';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../core/helpers/fixtures.js';

const saved = process.env['DOCKER_HOST'];
afterEach(() => {
  if (saved === undefined) delete process.env['DOCKER_HOST'];
  else process.env['DOCKER_HOST'] = saved;
});
const opts = () => liveCollectOptions({ container: null, windowMs: 1000, lookbackMs: 1000, toolVersion: 't' });

describe('liveCollectOptions', () => {
  it('reads host files only when dockerd is on this host', () => {
    delete process.env['DOCKER_HOST'];
    expect(opts().hostVisible).toBe(true);
    process.env['DOCKER_HOST'] = 'unix:///var/run/docker.sock';
    expect(opts().hostVisible).toBe(true);
    process.env['DOCKER_HOST'] = 'tcp://203.0.113.7:2375';
    expect(opts().hostVisible).toBe(false);
  });

  it('is the only construction: no command or adapter sets hostVisible: true by hand (checklist and rollout did)', () => {
    const r = spawnSync('git', ['grep', '-n', 'hostVisible: true', '--', 'src'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1); // git grep: 1 = no match (2 would be an error)
  });
});
