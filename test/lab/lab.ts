// falco-doctor lab: brings a scenario up the way an operator's compose file would — a Falco container with
// /etc/falco bind-mounted from a host folder, next to the protected service (a trading bot). The Falco is
// either the lab's STAND-IN (test/lab/standin) or the REAL Falco 0.42.1 (test/lab/real). The lab touches only
// containers that carry its label (`falco-doctor.lab`), never a name an operator may use: its containers have
// names of their own. Uses the docker CLI with argument arrays.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import YAML from 'yaml';
import { docker, dockerMaybe } from './docker-cli.js';
import { BOT_IMAGE, STANDIN_IMAGE } from './images.js';
import { DEFAULT_LAB_DIR } from './paths.js';
import { SCENARIOS, editFalcoYaml, renderScenario, type Scenario, type ScenarioName, type YamlEdit } from './scenarios.js';

export const FALCO_CONTAINER = 'fdlab-falco';
export const BOT_CONTAINER = 'fdlab-trading-bot';
/** Role of a lab container (the doctor flags role=standin as a stand-in); the kube lab's pods carry it too. */
export const LAB_LABEL = 'falco-doctor.lab';
/** Set on every container this lab creates and on nothing else: what setup and teardown select by. */
export const DOCKER_LAB_LABEL = 'falco-doctor.docker-lab';
/** The two labels a container of this lab carries, as `docker run` arguments. */
export const labLabels = (role: string): string[] => ['--label', `${LAB_LABEL}=${role}`, '--label', `${DOCKER_LAB_LABEL}=1`];
export const FALCO_PORT = 8765;
export const DEFAULT_BOT_PORT = 18080;
const STANDIN_LIMITS = { memory: '512m', cpus: '0.2' };

/** How the Falco container runs: the one description `docker run` and the compose file are made from. */
export interface FalcoRunSpec {
  image: string;
  /** Value of the lab label: 'standin' or 'real-falco' (the doctor's screens flag a stand-in). */
  role: string;
  limits: { memory: string; cpus: string };
  env: Record<string, string>;
  /** Capabilities, security options and host mounts the container needs beyond /etc/falco. */
  capAdd: string[];
  securityOpt: string[];
  hostMounts: string[];
  command: string[];
}

export function standinRunSpec(env: Record<string, string>): FalcoRunSpec {
  return { image: STANDIN_IMAGE, role: 'standin', limits: STANDIN_LIMITS, env, capAdd: [], securityOpt: [], hostMounts: [], command: [] };
}

export interface LabOptions {
  /** Lab folder; /etc/falco lives in <dir>/etc-falco. Default <repo>/.lab */
  dir?: string;
  botPort?: number;
  /** How long to wait for the stand-in to answer (or to fail). Default 30 s. */
  readyTimeoutMs?: number;
  /** Label the Falco container as Docker Compose labels the services it starts, naming the lab's
   *  docker-compose.yml (which does describe it), so fixes that persist in the compose file run. */
  composeLabels?: boolean;
}

export interface LabHandle {
  dir: string;
  falcoContainer: string;
  botContainer: string;
  configDir: string;
  botUrl: string;
  falcoUrl: string;
}

/** Writes atomically (temp file + rename) so Falco's file watcher never sees half a file. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

export function writeScenarioFiles(configDir: string, scenario: Scenario): Record<string, string> {
  const rendered = renderScenario(scenario);
  fs.mkdirSync(configDir, { recursive: true });
  for (const [rel, content] of Object.entries(rendered.files)) {
    const target = path.join(configDir, rel);
    if (rel.endsWith('/')) fs.mkdirSync(target, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      writeFileAtomic(target, content);
    }
  }
  return rendered.env;
}

/** Edits the lab's falco.yaml in place (comments kept), e.g. to apply a fix; the stand-in hot-reloads it. */
export function editLabFalcoYaml(configDir: string, edits: YamlEdit[]): void {
  const file = path.join(configDir, 'falco.yaml');
  writeFileAtomic(file, editFalcoYaml(fs.readFileSync(file, 'utf8'), edits));
}

