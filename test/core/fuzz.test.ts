// Fuzz: malformed and hostile inputs (broken YAML, wrong types, alias bombs, huge and deeply nested
// documents, binary garbage, invalid UTF-8) fed to every loader and parser. None may throw; YAML
// errors come back as data naming the file and, where known, the line. Seeded, so failures replay.
import { describe, expect, it } from 'vitest';
import { computeEffectiveConfig } from '../../src/core/falco/config/effective.js';
import { lintConfig } from '../../src/core/falco/config/lint.js';
import { loadRules } from '../../src/core/falco/rules/load.js';
import { parseDropAlert } from '../../src/core/falco/parse/drop-alert.js';
import { parseMetricsSnapshot } from '../../src/core/falco/parse/metrics-snapshot.js';
import { parsePrometheus } from '../../src/core/falco/parse/prometheus.js';
import { parseStartupLog } from '../../src/core/falco/parse/startup.js';
import { parseShutdownSummary } from '../../src/core/falco/parse/shutdown.js';
import { parseAlertLine } from '../../src/core/falco/parse/alert.js';
import { EventLogScanner } from '../../src/core/falco/scan/scanner.js';
import { loadCatalogue } from '../../src/core/runbook/load.js';
import { SnapshotSchema } from '../../src/core/snapshot.js';
import { fixture, repoFile } from './helpers/fixtures.js';
import { seededRng } from '../../src/core/rollout/rng.js';

const rng = seededRng;

const HOSTILE: string[] = [
  '',
  '\u0000\u0001\u0002',
  'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
  `${'a: {'.repeat(3000)}x${'}'.repeat(3000)}`,
  `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i % 200)}k${i}:`).join('\n')}\n`,
  `${'- '.repeat(5000)}x`,
  `key: ${'x'.repeat(2_000_000)}`,
  Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]).toString('latin1'),
  Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)).toString('utf8'),
  'engine:\n\tkind: modern_ebpf\n',
  'engine: {kind: modern_ebpf, modern_ebpf: {buf_size_preset: "four"}}',
  'engine: [1, 2, 3]\nrules_files: 7\nmetrics: null\nwebserver: "on"',
  '---\na: 1\n---\nb: 2\n',
  '!!binary | \n  R0lGODlhDAAMAIQAAP//9/X',
  '? [complex, key]\n: value',
  'a: !!js/function "function(){}"',
  '- rule: x\n  condition: (((((((\n  output: o\n  priority: NOTICE',
  '- macro: m\n  condition: m\n- rule: r\n  condition: m\n  output: x\n  priority: WARNING',
  '- rule: \n- list: [\n',
];

function mutate(text: string, r: () => number): string {
  const pick = Math.floor(r() * 7);
  const at = Math.floor(r() * text.length);
  switch (pick) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x3000)) + text.slice(at);
    case 2:
      return text.slice(0, at) + ['{', '[', ':', '&x', '*x', '- ', '"', "'", '\t', '|', '>', '%', '@', '`', '!!'][Math.floor(r() * 15)] + text.slice(at);
    case 3: {
      const lines = text.split('\n');
      const i = Math.floor(r() * lines.length);
      lines.splice(i, 0, lines[Math.floor(r() * lines.length)] ?? '');
      return lines.join('\n');
    }
    case 4:
      return text.replace(/: (\w+)/, ': [$1');
    case 5:
      return text.slice(0, at) + HOSTILE[Math.floor(r() * HOSTILE.length)] + text.slice(at);
    default:
      return text.replace(/\n {2}/g, () => (r() < 0.02 ? '\n ' : '\n  '));
  }
}

function corpus(seed: number, n: number, bases: string[]): string[] {
  const r = rng(seed);
  const out = [...HOSTILE];
  while (out.length < n) {
    let t = bases[Math.floor(r() * bases.length)]!;
    const rounds = 1 + Math.floor(r() * 3);
    for (let i = 0; i < rounds; i++) t = mutate(t, r);
    out.push(t);
  }
  return out;
}

