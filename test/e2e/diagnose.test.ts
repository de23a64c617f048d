// `falco-doctor diagnose --json` on each lab scenario, against the real Docker engine and the lab's
// Falco stand-in: the right runbook, cause and fixes, and the right exit code.
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { labUp, labDown } from '../lab/lab.js';
import type { DiagnosisReport } from '../../src/core/report.js';
import { runCli } from './helpers/cli.js';
import { waitFor } from './helpers/wait.js';

const WINDOW = '6';

async function diagnoseJson(extra: string[] = []) {
  const r = await runCli(['diagnose', '--json', '--window', WINDOW, ...extra]);
  const report = JSON.parse(r.stdout) as DiagnosisReport;
  process.stderr.write(
    `diagnose --json --window ${WINDOW}: ${Math.round(r.ms)} ms, exit ${r.exitCode}, findings ${report.findings.map((f) => f.code).join(',') || 'none'}\n`,
  );
  return { r, report };
}
const codes = (rep: DiagnosisReport) => rep.findings.filter((f) => f.severity !== 'info').map((f) => f.code);

afterAll(async () => {
  await labDown();
}, 60_000);

describe('diagnose on the lab', () => {
  it('healthy: no warning or critical finding, exit 0', async () => {
    await labUp('healthy');
    await waitFor('startup log', async () => (await runCli(['info'])).stdout.includes('fdlab-falco'), 30_000);
    const { r, report } = await diagnoseJson();
    expect(codes(report)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(report.origin).toBe('lab');
    expect(report.target.name).toBe('fdlab-falco');
    expect(report.target.configSource).toBe('host-mount');
    expect(report.facts['webserver.healthz']).toBe(200);
    expect(report.facts['drops.counted']).toBe(0);
    // the doctor's own cost while it sampled (issue 6), read the cheap way on this host
    expect(report.window.observer?.via).toBe('cgroup files');
    expect(report.window.observer?.cpuPercentOfOneCore).toBeGreaterThan(0);
    expect(report.window.observer?.cpuPercentOfOneCore).toBeLessThan(50);
  });

  it('event-drops: buffer capacity, with the buffer fix, exit 3', async () => {
    await labUp('event-drops');
    const { r, report } = await diagnoseJson();
    expect(r.exitCode).toBe(3);
    const drop = report.findings.find((f) => f.runbook === 'event-drops');
    expect(drop?.code).toBe('FD-DROP-BUFFER');
    expect(drop?.cause).toBe('buffer-capacity');
    expect(drop?.fixes.map((f) => f.id)).toContain('raise-buffer-preset');
    expect(codes(report)).toEqual(['FD-DROP-BUFFER']);
  });

  it('high-cpu: rule cost, with the rules fix, exit 3', async () => {
    await labUp('high-cpu');
    const { r, report } = await diagnoseJson();
    expect(r.exitCode).toBe(3);
    const cpu = report.findings.find((f) => f.runbook === 'high-cpu');
    expect(cpu?.code).toBe('FD-CPU-RULES');
    expect(cpu?.cause).toBe('rule-cost');
    expect(cpu?.fixes.map((f) => f.id)).toContain('disable-noncritical-rules');
  });

  it('memory-pressure: ring buffers, with the lower-preset fix, exit 3', async () => {
    await labUp('memory-pressure');
    const { r, report } = await diagnoseJson();
    expect(r.exitCode).toBe(3);
    const mem = report.findings.find((f) => f.runbook === 'memory-pressure');
    expect(mem?.code).toBe('FD-MEM-RINGBUF');
    expect(mem?.cause).toBe('ring-buffers');
    expect(mem?.fixes[0]?.id).toBe('lower-buffer-preset');
    expect(codes(report)).toEqual(['FD-MEM-RINGBUF']);
  });
});

describe('diagnose when the target is not there', () => {
  it('no Docker engine: exit 5 with the cause and a remedy', async () => {
    const r = await runCli(['diagnose', '--json'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(r.exitCode).toBe(5);
    expect(r.stderr).toContain('no Docker engine answers at unix:///nonexistent/docker.sock');
    expect(r.stderr).toContain('hint:');
    expect(r.stdout).toBe('');
  });

  it('no such container: exit 5 listing what was found', async () => {
    const r = await runCli(['diagnose', '--json', '--container', 'no-such-falco']);
    expect(r.exitCode).toBe(5);
    expect(r.stderr).toContain('no container named "no-such-falco"');
    // what Docker itself lists (the lab's containers after the tests above; none when run alone)
    const names = (await execa('docker', ['ps', '-a', '--format', '{{.Names}}'])).stdout.split('\n').filter(Boolean);
    if (names.length === 0) expect(r.stderr).toContain('Docker runs no containers');
    else expect(names.filter((n) => r.stderr.includes(n)).length).toBe(Math.min(names.length, 8));
  });

  it('bad flag: exit 2', async () => {
    const r = await runCli(['diagnose', '--fail-on', 'sometimes']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--fail-on: "sometimes" is not a severity');
  });
});
