// The runbooks evaluated on snapshots made of real upstream Falco files and real drop alerts.
import { describe, expect, it, beforeAll } from 'vitest';
import path from 'node:path';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import type { Catalogue } from '../../src/core/runbook/load.js';
import { setKey } from '../../src/core/falco/config/edit.js';
import { fixture, REPO } from './helpers/fixtures.js';
import { makeSnapshot, type SnapshotShape } from './helpers/snapshot.js';

const MB = 1024 * 1024;
let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
});

function run(shape: SnapshotShape & { thresholds?: Record<string, number> }) {
  return diagnose(makeSnapshot(shape), catalogue, { toolVersion: 't', source: 'bundle', thresholds: shape.thresholds ?? {}, only: [], now: new Date(0) })
    .report;
}
// runbook findings; the config lint has its own tests below
// True of every snapshot here (0.42.1 as shipped, started without -U, no memory peak recorded), each
// with tests of its own (this file, drop-visibility.test.ts, memory-peak.test.ts), so left out:
// FD-DROP-LATE (block-buffered outputs), FD-DROP-UNMEASURED (metrics off: no drop counter to read, unless a
// drop alert came) and FD-MEM-PEAK-UNKNOWN (modern eBPF under a 512 MB limit, peak not read).
const ALWAYS = ['FD-DROP-LATE', 'FD-DROP-UNMEASURED', 'FD-MEM-PEAK-UNKNOWN'];
const codes = (r: ReturnType<typeof run>) =>
  r.findings
    .filter((f) => f.runbook !== 'config-lint' && !ALWAYS.includes(f.code))
    .map((f) => f.code)
    .sort();

