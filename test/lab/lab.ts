// falco-doctor lab: brings the scenario up the way the operator's compose file would — a Falco
// container (`falco-security-monitor`, here the STAND-IN image) with /etc/falco bind-mounted from a host
// folder, next to the protected service (`ai-trading-bot`). Uses the docker CLI with argument arrays.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import YAML from 'yaml';
import { docker, dockerMaybe } from './docker-cli.js';
import { BOT_IMAGE, STANDIN_IMAGE } from './images.js';
import { DEFAULT_LAB_DIR } from './paths.js';
import { SCENARIOS, editFalcoYaml, renderScenario, type Scenario, type ScenarioName, type YamlEdit } from './scenarios.js';

export const FALCO_CONTAINER = 'falco-security-monitor';
export const BOT_CONTAINER = 'ai-trading-bot';
export const FALCO_PORT = 8765;
export const DEFAULT_BOT_PORT = 18080;
const FALCO_LIMITS = { memory: '512m', cpus: '0.2' };

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

function composeFile(env: Record<string, string>, botPort: number): string {
  const doc = {
    services: {
      falco: {
        image: STANDIN_IMAGE,
        container_name: FALCO_CONTAINER,
        restart: 'unless-stopped',
        mem_limit: FALCO_LIMITS.memory,
        cpus: Number(FALCO_LIMITS.cpus),
        volumes: ['./etc-falco:/etc/falco'],
        ports: [`127.0.0.1:${FALCO_PORT}:${FALCO_PORT}`],
        labels: { 'falco-doctor.lab': 'standin' },
        environment: env,
      },
      'trading-bot': {
        image: BOT_IMAGE,
        container_name: BOT_CONTAINER,
        restart: 'unless-stopped',
        ports: [`127.0.0.1:${botPort}:8080`],
        labels: { 'falco-doctor.lab': 'protected-service' },
      },
    },
  };
  return `# falco-doctor lab (written by test/lab/lab.ts). The falco service runs a Falco STAND-IN image, not Falco.\n${YAML.stringify(doc)}`;
}

async function removeContainers(): Promise<void> {
  await dockerMaybe(['rm', '-f', FALCO_CONTAINER, BOT_CONTAINER]);
}

async function runContainers(configDir: string, env: Record<string, string>, botPort: number, composeDir: string | null): Promise<void> {
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
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
    FALCO_LIMITS.memory,
    '--cpus',
    FALCO_LIMITS.cpus,
    '--restart',
    'unless-stopped',
    '-v',
    `${configDir}:/etc/falco`,
    '--label',
    'falco-doctor.lab=standin',
    ...compose,
    '-p',
    `127.0.0.1:${FALCO_PORT}:${FALCO_PORT}`,
    ...envArgs,
    STANDIN_IMAGE,
  ]);
  await docker([
    'run',
    '-d',
    '--name',
    BOT_CONTAINER,
    '--restart',
    'unless-stopped',
    '--label',
    'falco-doctor.lab=protected-service',
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
  const dir = path.resolve(opts.dir ?? DEFAULT_LAB_DIR);
  const configDir = path.join(dir, 'etc-falco');
  const botPort = opts.botPort ?? DEFAULT_BOT_PORT;
  await removeContainers();
  fs.rmSync(configDir, { recursive: true, force: true });
  const env = writeScenarioFiles(configDir, spec);
  fs.writeFileSync(path.join(dir, 'docker-compose.yml'), composeFile(env, botPort));
  fs.writeFileSync(path.join(dir, 'scenario.txt'), `${spec.name}\n${spec.why}\n`);
  await runContainers(configDir, env, botPort, opts.composeLabels ? dir : null);
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
  await removeContainers();
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
  const out = await docker(['ps', '-a', '--filter', 'label=falco-doctor.lab', '--format', '{{json .}}']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const c = JSON.parse(line) as { Names: string; Labels: string; State: string; Status: string; Image: string; Ports: string };
      const role = /falco-doctor\.lab=([^,]+)/.exec(c.Labels)?.[1] ?? '';
      return { name: c.Names, role, state: c.State, status: c.Status, image: c.Image, ports: c.Ports };
    });
}
