// What Falco prints at startup, shown beside what the doctor computes from the files (issue #13): the
// buffer dimension and sharing (configure_syscall_buffer_size.cpp, helpers_inspector.cpp@0.42.1) and
// Falco's own schema verdict per config file (load_config.cpp@0.42.1), from the real 0.42.1 startup log.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { setKey } from '../../src/core/falco/config/edit.js';
import type { Catalogue } from '../../src/core/runbook/load.js';
import { fixture, REPO } from './helpers/fixtures.js';
import { makeSnapshot, type SnapshotShape } from './helpers/snapshot.js';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
});
const run = (shape: SnapshotShape) =>
  diagnose(makeSnapshot(shape), catalogue, { toolVersion: 't', source: 'bundle', thresholds: {}, only: [], now: new Date(0) }).report;

describe("Falco's startup lines beside the doctor's figures", () => {
  it('the real 0.42.1 log (8 MB, one buffer every 2 CPUs) agrees with its own falco.yaml', () => {
    const r = run({ cpuPercent: 4, memBytes: 60 * 2 ** 20 });
    expect(r.facts['ringbuf.falco_bytes_per_buffer']).toBe(8388608);
    expect(r.facts['ringbuf.falco_cpus_for_each_buffer']).toBe(2);
    expect(r.notes).toContain(
      "Ring buffers: Falco's startup log says 8 MB per buffer, one buffer every 2 CPU(s), as the doctor computes from engine.modern_ebpf.buf_size_preset.",
    );
    expect(r.notes).toContain(
      "Schema: Falco's own check at startup: /etc/falco/config.d/falco.container_plugin.yaml ok, /etc/falco/falco.yaml ok; the doctor's: ok.",
    );
  });

  it('a falco.yaml edited since Falco started: the two disagree, and the note says so', () => {
    const r = run({
      cpuPercent: 4,
      memBytes: 60 * 2 ** 20,
      falcoYaml: setKey(fixture('releases/falco-0.42.1.yaml'), ['engine', 'modern_ebpf', 'buf_size_preset'], 6),
    });
    expect(r.notes).toContainEqual(
      expect.stringContaining(
        "Falco's startup log says 8 MB per buffer, one buffer every 2 CPU(s), but the files give 32 MB, every 2 CPU(s) (engine.modern_ebpf.buf_size_preset = 6)",
      ),
    );
  });
});