describe('diagnose on upstream falco.yaml 0.44.1 and falco_rules 5.1.0', () => {
  const dropJson = fixture('samples/drop-alert.json').trim();
  const dropText = fixture('samples/drop-alert-text.txt').trim();

  it('0.42.1 as shipped, quiet: no problem measured, but drops cannot be measured (a warning, not "clear")', () => {
    const r = run({ cpuPercent: 4, memBytes: 60 * MB });
    // Falco 0.42.1's own shipped falco.yaml with its real startup log: no config finding (issue #13 saw ten
    // false "first appears in 0.44.1" infos here). Metrics are off and 0.42.1 without -U block-buffers its
    // outputs, so a quiet log says nothing about drops (issue 19); the memory peak was not recorded.
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
      ['FD-DROP-UNMEASURED', 'warning'],
      ['FD-DROP-LATE', 'info'],
      ['FD-MEM-PEAK-UNKNOWN', 'info'],
    ]);
    expect(r.runbooks.map((x) => [x.id, x.status])).toEqual([
      ['event-drops', 'problem'],
      ['high-cpu', 'clear'],
      ['memory-pressure', 'clear'],
      ['config-lint', 'clear'],
    ]);
    expect(r.facts['drops.detected']).toBeNull();
    expect(r.target.falcoVersion).toBe('0.42.1'); // from the real startup log sample
    expect(r.target.engineKind).toBe('modern_ebpf');
  });

  it('healthy: with -U, metrics snapshots and a low memory peak, nothing is raised at all', () => {
    const snapshotLine = (seconds: number) => {
      const j = JSON.parse(fixture('samples/metrics-snapshot.json').trim().split('\n')[0] as string) as { output_fields: Record<string, unknown> };
      j.output_fields['evt.time'] = (1_795_421_675 + seconds) * 1e9;
      return JSON.stringify(j);
    };
    const yaml = setKey(setKey(fixture('releases/falco-0.42.1.yaml'), ['metrics', 'enabled'], true), ['metrics', 'interval'], '1m');
    const snap = makeSnapshot({ cpuPercent: 4, memBytes: 60 * MB, falcoYaml: yaml, logLines: [snapshotLine(0), snapshotLine(60)] });
    snap.target.cmd = ['/usr/bin/falco', '-U'];
    snap.memoryPeak = { bytes: 90 * MB, kernelBytes: 30 * MB, source: 'memory.max_usage_in_bytes' };
    const r = diagnose(snap, catalogue, { toolVersion: 't', source: 'bundle', thresholds: {}, only: [], now: new Date(0) }).report;
    // metrics.interval 1m: the lint's own info that it is fine for a diagnosis, short for production
    expect(r.findings.map((f) => f.code)).toEqual(['FD-CONF-PERFORMANCE']);
    expect(r.facts['drops.detected']).toBe(false);
    expect(r.runbooks.every((x) => x.status === 'clear')).toBe(true);
  });

  it('drops with CPU headroom are blamed on the buffer, with the buffer fix', () => {
    const r = run({ cpuPercent: 5, memBytes: 60 * MB, logLines: [dropJson, dropText] });
    expect(codes(r)).toEqual(['FD-DROP-BUFFER']);
    const f = r.findings[0]!;
    expect(f.cause).toBe('buffer-capacity');
    expect(f.fixes.map((x) => x.id)).toEqual(['raise-buffer-preset', 'drop-failed-exit', 'base-syscalls-custom-set']);
    expect(f.explanation).toContain('2 drop alerts');
    expect(f.explanation).toContain('275160'); // the larger n_drops of the two real alerts
    expect(f.fixes[0]!.summary).toBe('engine.modern_ebpf.buf_size_preset: 4 → 6');
  });

  it('drops while throttled are blamed on CPU starvation', () => {
    const r = run({ cpuPercent: 19.5, memBytes: 60 * MB, throttledShare: 0.6, logLines: [dropJson] });
    expect(codes(r)).toContain('FD-DROP-CPU');
    expect(codes(r)).not.toContain('FD-DROP-BUFFER');
    expect(r.findings.find((f) => f.code === 'FD-DROP-CPU')!.fixes[0]!.summary).toBe('cpus 0.2 → 0.3');
  });

  it('CPU at the quota with the 25 stock rules names the event volume and offers more CPU first (measured on real Falco 0.42.1)', () => {
    const r = run({ cpuPercent: 19, memBytes: 60 * MB, throttledShare: 0.5 });
    expect(codes(r)).toEqual(['FD-CPU-QUOTA']);
    expect(r.findings[0]!.cause).toBe('event-rate');
    expect(r.findings[0]!.fixes.map((x) => x.id)).toEqual(['raise-cpu-limit', 'base-syscalls-custom-set', 'drop-failed-exit']);
  });

  it('CPU at the quota with many rules names rule cost', () => {
    const r = run({ cpuPercent: 19, memBytes: 60 * MB, throttledShare: 0.5, thresholds: { many_rules: 20 } });
    expect(codes(r)).toEqual(['FD-CPU-RULES']);
    expect(r.findings[0]!.fixes[0]!.summary).toMatch(/^disable \d+ rules below warning via overrides$/);
  });

  it('memory near the limit from ring buffers names the ring buffers and lowers the preset', () => {
    let yaml = setKey(fixture('falco-0.44.1.yaml'), ['engine', 'modern_ebpf', 'buf_size_preset'], 8);
    yaml = setKey(yaml, ['engine', 'modern_ebpf', 'cpus_for_each_buffer'], 1);
    const r = run({ cpuPercent: 4, memBytes: 450 * MB, falcoYaml: yaml });
    expect(codes(r)).toEqual(['FD-MEM-RINGBUF']);
    expect(r.findings[0]!.evidence.find((e) => e.fact === 'ringbuf.total_bytes')!.observed).toBe('256 MB');
    expect(r.findings[0]!.fixes[0]!.summary).toBe('engine.modern_ebpf.buf_size_preset: 8 → 6');
  });

  it('block-buffered outputs: FD-DROP-LATE offers the -U fix; -U on the command line clears it (load_config.cpp@0.44.0:73-76)', () => {
    const yaml = setKey(fixture('falco-0.44.1.yaml'), ['buffered_outputs'], true);
    const r = run({ cpuPercent: 4, memBytes: 60 * MB, falcoYaml: yaml });
    const late = r.findings.find((f) => f.code === 'FD-DROP-LATE');
    expect(late?.severity).toBe('info');
    expect(late?.fixes.map((x) => [x.id, x.summary, x.refused])).toEqual([
      ['unbuffered-outputs', "Falco's command line: /usr/bin/falco → /usr/bin/falco -U (the container is re-created)", null],
    ]);
    const snap = makeSnapshot({ cpuPercent: 4, memBytes: 60 * MB, falcoYaml: yaml });
    snap.target.cmd = ['/usr/bin/falco', '-U'];
    const unbuffered = diagnose(snap, catalogue, { toolVersion: 't', source: 'bundle', thresholds: {}, only: [], now: new Date(0) }).report;
    expect(unbuffered.findings.map((f) => f.code)).not.toContain('FD-DROP-LATE');
  });

  it('memory near the limit outside the buffers names growth elsewhere', () => {
    const r = run({ cpuPercent: 4, memBytes: 450 * MB });
    expect(codes(r)).toEqual(['FD-MEM-GROWTH']);
  });

  it('refuses a buffer increase that would not fit the memory limit', () => {
    let yaml = setKey(fixture('falco-0.44.1.yaml'), ['engine', 'modern_ebpf', 'buf_size_preset'], 7);
    yaml = setKey(yaml, ['engine', 'modern_ebpf', 'cpus_for_each_buffer'], 1);
    const r = run({ cpuPercent: 5, memBytes: 200 * MB, falcoYaml: yaml, logLines: [dropJson] });
    const fix = r.findings.find((f) => f.code === 'FD-DROP-BUFFER')!.fixes[0]!;
    expect(fix.summary).toMatch(/^not applicable: ring buffers would take 512 MB \(2 × 256 MB\)/);
  });
});

