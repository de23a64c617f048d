// Falco 0.37.x reads the deprecated top-level buffer keys while its engine block is at the kmod
// defaults, and the engine block otherwise (configuration.cpp@0.37.1 load_engine_config sets
// m_changes_in_engine_config; app/actions/load_config.cpp@0.37.1 apply_deprecated_options copies
// syscall_buf_size_preset into the kmod settings when it is unset). The lint's words, the ring-buffer
// budget and the preset refusal must name the same key: these run them on the real 0.37.x falco.yaml.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readCatalogue } from '../../../src/adapters/catalogue-files.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { setKey } from '../../../src/core/falco/config/edit.js';
import { computeEffectiveConfig, ringBufferBudget } from '../../../src/core/falco/index.js';
import { lintRun } from '../../../src/core/falco/lint-run.js';
import { startupRefusals } from '../../../src/core/falco/config/refusals.js';
import { fixture, REPO } from '../helpers/fixtures.js';
import { makeSnapshot } from '../helpers/snapshot.js';

const MB = 1024 * 1024;
const RELEASES = ['0.37.0', '0.37.1'] as const;
const shipped = (v: string) => fixture(`releases/falco-${v}.yaml`);
const edit = (text: string, ...sets: [string[], unknown][]) => sets.reduce((t, [k, v]) => setKey(t, k, v), text);
const cfg = (text: string) => computeEffectiveConfig({ path: '/etc/falco/falco.yaml', text }, [], []);

function lintOf(text: string, version: string) {
  const r = lintRun({ configs: [{ path: '/etc/falco/falco.yaml', text }], overrides: [], rules: [], version, versionNote: 'test' });
  return r.files.flatMap((f) => f.issues).filter((i) => i.key === 'syscall_buf_size_preset');
}

describe('0.37.x: the top-level syscall_buf_size_preset, in the lint and in the budget', () => {
  for (const v of RELEASES) {
    it(`${v}: the shipped file ships both keys at 4, so the budget is the same either way`, () => {
      expect(ringBufferBudget(cfg(shipped(v)), 4, v)).toMatchObject({ kind: 'kmod', preset: 4, presetKey: 'syscall_buf_size_preset', totalBytes: 32 * MB });
    });

    it(`${v}: engine block at its kmod defaults: the lint says the top-level key is used, and the budget uses it`, () => {
      const text = edit(shipped(v), [['syscall_buf_size_preset'], 6]);
      expect(lintOf(text, v).map((i) => i.message)).toEqual([expect.stringContaining('is still used by Falco')]);
      expect(ringBufferBudget(cfg(text), 4, v)).toMatchObject({ preset: 6, presetKey: 'syscall_buf_size_preset', bytesPerBuffer: 32 * MB, buffers: 4 });
    });

    it(`${v}: engine block changed: the lint says the top-level key is ignored, and the budget reads engine.kmod`, () => {
      const text = edit(shipped(v), [['syscall_buf_size_preset'], 6], [['engine', 'kmod', 'buf_size_preset'], 5]);
      expect(lintOf(text, v).map((i) => i.message)).toEqual([expect.stringContaining('is ignored by Falco')]);
      expect(ringBufferBudget(cfg(text), 4, v)).toMatchObject({ preset: 5, presetKey: 'engine.kmod.buf_size_preset' });
      // drop_failed_exit alone also changes the block (configuration.cpp@0.37.1:136)
      const dfe = edit(shipped(v), [['syscall_buf_size_preset'], 6], [['engine', 'kmod', 'drop_failed_exit'], true]);
      expect(lintOf(dfe, v).map((i) => i.message)).toEqual([expect.stringContaining('is ignored by Falco')]);
      expect(ringBufferBudget(cfg(dfe), 4, v)).toMatchObject({ preset: 4, presetKey: 'engine.kmod.buf_size_preset' });
    });

    it(`${v}: engine.kind modern_ebpf: the engine block's cpus_for_each_buffer, not modern_bpf.cpus_for_each_syscall_buffer`, () => {
      const text = edit(shipped(v), [['engine', 'kind'], 'modern_ebpf'], [['modern_bpf', 'cpus_for_each_syscall_buffer'], 4]);
      expect(ringBufferBudget(cfg(text), 8, v)).toMatchObject({
        kind: 'modern_ebpf',
        cpusForEachBuffer: 2,
        buffers: 4,
        presetKey: 'engine.modern_ebpf.buf_size_preset',
      });
    });

    it(`${v}: a top-level preset outside 1..10 is refused while Falco reads it (configure_syscall_buffer_size.cpp@0.37.1:34)`, () => {
      const refusedKeys = (text: string) => startupRefusals(cfg(text), v).map((r) => r.key);
      expect(refusedKeys(edit(shipped(v), [['syscall_buf_size_preset'], 0]))).toEqual(['syscall_buf_size_preset']);
      expect(refusedKeys(edit(shipped(v), [['syscall_buf_size_preset'], 0], [['engine', 'kmod', 'buf_size_preset'], 5]))).toEqual([]);
    });
  }

  it('0.36.2 has only the top-level key: a preset outside 1..10 is refused under its name (configure_syscall_buffer_size.cpp@0.36.2:45)', () => {
    const r = startupRefusals(cfg(edit(shipped('0.36.2'), [['syscall_buf_size_preset'], 11])), '0.36.2');
    expect(r.map((x) => [x.key, x.message])).toEqual([
      ['syscall_buf_size_preset', expect.stringContaining("The 'syscall_buf_size_preset' value must be between '1' and '10'")],
    ]);
  });

  it("through diagnose on 0.37.1: the lint finding and the report's ring-buffer budget name the same key", async () => {
    const catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
    const run = (text: string) => {
      const snap = makeSnapshot({ cpuPercent: 4, memBytes: 60 * MB, falcoYaml: text, dropIns: [] });
      snap.falco.versionOutput = 'Falco version: 0.37.1 (x86_64)';
      snap.logs.startup = [];
      return diagnose(snap, catalogue, { toolVersion: 't', source: 'bundle', thresholds: {}, only: [], now: new Date(0) });
    };
    const used = run(edit(shipped('0.37.1'), [['syscall_buf_size_preset'], 6]));
    expect(used.context.ringBuffer).toMatchObject({ presetKey: 'syscall_buf_size_preset', preset: 6 });
    expect(used.report.findings.find((f) => f.title.includes('syscall_buf_size_preset'))?.title).toMatch(/still used/);
    const ignored = run(edit(shipped('0.37.1'), [['syscall_buf_size_preset'], 6], [['engine', 'kmod', 'buf_size_preset'], 5]));
    expect(ignored.context.ringBuffer).toMatchObject({ presetKey: 'engine.kmod.buf_size_preset', preset: 5 });
    expect(ignored.report.findings.find((f) => f.title.includes('syscall_buf_size_preset'))?.title).toMatch(/ignored/);
  });
});
