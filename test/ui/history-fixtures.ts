// Journal entries as the fix transaction writes them (three changes to one lab target), and their
// views through the command's own toChangeViews.
import type { EntryOf, FileBefore } from '../../src/core/fix/journal-entry.js';
import { toChangeViews } from '../../src/commands/history-ui.js';

const LIMITS = { nanoCpus: 2e8, cpuQuota: 0, cpuPeriod: 0, memoryBytes: 512 * 2 ** 20, memorySwapBytes: -1 };
const FALCO_YAML = '/srv/lab/etc-falco/falco.yaml';

type Over = Partial<Omit<EntryOf<'docker'>, 'change'>> & Pick<EntryOf<'docker'>, 'id' | 'fixId' | 'title' | 'state' | 'createdAt'>;

/** A Docker fix's entry; `files` and `limitsAfter` fill its change. */
export function entry({ files = [], limitsAfter = null, ...over }: Over & { files?: FileBefore[]; limitsAfter?: typeof LIMITS | null }): EntryOf<'docker'> {
  return {
    schemaVersion: 2,
    pid: 4242,
    target: { kind: 'container', id: 'c0ffee', name: 'falco-security-monitor', healthzUrl: 'http://127.0.0.1:8765/healthz', watchConfig: true },
    changes: [],
    change: { kind: 'docker', files, limits: limitsAfter ? { before: LIMITS, after: limitsAfter } : null, recreate: null },
    appliedAt: null,
    measures: [],
    log: [],
    finishedAt: null,
    ...over,
  };
}

const file = (path: string) => ({
  path,
  containerPath: '/etc/falco/falco.yaml',
  existed: true,
  bytesBase64: '',
  mode: 0o644,
  uid: 0,
  gid: 0,
  root: '/srv/lab/etc-falco',
});

/** oldest first, as the journal lists them */
export const ENTRIES: EntryOf<'docker'>[] = [
  entry({
    id: '20261123T080000000Z-raise-buffer-preset-0001',
    fixId: 'raise-buffer-preset',
    title: 'Raise the ring-buffer size preset',
    state: 'verified',
    createdAt: '2026-11-23T08:00:00.000Z',
    finishedAt: '2026-11-23T08:00:21.000Z',
    changes: ['engine.modern_ebpf.buf_size_preset: 1 → 4'],
    files: [file(FALCO_YAML)],
    measures: [{ fact: 'drops.counted', label: 'Events dropped in the window (Falco counters)', before: 18176, after: 0 }],
    log: [
      { t: '2026-11-23T08:00:01.000Z', message: 'intent recorded' },
      { t: '2026-11-23T08:00:21.000Z', message: 'verified: Falco reloaded, healthy' },
    ],
  }),
  entry({
    id: '20261123T081000000Z-raise-cpu-limit-0002',
    fixId: 'raise-cpu-limit',
    title: 'Give the Falco container more CPU',
    state: 'reverted',
    createdAt: '2026-11-23T08:10:00.000Z',
    changes: ['cpus: 0.2 → 0.4'],
    limitsAfter: { ...LIMITS, nanoCpus: 4e8 },
  }),
  entry({
    id: '20261123T082000000Z-drop-failed-exit-0003',
    fixId: 'drop-failed-exit',
    title: "Drop failed syscalls' exit events in the kernel",
    state: 'verified',
    createdAt: '2026-11-23T08:20:00.000Z',
    changes: ['engine.modern_ebpf.drop_failed_exit: false → true'],
    files: [file(FALCO_YAML)],
  }),
];

export const VIEWS = toChangeViews(ENTRIES);
