// The history views treat every kind of change alike: the overlap warning ("undoing this also reverts
// later changes") compares what each entry touched, whatever its kind, and the target and restored
// things are named per kind. Entries are the schema-1 fixtures, read as the journal reads them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoredEntrySchema } from '../../src/core/fix/journal-v1.js';
import { toChangeViews } from '../../src/commands/history-ui.js';
import type { JournalEntry } from '../../src/core/fix/journal-entry.js';
import { REPO } from '../core/helpers/fixtures.js';

const read = (name: string): JournalEntry =>
  StoredEntrySchema.parse(JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/journal-v1', `${name}.json`), 'utf8')));
const DOCKER = read('20261201T090000000Z-raise-cpu-limit-1a2b');
const KUBE = read('20261201T091000000Z-raise-buffer-preset-3c4d');
const STOPPED = read('20261201T092000000Z-rollout-baseline-5e6f');
const later = (e: JournalEntry, id: string): JournalEntry => ({ ...e, id, createdAt: '2026-12-02T00:00:00.000Z', state: 'verified' });

describe('history across kinds of change', () => {
  it('a later Kubernetes change to the same ConfigMap key overlaps the earlier one, as a Docker one to the same file does', () => {
    const views = toChangeViews([DOCKER, KUBE, STOPPED, later(KUBE, 'kube-2'), later(DOCKER, 'docker-2')]);
    const overlapOf = (id: string) => views.find((v) => v.id === id)?.laterOverlapping;
    expect(overlapOf(KUBE.id)).toEqual(['kube-2']);
    expect(overlapOf(DOCKER.id)).toEqual(['docker-2']);
    // Falco stopped and started again touched neither files nor the ConfigMap
    expect(overlapOf(STOPPED.id)).toEqual([]);
  });

  it('names each target and what its undo restores byte for byte', () => {
    const views = toChangeViews([DOCKER, KUBE, STOPPED]);
    const byId = Object.fromEntries(views.map((v) => [v.id, { container: v.container, files: v.files }]));
    expect(byId[DOCKER.id]).toEqual({ container: 'falco-security-monitor', files: ['/srv/falco/etc-falco/falco.yaml'] });
    expect(byId[KUBE.id]).toEqual({ container: 'default/falco (DaemonSet)', files: ['ConfigMap default/falco data.falco.yaml'] });
    expect(byId[STOPPED.id]).toEqual({ container: 'falco-security-monitor', files: [] });
  });
});
