// Falco STAND-IN (falco-doctor lab) — this is NOT Falco. It imitates Falco 0.44.1 where falco-doctor
// looks (startup log, config/rules loading and errors, ring-buffer memory, CPU per enabled rule,
// event drops and their alerts, metrics, webserver, hot reload, shutdown summary) so the doctor can be
// tested against a real Docker engine without a kernel driver. Knobs (env):
//   STANDIN_EVENT_RATE    steady kernel events/s            (default 1000)
//   STANDIN_BURST_EVENTS  events delivered at once ...      (default 0 = no bursts)
//   STANDIN_BURST_MS      ... every this many ms            (default 1000)
//   STANDIN_EVENT_BYTES   ring bytes per event              (default 96)
//   STANDIN_STATE_MB      process/fd state table, MiB       (default 16)
//   STANDIN_RULE_COST_NS  CPU ns per enabled rule per event (default 200)
//   STANDIN_EVENT_BASE_NS CPU ns per event, rules aside     (default 300)
import type http from 'node:http';
import { ConfigError } from './config.js';
import { calibrateIterationsPerNs } from './consumer.js';
import { EngineRun, type Knobs } from './engine.js';
import { log, loggerSettings, nowNs } from './log.js';
import { presetBytes } from './memory.js';
import { prometheusText } from './metrics.js';
import { emitInternalAlert, flushOutputs, outputSettings } from './outputs.js';
import { prepareAll, prepareConfigAndRules, usesKernelRing, validatePreset, type Prepared } from './prepare.js';
import { CpuWindow } from './resources.js';
import { expandRulesPaths } from './rules.js';
import { logBufferSize, logConfigAndRules, logServicesAndSources } from './startup-log.js';
import { versionText } from './version.js';
import { ConfigWatcher } from './watcher.js';
import { startWebserver } from './webserver.js';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(versionText());
  process.exit(0);
}

let configFile = '/etc/falco/falco.yaml';
const overrides: string[] = [];
// -U / --unbuffered: outputs unbuffered whatever buffered_outputs says (Falco's app/options.cpp)
const unbuffered = args.includes('-U') || args.includes('--unbuffered');
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '-c') configFile = args[++i] ?? configFile;
  else if (a === '-o' || a === '--option') overrides.push(args[++i] ?? '');
  else if (a?.startsWith('--option=')) overrides.push(a.slice('--option='.length));
}

const envNum = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(v) ? v : fallback;
};

process.stderr.write('falco-doctor lab: this is a Falco STAND-IN, not Falco\n');

const knobs: Knobs = {
  load: { ratePerSec: envNum('STANDIN_EVENT_RATE', 1000), burstEvents: envNum('STANDIN_BURST_EVENTS', 0), burstMs: envNum('STANDIN_BURST_MS', 1000) },
  eventBytes: Math.max(1, envNum('STANDIN_EVENT_BYTES', 96)),
  stateMb: envNum('STANDIN_STATE_MB', 16),
  baseNs: envNum('STANDIN_EVENT_BASE_NS', 300),
  ruleNs: envNum('STANDIN_RULE_COST_NS', 200),
  iterationsPerNs: calibrateIterationsPerNs(),
};
const startNs = nowNs();
const cpu = new CpuWindow();
let run: EngineRun | undefined;
let server: http.Server | undefined;
let watcher: ConfigWatcher | undefined;

function fail(message: string): never {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(1);
}

function applyOutputSettings(p: Prepared): void {
  const c = p.cfg;
  loggerSettings.level = c.logLevel;
  loggerSettings.toStderr = c.logStderr;
  Object.assign(outputSettings, {
    jsonOutput: c.jsonOutput,
    stdoutEnabled: c.stdoutEnabled,
    minPriority: c.priority,
    timeIso8601: c.timeIso8601,
    // as Falco 0.44 (load_config.cpp@0.44.0:73-76): buffered_outputs honoured, -U forces it off
    buffered: c.bufferedOutputs && !unbuffered,
  });
}

async function boot(p: Prepared): Promise<void> {
  applyOutputSettings(p);
  logConfigAndRules(p.cfg, p.rules);
  try {
    validatePreset(p.cfg);
  } catch (e) {
    fail((e as Error).message);
  }
  if (usesKernelRing(p.cfg)) logBufferSize(presetBytes(p.cfg.bufSizePreset));
  logServicesAndSources(p.cfg);
  const current = new EngineRun(p, knobs, startNs, cpu, (msg) => void shutdown(1, msg));
  run = current;
  const { webserver, metrics } = p.cfg;
  if (webserver.enabled) {
    server = await startWebserver(webserver, () => ({
      healthz: webserver.healthz,
      metrics: () => (webserver.prometheus && metrics.enabled ? prometheusText(current.view, cpu) : undefined),
    })).catch((e: Error) => fail(`Could not create embedded webserver: ${e.message}`));
  }
  if (p.cfg.watchConfigFiles) {
    const watched = [...p.cfg.configFiles, '/etc/falco/config.d', ...p.cfg.rulesFiles, ...expandRulesPaths(p.cfg.rulesFiles)];
    watcher = new ConfigWatcher([...new Set(watched)], () => void reload());
  }
  current.start();
}

async function teardown(): Promise<void> {
  watcher?.stop();
  run?.stop();
  run = undefined;
  const s = server;
  server = undefined;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()).closeAllConnections());
  (globalThis as { gc?: () => void }).gc?.(); // started with --expose-gc: give the old rings back now
}

/** Falco's restart_handler: dry run first; on failure alert and keep the old run going. */
async function reload(): Promise<void> {
  let next: Prepared;
  try {
    next = prepareAll(configFile, overrides);
  } catch (e) {
    const rule = 'Falco internal: hot restart failure';
    emitInternalAlert('Critical', `${rule}: ${(e as Error).message}`, rule, {});
    return;
  }
  log('info', 'SIGHUP received, restarting...');
  await teardown();
  await boot(next);
}

let shuttingDown = false;
async function shutdown(code: number, error?: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  await teardown();
  flushOutputs();
  if (error) process.stderr.write(`Error: ${error}\n`);
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    log('info', 'SIGINT received, exiting...'); // Falco logs the same words for SIGTERM
    void shutdown(0);
  });
}
process.on('SIGHUP', () => void reload());

try {
  await boot(prepareConfigAndRules(configFile, overrides));
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}
