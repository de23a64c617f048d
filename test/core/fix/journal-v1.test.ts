// Schema-1 journal entries (test/fixtures/journal-v1: written in the shape the doctor wrote before the
// change engine) read as schema 2: each kind of change keeps its own fields, the Kubernetes one loses
// its Docker placeholders, and the undo of each is computed from them as before.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoredEntrySchema } from '../../../src/core/fix/journal-v1.js';
import { restorePlanFor } from '../../../src/core/fix/invert.js';
import { REPO } from '../helpers/fixtures.js';

const DIR = path.join(REPO, 'test/fixtures/journal-v1');
const read = (name: string) => StoredEntrySchema.parse(JSON.parse(readFileSync(path.join(DIR, name), 'utf8')));
const raw = (name: string) => JSON.parse(readFileSync(path.join(DIR, name), 'utf8')) as Record<string, unknown>;

describe('journal schema 1 → 2', () => {
  it('every fixture converts', () => {
    expect(readdirSync(DIR).map((n) => read(n).schemaVersion)).toEqual([2, 2, 2]);
  });

  it('a Docker fix: the container as target, files and the limits pair as its change', () => {
    const name = '20261201T090000000Z-raise-cpu-limit-1a2b.json';
    const v1 = raw(name) as { container: object; files: unknown[]; limitsBefore: object; limitsAfter: object };
    const e = read(name);
    expect(e.target).toEqual({ kind: 'container', ...v1.container });
    expect(e.change).toEqual({ kind: 'docker', files: v1.files, limits: { before: v1.limitsBefore, after: v1.limitsAfter }, recreate: null });
    expect(e.change.kind === 'docker' && restorePlanFor({ id: e.id, change: e.change }).limits).toEqual(v1.limitsBefore);
    expect(e.log.map((l) => l.message).at(-1)).toBe('verified healthy');
  });

  it('a fix --kube: the DaemonSet and its cluster as target, no placeholder limits or container id', () => {
    const e = read('20261201T091000000Z-raise-buffer-preset-3c4d.json');
    expect(e.target).toEqual({
      kind: 'kube',
      kubeconfig: '/home/ops/.kube/config',
      context: 'prod',
      server: 'https://k',
      namespace: 'default',
      daemonSet: 'falco',
      node: 'node-a',
    });
    expect(e.change.kind).toBe('kube-patch');
    expect(Object.keys(e.change).sort()).toEqual(['configMap', 'daemonSet', 'kind']);
    expect(JSON.stringify(e)).not.toContain('ds-uid-5f6e');
  });

  it('an unfinished rollout baseline: Falco stopped, still undoable (applied)', () => {
    const e = read('20261201T092000000Z-rollout-baseline-5e6f.json');
    expect(e.change).toEqual({ kind: 'falco-stopped' });
    expect(e.state).toBe('applied');
  });

  it('a damaged schema-1 entry is refused naming its key', () => {
    const r = StoredEntrySchema.safeParse({ ...raw('20261201T090000000Z-raise-cpu-limit-1a2b.json'), limitsBefore: null });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['limitsBefore']);
  });
});
