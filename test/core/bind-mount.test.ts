import { describe, expect, it } from 'vitest';
import { bindMountFor } from '../../src/core/bind-mount.js';

const m = (destination: string, source: string, type = 'bind') => ({ type, source, destination, rw: true });

describe('bindMountFor', () => {
  const mounts = [m('/etc/falco', '/srv/falco'), m('/etc/falco/rules.d', '/srv/rules'), m('/data', 'vol', 'volume'), m('/etc/falcon', '/srv/x')];
  it('takes the longest bind mount holding the path', () => {
    expect(bindMountFor('/etc/falco/rules.d/a.yaml', mounts)?.source).toBe('/srv/rules');
    expect(bindMountFor('/etc/falco/falco.yaml', mounts)?.source).toBe('/srv/falco');
    expect(bindMountFor('/etc/falco', mounts)?.source).toBe('/srv/falco');
  });
  it('a sibling with the same prefix is not a parent, and volumes are not binds', () => {
    expect(bindMountFor('/etc/falconry/x', mounts)).toBeNull();
    expect(bindMountFor('/data/x', mounts)).toBeNull();
    expect(bindMountFor('/etc/falco/x', [m('/etc/falco/', '/srv/slash')])?.source).toBe('/srv/slash');
  });
});
