// bundle from the lab → diagnose the bundle offline → the same findings as live; and secrets stay home.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { labUp, labDown } from '../lab/lab.js';
import { SCENARIOS } from '../lab/scenarios.js';
import type { DiagnosisReport } from '../../src/core/report.js';
import { runCli } from './helpers/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'fd-bundle-'));
afterAll(async () => {
  await labDown();
}, 60_000);

const codes = (stdout: string) => (JSON.parse(stdout) as DiagnosisReport).findings.map((f) => f.code);

describe('bundle', () => {
  it('memory-pressure: the bundle diagnoses offline to the live findings', async () => {
    await labUp('memory-pressure');
    const file = path.join(tmp, 'mem.json');
    const b = await runCli(['bundle', '-o', file, '--window', '4']);
    expect(b.exitCode).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const live = await runCli(['diagnose', '--json', '--window', '4']);
    const offline = await runCli(['diagnose', '--json', '--bundle', file]);
    expect(codes(offline.stdout)).toEqual(codes(live.stdout));
    expect(codes(offline.stdout)).toContain('FD-MEM-RINGBUF');
    expect(offline.exitCode).toBe(live.exitCode);
    expect((JSON.parse(offline.stdout) as DiagnosisReport).source).toBe('bundle');
  });

  it('redacts credentials in config, and never collects env values', async () => {
    const h = SCENARIOS.healthy;
    await labUp({
      ...h,
      name: 'healthy-with-secrets',
      falcoYamlEdits: [
        ...h.falcoYamlEdits,
        [['http_output', 'enabled'], false],
        [['http_output', 'url'], 'https://alerts:hunter2-pass@hooks.example.invalid/falco'],
        [['program_output', 'program'], 'curl -H "Authorization: Bearer sk-live-123456" https://example.invalid'],
      ],
      env: { ...h.env, API_TOKEN: 'tok-very-secret-42' },
    });
    const file = path.join(tmp, 'secrets.json');
    expect((await runCli(['bundle', '-o', file, '--window', '3'])).exitCode).toBe(0);
    const text = readFileSync(file, 'utf8');
    for (const secret of ['hunter2-pass', 'sk-live-123456', 'tok-very-secret-42']) expect(text).not.toContain(secret);
    expect(text).toContain('API_TOKEN'); // the name is kept: it tells the reader the variable exists
    expect(text).toContain('<redacted>');
  });
});