describe('fuzz: loaders and parsers never crash', () => {
  const yamlBases = [
    fixture('falco-0.44.1.yaml').slice(0, 15_000),
    fixture('falco-0.38.0.yaml').slice(20_000, 35_000),
    fixture('falco-0.36.2.yaml').slice(0, 15_000),
  ];
  const lineBases = [
    fixture('samples/drop-alert.json'),
    fixture('samples/drop-alert-text.txt'),
    fixture('samples/metrics-snapshot.json'),
    fixture('samples/metrics-snapshot-text.txt'),
    fixture('samples/alert-json-read-sensitive-file.json'),
    fixture('samples/alert-text-read-sensitive-file.txt'),
  ];

  it('falco.yaml: effective config and lint, 600 inputs', () => {
    const inputs = corpus(1, 600, yamlBases);
    let withErrors = 0;
    for (const [i, text] of inputs.entries()) {
      const path = `/etc/falco/fuzz-${i}.yaml`;
      const eff = computeEffectiveConfig({ path, text }, [], ['engine.kind=modern_ebpf', 'broken', '=x']);
      for (const e of eff.errors) {
        expect(e.file === path || e.file.startsWith('-o') || e.file === '(command line)' || typeof e.file === 'string').toBe(true);
        expect(e.line === null || (Number.isInteger(e.line) && e.line >= 1)).toBe(true);
        expect(e.message.includes('\n')).toBe(false);
      }
      if (eff.errors.some((e) => e.file === path)) withErrors++;
      lintConfig({ path, text }, { version: '0.44.1' });
    }
    expect(inputs.length).toBeGreaterThanOrEqual(600);
    expect(withErrors).toBeGreaterThan(50); // the corpus really is malformed
  });

  it('rules files, 300 inputs', () => {
    const inputs = corpus(2, 300, [fixture('falco_rules-5.1.0.yaml').slice(0, 20_000)]);
    for (const [i, text] of inputs.entries()) {
      const s = loadRules([{ path: `/etc/falco/r-${i}.yaml`, text }]);
      expect(s.enabledCount).toBeLessThanOrEqual(s.totalCount);
      for (const e of s.errors) expect(e.file).toBe(`/etc/falco/r-${i}.yaml`);
    }
  });

  it('log lines, metrics, Prometheus, startup and shutdown text, 400 inputs', () => {
    const inputs = corpus(3, 400, lineBases);
    const prom = fixture('samples/webserver-metrics-prometheus.http.txt');
    const scanner = new EventLogScanner();
    for (const text of inputs) {
      parseDropAlert(text);
      parseMetricsSnapshot(text);
      parseAlertLine(text);
      parseStartupLog(text.split('\n'));
      parseShutdownSummary(text);
      scanner.push(Buffer.from(`${text}\n`));
    }
    for (const text of corpus(4, 100, [prom])) for (const s of parsePrometheus(text)) expect(typeof s.value).toBe('number');
    expect(scanner.finish().lines).toBeGreaterThan(0);
  });

  it('runbook data files and bundles, 150 inputs', () => {
    const fixes = { path: 'fixes.yaml', text: repoFile('runbooks/fixes.yaml') };
    const codes = { path: 'codes.yaml', text: repoFile('runbooks/codes.yaml') };
    for (const [i, text] of corpus(5, 100, [repoFile('runbooks/event-drops.yaml')]).entries()) {
      const { errors } = loadCatalogue([{ path: `rb-${i}.yaml`, text }], fixes, codes);
      for (const e of errors) expect(e.file).toBe(`rb-${i}.yaml`);
    }
    const bundle = repoFile('examples/healthy.bundle.json').slice(0, 30_000);
    for (const text of corpus(6, 50, [bundle])) {
      let raw: unknown = null;
      try {
        raw = JSON.parse(text);
      } catch {
        continue; // not JSON: the bundle reader says so before the schema runs
      }
      expect(SnapshotSchema.safeParse(raw).success).toBe(false);
    }
  });
});
