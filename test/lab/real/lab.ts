// falco-doctor lab on REAL Falco: the image's own /etc/falco with the scenario's edits, bind-mounted as an
// operator does; Falco run as the real-falco README says these machines need (SYS_ADMIN + SYS_PTRACE,
// seccomp and AppArmor unconfined, the host's /proc, /etc and Docker socket mounted), as a plain
// `docker run` container or with compose labels; and the storm container beside it when the scenario has one.
import fs from 'node:fs';
import path from 'node:path';
import { docker } from '../docker-cli.js';
import { waitFor } from '../measure.js';
import { guardStorm, type StormGuard } from './storm-guard.js';
import { FALCO_CONTAINER, editLabFalcoYaml, labLabels, removeLabContainers, startLab, type FalcoRunSpec, type LabHandle, type LabOptions } from '../lab.js';
import { ensureRealFalcoImage, imageEtcFalco, REAL_FALCO_IMAGE } from './image.js';
import { REAL_SCENARIOS, type RealScenario, type RealScenarioName, type StormLoad } from './scenarios.js';

export const STORM_CONTAINER = 'fdlab-storm';

export function realRunSpec(scenario: Pick<RealScenario, 'limits' | 'unbuffered'>): FalcoRunSpec {
  return {
    image: REAL_FALCO_IMAGE,
    role: 'real-falco',
    limits: scenario.limits,
    env: {},
    capAdd: ['SYS_ADMIN', 'SYS_PTRACE'],
    securityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
    hostMounts: ['/var/run/docker.sock:/host/var/run/docker.sock', '/proc:/host/proc:ro', '/etc:/host/etc:ro'],
    command: ['/usr/bin/falco', ...(scenario.unbuffered ? ['-U'] : [])],
  };
}

export interface RealLabHandle extends LabHandle {
  scenario: RealScenario;
}

export interface RealLabOptions extends LabOptions {
  /** Start the scenario's storm (default true); a test may start it later with startStorm. */
  storm?: boolean;
}

/** Brings a real-Falco scenario up; the image is imported first when missing. */
export async function realLabUp(name: RealScenarioName | RealScenario, opts: RealLabOptions = {}): Promise<RealLabHandle> {
  const scenario = typeof name === 'string' ? REAL_SCENARIOS[name] : name;
  if (!scenario) throw new Error(`unknown real-Falco scenario: ${String(name)}`);
  await ensureRealFalcoImage();
  const etc = await imageEtcFalco();
  // Loading the probe takes ~3 s, but a busy machine can make it much slower.
  const handle = await startLab(scenario.name, `${scenario.why}\nreal Falco 0.42.1`, { readyTimeoutMs: 90_000, ...opts }, (configDir) => {
    fs.cpSync(etc, configDir, { recursive: true });
    editLabFalcoYaml(configDir, scenario.falcoYamlEdits);
    if (scenario.localRules !== undefined) fs.writeFileSync(path.join(configDir, 'falco_rules.local.yaml'), scenario.localRules);
    return realRunSpec(scenario);
  });
  await waitForEngine(handle);
  if (scenario.storm && opts.storm !== false) await startStorm(scenario.storm);
  return { ...handle, scenario };
}

/**
 * Falco's webserver answers /healthz before the probe is loaded; the engine is open once /metrics counts
 * events. The storm starts only then: under a 0.2 CPU quota and a storm, the kernel's verifier ran so long
 * that the probe failed to load ("BPF program load failed: Resource temporarily unavailable", then
 * "Initialization issues during scap_init") and Falco exited.
 */
export async function waitForEngine(lab: LabHandle, timeoutMs = 120_000): Promise<void> {
  await waitFor(
    'Falco counting events (/metrics)',
    async () => {
      const body = await httpGet(`${lab.falcoUrl}/metrics`).catch(() => '');
      return /^falcosecurity_scap_n_evts_total [1-9]/m.test(body) ? true : undefined;
    },
    timeoutMs,
    500,
  );
}

async function httpGet(url: string): Promise<string> {
  const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return r.text();
}

/**
 * Each worker: `cat` a small file in a loop — fork, exec, open, read, close, exit, the process churn that
 * costs real Falco most (its cost follows the event volume and the process/fd state it keeps, far more than
 * the rule count). A fixed script; the numbers reach it as arguments, never spliced into it.
 */
const STORM_SCRIPT = 'w=0; while [ "$w" -lt "$1" ]; do (while :; do cat /etc/passwd >/dev/null; done) & w=$((w+1)); done; wait';

/**
 * Starts the bounded storm in a container of Falco's own image (busybox inside): busybox `timeout` is its PID 1,
 * so the whole container stops by itself after `seconds`. Replaces a running storm.
 */
export async function startStorm(load: StormLoad): Promise<StormGuard> {
  await stopStorm();
  await docker([
    'run',
    '-d',
    '--name',
    STORM_CONTAINER,
    ...labLabels('storm'),
    '--cpus',
    load.cpus,
    '--memory',
    '256m',
    '--network',
    'none',
    '--entrypoint',
    '/bin/busybox',
    REAL_FALCO_IMAGE,
    'timeout',
    '-s',
    'KILL',
    String(load.seconds),
    '/bin/sh',
    '-c',
    STORM_SCRIPT,
    'storm',
    String(load.workers),
  ]);
  guard = guardStorm(FALCO_CONTAINER, STORM_CONTAINER);
  return guard;
}

let guard: StormGuard | null = null;

export async function stopStorm(): Promise<void> {
  await guard?.stop();
  guard = null;
  await removeLabContainers('storm');
}

export function configFile(lab: LabHandle): string {
  return path.join(lab.configDir, 'falco.yaml');
}

/**
 * Runs `argv` in a throwaway container of Falco's own image (busybox inside): something for a rule to see.
 * The image has no /etc/shadow; `mounts` (docker -v specs) can put a harmless one there.
 */
export async function trigger(argv: string[], mounts: string[] = []): Promise<void> {
  const volumes = mounts.flatMap((m) => ['-v', m]);
  await docker(['run', '--rm', ...labLabels('trigger'), '--network', 'none', ...volumes, '--entrypoint', '/bin/busybox', REAL_FALCO_IMAGE, ...argv]).catch(
    () => undefined,
  );
}