function composeFile(falco: FalcoRunSpec, botPort: number): string {
  const doc = {
    services: {
      falco: {
        image: falco.image,
        container_name: FALCO_CONTAINER,
        restart: 'unless-stopped',
        mem_limit: falco.limits.memory,
        cpus: Number(falco.limits.cpus),
        ...(falco.capAdd.length > 0 ? { cap_drop: ['ALL'], cap_add: falco.capAdd } : {}),
        ...(falco.securityOpt.length > 0 ? { security_opt: falco.securityOpt } : {}),
        volumes: [...falco.hostMounts, './etc-falco:/etc/falco'],
        ports: [`127.0.0.1:${FALCO_PORT}:${FALCO_PORT}`],
        labels: { [LAB_LABEL]: falco.role, [DOCKER_LAB_LABEL]: '1' },
        ...(Object.keys(falco.env).length > 0 ? { environment: falco.env } : {}),
        ...(falco.command.length > 0 ? { command: falco.command } : {}),
      },
      'trading-bot': {
        image: BOT_IMAGE,
        container_name: BOT_CONTAINER,
        restart: 'unless-stopped',
        ports: [`127.0.0.1:${botPort}:8080`],
        labels: { [LAB_LABEL]: 'protected-service', [DOCKER_LAB_LABEL]: '1' },
      },
    },
  };
  const what = falco.role === 'standin' ? 'a Falco STAND-IN image, not Falco' : `real Falco (${falco.image})`;
  return `# falco-doctor lab (written by test/lab/lab.ts). The falco service runs ${what}.\n${YAML.stringify(doc)}`;
}

/** Removes every container this lab created (and only those); `role` narrows it to one kind. */
export async function removeLabContainers(role?: string): Promise<void> {
  const filters = ['--filter', `label=${DOCKER_LAB_LABEL}`, ...(role ? ['--filter', `label=${LAB_LABEL}=${role}`] : [])];
  const ids = (await docker(['ps', '-aq', ...filters])).split('\n').filter(Boolean);
  if (ids.length > 0) await dockerMaybe(['rm', '-f', ...ids]);
}

async function runContainers(configDir: string, falco: FalcoRunSpec, botPort: number, composeDir: string | null): Promise<void> {
  const compose = composeDir
    ? [
        ['com.docker.compose.project', 'falco-doctor-lab'],
        ['com.docker.compose.service', 'falco'],
        ['com.docker.compose.project.working_dir', composeDir],
        ['com.docker.compose.project.config_files', path.join(composeDir, 'docker-compose.yml')],
      ].flatMap(([k, v]) => ['--label', `${k}=${v}`])
    : [];
  await docker([
    'run',
    '-d',
    '--name',
    FALCO_CONTAINER,
    '--memory',
    falco.limits.memory,
    '--cpus',
    falco.limits.cpus,
    '--restart',
    'unless-stopped',
    ...(falco.capAdd.length > 0 ? ['--cap-drop', 'all', ...falco.capAdd.flatMap((c) => ['--cap-add', c])] : []),
    ...falco.securityOpt.flatMap((o) => ['--security-opt', o]),
    ...falco.hostMounts.flatMap((m) => ['-v', m]),
    '-v',
    `${configDir}:/etc/falco`,
    ...labLabels(falco.role),
    ...compose,
    '-p',
    `127.0.0.1:${FALCO_PORT}:${FALCO_PORT}`,
    ...Object.entries(falco.env).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
    falco.image,
    ...falco.command,
  ]);
  await docker([
    'run',
    '-d',
    '--name',
    BOT_CONTAINER,
    '--restart',
    'unless-stopped',
    ...labLabels('protected-service'),
    '-p',
    `127.0.0.1:${botPort}:8080`,
    BOT_IMAGE,
  ]);
}

/** GET with a plain http request and a ref'd timer: fetch's AbortSignal.timeout is unref'd and can let
 * a CLI process run out of work (exit 13) while the docker-proxy holds a half-open connection. */
export function answers(url: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    const timer = setTimeout(() => req.destroy(new Error('timeout')), timeoutMs);
    req.on('error', () => resolve(false));
    req.on('close', () => clearTimeout(timer));
  });
}

export interface ContainerState {
  status: string;
  running: boolean;
  restarting: boolean;
  exitCode: number;
  restartCount: number;
  startedAt: string;
  oomKilled: boolean;
}

export async function containerState(name: string): Promise<ContainerState | undefined> {
  const r = await dockerMaybe(['inspect', '--format', '{{json .State}}|{{.RestartCount}}', name]);
  if (!r.ok) return undefined;
  const [stateJson, restarts] = r.stdout.trim().split('|');
  const s = JSON.parse(stateJson ?? '{}') as { Status: string; Running: boolean; Restarting: boolean; ExitCode: number; StartedAt: string; OOMKilled: boolean };
  return {
    status: s.Status,
    running: s.Running,
    restarting: s.Restarting,
    exitCode: s.ExitCode,
    restartCount: Number(restarts),
    startedAt: s.StartedAt,
    oomKilled: s.OOMKilled,
  };
}

