import { describe, expect, it } from 'vitest';
import { restorePlanFor } from '../../../src/core/fix/invert.js';
import { breakerRefusal } from '../../../src/core/fix/breaker.js';
import type { EntryOf } from '../../../src/core/fix/journal-entry.js';

const LIMITS = { nanoCpus: 2e8, cpuQuota: 0, cpuPeriod: 0, memoryBytes: 2 ** 29, memorySwapBytes: 2 ** 30 };

type DockerChange = EntryOf<'docker'>['change'];
const FILES: DockerChange['files'] = [
  { path: '/a/falco.yaml', containerPath: '/etc/falco/falco.yaml', existed: true, bytesBase64: 'YQ==', mode: 0o640, uid: 7, gid: 8, root: '/a' },
  { path: '/a/local.yaml', containerPath: '/etc/falco/local.yaml', existed: false, bytesBase64: '', mode: 0o644, uid: 0, gid: 0, root: '/a' },
];

function entry(over: Partial<EntryOf<'docker'>> = {}, change: Partial<DockerChange> = {}): EntryOf<'docker'> {
  return {
    schemaVersion: 2,
    id: 'J',
    fixId: 'f',
    title: 'F',
    createdAt: '2025-01-01T00:00:00Z',
    state: 'verified',
    pid: 1,
    target: { kind: 'container', id: 'c', name: 'falco', healthzUrl: null, watchConfig: true },
    changes: [],
    change: { kind: 'docker', files: FILES, limits: null, recreate: null, ...change },
    appliedAt: 0,
    measures: [],
    log: [],
    finishedAt: null,
    ...over,
  };
}

describe('restorePlanFor', () => {
  it('writes back existing files with mode and owner, removes created ones', () => {
    const p = restorePlanFor(entry());
    expect(p.files).toEqual([
      { action: 'write', path: '/a/falco.yaml', root: '/a', bytesBase64: 'YQ==', mode: 0o640, uid: 7, gid: 8 },
      { action: 'remove', path: '/a/local.yaml', root: '/a' },
    ]);
    expect(p.needsReload).toBe(true);
    expect(p.limits).toBeNull();
  });
  it('restores the limits only when the change touched them', () => {
    expect(restorePlanFor(entry({}, { files: [], limits: { before: LIMITS, after: { ...LIMITS, nanoCpus: 3e8 } } }))).toMatchObject({
      limits: LIMITS,
      needsReload: false,
    });
  });
});

describe('breakerRefusal', () => {
  const now = 10 * 3_600_000;
  const at = (minAgo: number) => entry({ appliedAt: now - minAgo * 60_000 });
  it('allows up to the limit in the last hour, counting only applied changes', () => {
    expect(breakerRefusal([at(1), at(2), at(3), at(4), entry({ appliedAt: null }), at(61)], now)).toBeNull();
    expect(breakerRefusal([at(1), at(2), at(3), at(4), at(50)], now)).toBe('5 changes applied in the last hour (limit 5); the next is allowed in 10 min');
    expect(breakerRefusal([at(1)], now, 1)).toMatch(/limit 1/);
  });
});
