// The lab against a real Docker engine: each scenario must REALLY show its symptom, measured with
// Docker itself (stats API, logs, HTTP), and the fix the doctor would apply must REALLY remove it
// (through the stand-in's hot reload, as with Falco's watch_config_files).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docker, dockerMaybe } from './docker-cli.js';
import { BOT_IMAGE } from './images.js';
import { answers, containerState, editLabFalcoYaml, labDown, labUp, type LabHandle } from './lab.js';
import { containerLogs, measureCpu, measureMemory, waitFor } from './measure.js';
import { SCENARIOS, type Scenario } from './scenarios.js';

const MIB = 1024 * 1024;
const labDir = fs.mkdtempSync(path.join(os.tmpdir(), 'falco-doctor-lab-test-'));

async function httpText(url: string): Promise<{ status: number; body: string }> {
  const r = await fetch(url);
  return { status: r.status, body: await r.text() };
}

async function promCounter(lab: LabHandle, name: string): Promise<number> {
  const { body } = await httpText(`${lab.falcoUrl}/metrics`);
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`${name} missing from /metrics`);
  return Number(line.split(' ')[1]);
}

/** Waits for the stand-in to log a completed hot reload whose rule count line matches. */
async function waitForReload(lab: LabHandle, marker: RegExp): Promise<void> {
  await waitFor(
    `reload (${marker})`,
    async () => {
      const { stderr } = await containerLogs(lab.falcoContainer);
      const after = stderr.split('SIGHUP received, restarting...')[1];
      return after && marker.test(after) ? true : undefined;
    },
    15_000,
  );
  await waitFor('healthz after reload', async () => ((await answers(`${lab.falcoUrl}/healthz`)) ? true : undefined), 15_000);
}

afterAll(async () => {
  await labDown();
  fs.rmSync(labDir, { recursive: true, force: true });
});