/**
 * Waits until the stand-in's webserver answers /healthz, or it has exited with an error (an invalid
 * config is a valid lab outcome). Resolves 'ready' | 'failed'; rejects on timeout.
 */
export async function waitForFalco(falcoUrl: string, timeoutMs = 30_000): Promise<'ready' | 'failed'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const st = await containerState(FALCO_CONTAINER);
    if (st && st.exitCode !== 0 && (st.restartCount > 0 || !st.running)) return 'failed';
    if (st?.running && (await answers(`${falcoUrl}/healthz`))) return 'ready';
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${FALCO_CONTAINER} neither answered ${falcoUrl}/healthz nor failed within ${timeoutMs} ms`);
}

/** Waits until the container's log holds `text` (e.g. the first drop alert of a scenario). */
export async function waitForLog(name: string, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const r = await dockerMaybe(['logs', name]);
    if (r.ok && (r.stdout + r.stderr).includes(text)) return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error(`${name} did not log "${text}" within ${timeoutMs} ms`);
}

export async function labUp(scenario: ScenarioName | Scenario, opts: LabOptions = {}): Promise<LabHandle> {
  const spec = typeof scenario === 'string' ? SCENARIOS[scenario] : scenario;
  if (!spec) throw new Error(`unknown lab scenario: ${String(scenario)}`);
  return startLab(spec.name, spec.why, opts, (configDir) => standinRunSpec(writeScenarioFiles(configDir, spec)));
}

/**
 * Starts a lab: removes the lab's previous containers (by label), lays /etc/falco out with `prepare`, writes
 * the compose file that describes what runs, starts Falco and the bot, waits until both answer.
 */
export async function startLab(
  name: string,
  why: string,
  opts: LabOptions,
  prepare: (configDir: string) => FalcoRunSpec | Promise<FalcoRunSpec>,
): Promise<LabHandle> {
  const dir = path.resolve(opts.dir ?? DEFAULT_LAB_DIR);
  const configDir = path.join(dir, 'etc-falco');
  const botPort = opts.botPort ?? DEFAULT_BOT_PORT;
  await removeLabContainers();
  fs.rmSync(configDir, { recursive: true, force: true });
  fs.mkdirSync(configDir, { recursive: true });
  const falco = await prepare(configDir);
  fs.writeFileSync(path.join(dir, 'docker-compose.yml'), composeFile(falco, botPort));
  fs.writeFileSync(path.join(dir, 'scenario.txt'), `${name}\n${why}\n`);
  await runContainers(configDir, falco, botPort, opts.composeLabels ? dir : null);
  const handle: LabHandle = {
    dir,
    falcoContainer: FALCO_CONTAINER,
    botContainer: BOT_CONTAINER,
    configDir,
    botUrl: `http://127.0.0.1:${botPort}`,
    falcoUrl: `http://127.0.0.1:${FALCO_PORT}`,
  };
  await waitForFalco(handle.falcoUrl, opts.readyTimeoutMs);
  await waitForBot(handle.botUrl, opts.readyTimeoutMs);
  return handle;
}

/** The docker-proxy accepts on the published port before the bot listens (CI saw ECONNRESET on the
 * first /quote): a scenario is up only when the bot answers /health too. */
async function waitForBot(botUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(`${botUrl}/health`)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${BOT_CONTAINER} did not answer ${botUrl}/health within ${timeoutMs} ms`);
}

export async function labDown(_opts: LabOptions = {}): Promise<void> {
  await removeLabContainers();
}

export interface LabContainerStatus {
  name: string;
  role: string;
  state: string;
  status: string;
  image: string;
  ports: string;
}

export async function labStatus(): Promise<LabContainerStatus[]> {
  const out = await docker(['ps', '-a', '--filter', `label=${DOCKER_LAB_LABEL}`, '--format', '{{json .}}']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const c = JSON.parse(line) as { Names: string; Labels: string; State: string; Status: string; Image: string; Ports: string };
      const role = /falco-doctor\.lab=([^,]+)/.exec(c.Labels)?.[1] ?? '';
      return { name: c.Names, role, state: c.State, status: c.Status, image: c.Image, ports: c.Ports };
    });
}