describe("Falco's own health signals", () => {
  it('timeouts notifications (process_events.cpp@0.42.1:202, message and fields as built there) raise FD-EVT-TIMEOUTS', () => {
    const msg = 'Falco internal: timeouts notification. 1000 consecutive timeouts without event.';
    const line = JSON.stringify({
      hostname: 'vm',
      output: msg,
      output_fields: { last_event_time: '2026-11-23 08:14:10.123456789' },
      priority: 'Debug',
      rule: 'Falco internal: timeouts notification',
      source: 'syscall',
      tags: [],
      time: '2026-11-23T08:15:00.000000000Z',
    });
    const r = run({ cpuPercent: 4, memBytes: 60 * MB, logLines: [line, line] });
    expect(codes(r)).toEqual(['FD-EVT-TIMEOUTS']);
    expect(r.facts['events.timeout_notices']).toBe(2);
  });

  it('an absent syscall_event_drops.actions is "ignore" in Falco\'s code (configuration.cpp@0.42.1:574)', () => {
    const yaml = fixture('releases/falco-0.42.1.yaml').replace(/^syscall_event_drops:\n(?: {2}.*\n|\s*#.*\n|\n)*/m, '');
    expect(yaml).not.toMatch(/^syscall_event_drops:/m);
    const r = run({ cpuPercent: 4, memBytes: 60 * MB, falcoYaml: yaml });
    expect(r.facts['drops.actions']).toBe('ignore');
    expect(codes(r)).toEqual(['FD-DROP-BLIND']);
  });
});

describe('buffer math as Falco does it', () => {
  // configure_syscall_buffer_num.cpp@0.42.1: cpus_for_each_buffer above the online CPUs is clamped to them
  const withCpus = (cfb: number, preset = 8) =>
    setKey(setKey(fixture('falco-0.44.1.yaml'), ['engine', 'modern_ebpf', 'buf_size_preset'], preset), ['engine', 'modern_ebpf', 'cpus_for_each_buffer'], cfb);
  const shareFix = (r: ReturnType<typeof run>) => r.findings.find((f) => f.code === 'FD-MEM-RINGBUF')?.fixes.find((x) => x.id === 'raise-cpus-for-each-buffer');

  it('on 2 CPUs, doubling cpus_for_each_buffer from 1 halves the buffers: offered', () => {
    const r = run({ cpuPercent: 4, memBytes: 450 * MB, falcoYaml: withCpus(1) });
    expect(shareFix(r)).toMatchObject({ summary: 'engine.modern_ebpf.cpus_for_each_buffer: 1 → 2', refused: null });
  });

  it('on 2 CPUs with cpus_for_each_buffer 2 there is one buffer already: doubling it changes nothing and is not offered', () => {
    // preset 9: one 256 MB buffer is most of the 450 MB used, so the ring-buffer finding is raised
    const r = run({ cpuPercent: 4, memBytes: 450 * MB, falcoYaml: withCpus(2, 9) });
    expect(r.facts['ringbuf.buffers']).toBe(1);
    expect(shareFix(r)?.summary).toMatch(/^not applicable: leaves the ring buffers as they are \(1 buffer\(s\) of 256 MB on 2 CPU\(s\)\)/);
    // why, as data: screens never parse the summary (issue #14)
    expect(shareFix(r)?.refused?.reason).toMatch(/^leaves the ring buffers as they are/);
  });

  it('cpus_for_each_buffer above the online CPUs counts as one buffer (clamped), not a fraction', () => {
    const r = run({ cpuPercent: 4, memBytes: 60 * MB, falcoYaml: withCpus(64) });
    expect(r.facts['ringbuf.buffers']).toBe(1);
    expect(r.facts['ringbuf.cpus_for_each_buffer']).toBe(2);
  });
});

describe('diagnose surfaces the config lint', () => {
  it("a tuning guide's `tune:` block and wrong engine options become findings with file and line", async () => {
    const guide = `${fixture('releases/falco-0.42.1.yaml')}\ntune:\n  syscall_buf_size: 4194304\n`;
    const yaml = setKey(guide, ['engine', 'ebpf', 'buf_size_preset'], 1);
    const r = run({ cpuPercent: 4, memBytes: 60 * MB, falcoYaml: yaml });
    const lint = r.findings.filter((f) => f.runbook === 'config-lint' && f.severity !== 'info');
    expect(lint.map((f) => `${f.code} ${f.evidence[0]!.label}`).sort()).toEqual([
      'FD-CONF-NOT-A-FALCO-KEY tune.syscall_buf_size',
      'FD-CONF-WRONG-ENGINE-KIND engine.ebpf.buf_size_preset',
    ]);
    expect(lint.find((f) => f.code === 'FD-CONF-NOT-A-FALCO-KEY')!.explanation).toContain('engine.modern_ebpf.buf_size_preset');
    const tune = lint.find((f) => f.code === 'FD-CONF-NOT-A-FALCO-KEY')!;
    expect(tune.evidence[0]!.observed).toMatch(/^\/srv\/falco\/falco\.yaml:\d+$/);
    expect(r.runbooks.find((x) => x.id === 'config-lint')!.status).toBe('problem');
  });
});

describe("the doctor's own cost while sampling (issue 6)", () => {
  const report = (observer?: { ms: number; cpuMs: number; via: 'cgroup' | 'stats-api' }) => {
    const s = makeSnapshot({ cpuPercent: 4, memBytes: 60 * MB });
    if (observer) s.window.observer = observer;
    return diagnose(s, catalogue, { toolVersion: 't', source: 'live', thresholds: {}, only: [], now: new Date(0) }).report;
  };

  it('reports CPU time over sampling time as % of one core, with how the figures were read', async () => {
    const r = report({ ms: 10_000, cpuMs: 84, via: 'cgroup' });
    expect(r.window.observer).toEqual({ cpuPercentOfOneCore: 0.8, via: 'cgroup files' });
    expect(report({ ms: 4_000, cpuMs: 120, via: 'stats-api' }).window.observer).toEqual({ cpuPercentOfOneCore: 3, via: 'stats API' });
    const { toMarkdown } = await import('../../src/report/markdown.js');
    expect(toMarkdown(r)).toContain("- falco-doctor's own CPU while sampling: 0.8 % of one core (read via cgroup files)");
  });

  it('says nothing for snapshots that did not record it (older bundles)', async () => {
    const r = report();
    expect(r.window).not.toHaveProperty('observer');
    const { toMarkdown } = await import('../../src/report/markdown.js');
    expect(toMarkdown(r)).not.toContain('own CPU');
  });
});