describe('falco-doctor lab (Falco stand-in on a real Docker engine)', () => {
  it("touches only its own containers: an operator's unlabelled falco-security-monitor survives setup and teardown", async () => {
    // The names an operator gives Falco and the bot on the VPS the README describes; the lab must never take them.
    const theirs = await docker(['run', '-d', '--name', 'falco-security-monitor', '--label', 'falco-doctor.test=bystander', BOT_IMAGE]);
    try {
      await labUp('healthy', { dir: labDir });
      await labDown();
      const st = await containerState('falco-security-monitor');
      expect(st?.running).toBe(true);
      expect((await docker(['inspect', '--format', '{{.Id}}', 'falco-security-monitor'])).trim()).toBe(theirs.trim());
    } finally {
      await dockerMaybe(['rm', '-f', theirs.trim()]);
    }
  });

  it('healthy: low CPU and memory, no drops, webserver and metrics answer, the bot serves quotes', async () => {
    const lab = await labUp('healthy', { dir: labDir });
    expect(fs.readFileSync(path.join(lab.dir, 'docker-compose.yml'), 'utf8')).toContain('fdlab-falco');
    const healthz = await httpText(`${lab.falcoUrl}/healthz`);
    expect(healthz).toEqual({ status: 200, body: '{"status": "ok"}' });
    expect(JSON.parse((await httpText(`${lab.falcoUrl}/versions`)).body)).toMatchObject({ falco_version: '0.44.1' });
    const cpu = await measureCpu(lab.falcoContainer, 5000);
    expect(cpu.cpuPercent).toBeLessThan(10);
    const mem = await measureMemory(lab.falcoContainer);
    expect(mem.limit).toBe(512 * MIB);
    expect(mem.percent).toBeLessThan(40);
    const prom = (await httpText(`${lab.falcoUrl}/metrics`)).body;
    expect(prom).toContain('falcosecurity_falco_version_info{version="0.44.1"} 1');
    expect(prom).toMatch(/^falcosecurity_scap_n_evts_total [1-9]\d*$/m);
    expect(prom).toMatch(/^falcosecurity_scap_n_drops_total 0$/m);
    const logs = await waitFor(
      'a metrics snapshot',
      async () => {
        const l = await containerLogs(lab.falcoContainer);
        return l.stdout.includes('Falco metrics snapshot') ? l : undefined;
      },
      10_000,
    );
    expect(logs.stderr.split('\n')[0]).toBe('falco-doctor lab: this is a Falco STAND-IN, not Falco');
    expect(logs.stderr).toContain("Opening 'syscall' source with modern BPF probe.");
    expect(logs.stderr).toContain('The chosen syscall buffer dimension is: 8388608 bytes (8 MBs)');
    expect(logs.stdout).not.toContain('syscall event drop');
    const quote = JSON.parse((await httpText(`${lab.botUrl}/quote?symbol=ETH`)).body) as { symbol: string; price: number };
    expect(quote.symbol).toBe('ETH');
    expect(quote.price).toBeGreaterThan(0);
  });

  it('high-cpu: pinned at the 0.2 CPU quota and throttled without drops; disabling most rules brings CPU down', async () => {
    const lab = await labUp('high-cpu', { dir: labDir });
    const busy = await measureCpu(lab.falcoContainer, 6000);
    expect(busy.cpuPercent).toBeGreaterThanOrEqual(17); // >= 85% of the 0.2 quota
    expect(busy.throttledPeriods).toBeGreaterThan(0);
    expect(await promCounter(lab, 'falcosecurity_scap_n_drops_total')).toBe(0);
    editLabFalcoYaml(lab.configDir, [
      [['rules'], [{ disable: { rule: '*' } }, { enable: { rule: 'Terminal shell in container' } }, { enable: { rule: 'Read sensitive file untrusted' } }]],
    ]);
    await waitForReload(lab, /rules loaded: 100, enabled: 2\b/);
    const calm = await measureCpu(lab.falcoContainer, 5000);
    expect(calm.cpuPercent).toBeLessThan(busy.cpuPercent / 2);
  });

  it('memory-pressure: over 80% of 512 MiB without OOM; memory follows buf_size_preset (8 -> 6 frees ~192 MiB)', async () => {
    const lab = await labUp('memory-pressure', { dir: labDir });
    const high = await waitFor(
      'memory above 80%',
      async () => {
        const m = await measureMemory(lab.falcoContainer);
        return m.percent > 80 ? m : undefined;
      },
      30_000,
    );
    const settled = await measureMemory(lab.falcoContainer);
    expect((await containerState(lab.falcoContainer))?.restartCount).toBe(0);
    editLabFalcoYaml(lab.configDir, [[['engine', 'modern_ebpf', 'buf_size_preset'], 6]]);
    await waitForReload(lab, /buffer dimension is: 33554432 bytes \(32 MBs\)/);
    const expectedFreed = 2 * (128 - 32) * MIB; // two buffers (cpus_for_each_buffer 1 on 2 CPUs)
    const low = await waitFor(
      'memory to fall',
      async () => {
        const m = await measureMemory(lab.falcoContainer);
        return Math.max(high.used, settled.used) - m.used > expectedFreed * 0.75 ? m : undefined;
      },
      20_000,
    );
    const freed = Math.max(high.used, settled.used) - low.used;
    expect(freed).toBeGreaterThan(expectedFreed * 0.75);
    expect(freed).toBeLessThan(expectedFreed * 1.25);
    expect(low.percent).toBeLessThan(60);
  });

  it('event-drops: drop alerts within seconds at modest CPU; preset 4 stops the drops', async () => {
    const lab = await labUp('event-drops', { dir: labDir });
    const alert = await waitFor(
      'a drop alert',
      async () => {
        const { stdout } = await containerLogs(lab.falcoContainer);
        return (
          /^\d\d:\d\d:\d\d\.\d{9}: Debug Falco internal: syscall event drop\. (\d+) system calls dropped in last second\. \(ebpf_enabled="1" n_drops="\d+" .*n_evts="\d+"\)$/m.exec(
            stdout,
          ) ?? undefined
        );
      },
      10_000,
    );
    expect(Number(alert[1])).toBeGreaterThan(1000);
    const cpu = await measureCpu(lab.falcoContainer, 5000);
    expect(cpu.cpuPercent).toBeLessThan(12); // well below the 20% quota: drops come from the small ring
    expect(await promCounter(lab, 'falcosecurity_scap_n_drops_total')).toBeGreaterThan(0);
    editLabFalcoYaml(lab.configDir, [[['engine', 'modern_ebpf', 'buf_size_preset'], 4]]);
    await waitForReload(lab, /buffer dimension is: 8388608 bytes/);
    const before = await promCounter(lab, 'falcosecurity_scap_n_drops_total');
    await new Promise((r) => setTimeout(r, 5000)); // a fixed window on purpose: "no drops for 5 s" is the assertion
    expect(await promCounter(lab, 'falcosecurity_scap_n_drops_total')).toBe(before);
    expect(await promCounter(lab, 'falcosecurity_scap_n_evts_total')).toBeGreaterThan(0);
  });

  async function expectRefusal(scenario: Scenario, message: RegExp): Promise<void> {
    const lab = await labUp(scenario, { dir: labDir });
    const state = await waitFor(
      'the stand-in to exit 1',
      async () => {
        const s = await containerState(lab.falcoContainer);
        return s && s.exitCode === 1 ? s : undefined;
      },
      15_000,
    );
    expect(state.running && !state.restarting && state.restartCount === 0).toBe(false);
    const { stderr } = await containerLogs(lab.falcoContainer);
    expect(stderr).toMatch(message);
  }

  it('refuses to start on invalid YAML (exit 1, error in the log)', async () => {
    const broken = `${fs.readFileSync(path.join(labDir, 'etc-falco', 'falco.yaml'), 'utf8')}\nengine:\n  kind: modern_ebpf\n   modern_ebpf: {buf_size_preset: 4\n`;
    await expectRefusal(
      { ...SCENARIOS.healthy, name: 'invalid-yaml', rawFalcoYaml: broken },
      /^Error: Cannot read config file \(\/etc\/falco\/falco\.yaml\): yaml-cpp: error at line \d+, column \d+: /m,
    );
  });

  it('refuses to start on an unknown engine.kind (exit 1, error in the log)', async () => {
    const scenario: Scenario = {
      ...SCENARIOS.healthy,
      name: 'bad-engine',
      falcoYamlEdits: [...SCENARIOS.healthy.falcoYamlEdits, [['engine', 'kind'], 'quantum_ebpf']],
    };
    await expectRefusal(scenario, /^Error: Error reading config file \(\/etc\/falco\/falco\.yaml\): engine\.kind 'quantum_ebpf' is not a valid kind\.$/m);
  });
});
