// Falco STAND-IN (falco-doctor lab), not Falco: loads falco.yaml the way Falco 0.44.1 does, for the
// keys the doctor reads. Order: main file, then `config_files` entries (a folder's files in
// lexicographic order; merge strategy append | override | add-only applied per top-level key,
// as Falco's yaml_helper does), then `-o key=value` overrides. Errors are thrown as ConfigError
// carrying Falco's wording; main.ts prints them as `Error: <message>` and exits 1.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { LOG_LEVELS, type LogLevel } from './log.js';
import { PRIORITIES, type Priority } from './outputs.js';
import { parseDurationMs } from './duration.js';

export class ConfigError extends Error {}

export const ENGINE_KINDS = ['kmod', 'ebpf', 'modern_ebpf', 'replay', 'nodriver'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];
export const DROP_ACTIONS = ['ignore', 'log', 'alert', 'exit'] as const;
export type DropAction = (typeof DROP_ACTIONS)[number];

export interface RuleSelection {
  op: 'enable' | 'disable';
  by: 'rule' | 'tag';
  pattern: string;
}

export interface StandinConfig {
  /** Files in the order Falco lists them under "Falco initialized with configuration files:". */
  configFiles: string[];
  /** Plugins Falco would load (load_plugins / plugins). */
  plugins: string[];
  /** Rules files/folders as configured (missing ones are skipped at load, as Falco does). */
  rulesFiles: string[];
  ruleSelections: RuleSelection[];
  engineKind: EngineKind;
  bufSizePreset: number;
  cpusForEachBuffer: number;
  logLevel: LogLevel;
  logStderr: boolean;
  priority: Priority;
  jsonOutput: boolean;
  stdoutEnabled: boolean;
  /** buffered_outputs (false in code when absent) */
  bufferedOutputs: boolean;
  timeIso8601: boolean;
  watchConfigFiles: boolean;
  webserver: { enabled: boolean; threadiness: number; listenAddress: string; listenPort: number; healthz: string; prometheus: boolean };
  metrics: { enabled: boolean; interval: string; intervalMs: number; outputRule: boolean; kernelCounters: boolean };
  drops: { threshold: number; actions: DropAction[]; rate: number; maxBurst: number; simulate: boolean };
}

type Tree = Record<string, unknown>;

function readYamlFile(file: string): Tree {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read config file (${file}): ${(e as Error).message}`);
  }
  const doc = YAML.parseDocument(text, { uniqueKeys: false });
  const err = doc.errors[0];
  if (err) {
    // Falco parses with yaml-cpp; keep its "yaml-cpp: error at line L, column C: <what>" shape.
    const where = err.linePos?.[0] ?? { line: 0, col: 0 };
    const what = err.message.split(' at line ')[0] ?? err.message;
    throw new ConfigError(`Cannot read config file (${file}): yaml-cpp: error at line ${where.line}, column ${where.col}: ${what}`);
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`Cannot read config file (${file}): root is not a map`);
  return value as Tree;
}

function mergeTopLevel(root: Tree, extra: Tree, strategy: string): void {
  for (const [key, value] of Object.entries(extra)) {
    const existing = root[key];
    if (strategy === 'add-only' && existing !== undefined) continue;
    if (strategy === 'append' && Array.isArray(existing) && Array.isArray(value)) root[key] = [...existing, ...value];
    else root[key] = value;
  }
}

function dropInFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry)
    .sort()
    .map((name) => path.join(entry, name))
    .filter((f) => fs.statSync(f).isFile());
}

function setDotted(root: Tree, key: string, value: unknown): void {
  const parts = key.split('.');
  let node: Tree = root;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Tree;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** Loads the merged tree; returns it with the list of files read (drop-ins first, as Falco prints them). */
export function loadConfigTree(mainFile: string, overrides: string[]): { tree: Tree; files: string[] } {
  const tree = readYamlFile(mainFile);
  const dropIns: string[] = [];
  const entries = Array.isArray(tree.config_files) ? tree.config_files : tree.config_files === undefined ? ['/etc/falco/config.d'] : [];
  for (const entry of entries) {
    const p = typeof entry === 'string' ? entry : typeof entry === 'object' && entry ? String((entry as Tree).path ?? '') : '';
    const strategy = typeof entry === 'object' && entry ? String((entry as Tree).strategy ?? 'append') : 'append';
    for (const file of dropInFiles(p)) {
      mergeTopLevel(tree, readYamlFile(file), strategy);
      dropIns.push(file);
    }
  }
  for (const opt of overrides) {
    const eq = opt.indexOf('=');
    if (eq <= 0) throw new ConfigError(`Error parsing config option "${opt}". Must be of the form key=val or key.subkey=val`);
    setDotted(tree, opt.slice(0, eq), YAML.parse(opt.slice(eq + 1)) as unknown);
  }
  return { tree, files: [...dropIns, mainFile] };
}

function get(tree: Tree, dotted: string): unknown {
  let node: unknown = tree;
  for (const part of dotted.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Tree)[part];
  }
  return node;
}
const bool = (t: Tree, k: string, d: boolean): boolean => (typeof get(t, k) === 'boolean' ? (get(t, k) as boolean) : d);
const num = (t: Tree, k: string, d: number): number => (typeof get(t, k) === 'number' ? (get(t, k) as number) : d);
const str = (t: Tree, k: string, d: string): string => (get(t, k) === undefined || get(t, k) === null ? d : String(get(t, k)));

/** Falco loads every `plugins` entry when `load_plugins` is absent, else only the names listed,
 * and a listed name without a `plugins` entry stops it (configuration.cpp@0.42.1). */
function loadedPlugins(tree: Tree): string[] {
  const configured = (Array.isArray(tree.plugins) ? (tree.plugins as Tree[]) : []).map((p) => String(p?.name));
  if (tree.load_plugins === undefined) return configured;
  const wanted = Array.isArray(tree.load_plugins) ? tree.load_plugins.map(String) : [];
  for (const name of wanted) if (!configured.includes(name)) throw new ConfigError(`Cannot load plugin '${name}': plugin config not found for given name`);
  return wanted;
}

function ruleSelections(tree: Tree): RuleSelection[] {
  const items = Array.isArray(tree.rules) ? tree.rules : [];
  const out: RuleSelection[] = [];
  for (const item of items as Tree[]) {
    for (const op of ['enable', 'disable'] as const) {
      const sel = item?.[op] as Tree | undefined;
      if (sel?.rule !== undefined) out.push({ op, by: 'rule', pattern: String(sel.rule) });
      if (sel?.tag !== undefined) out.push({ op, by: 'tag', pattern: String(sel.tag) });
    }
  }
  return out;
}

export function interpretConfig(tree: Tree, files: string[]): StandinConfig {
  const mainFile = files[files.length - 1] ?? 'falco.yaml';
  const kind = str(tree, 'engine.kind', 'kmod');
  if (!(ENGINE_KINDS as readonly string[]).includes(kind)) {
    throw new ConfigError(`Error reading config file (${mainFile}): engine.kind '${kind}' is not a valid kind.`);
  }
  const engineKind = kind as EngineKind;
  const logLevel = str(tree, 'log_level', 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new ConfigError(`Unknown log level ${logLevel}`);
  const priorityName = str(tree, 'priority', 'debug').toLowerCase();
  const priority = PRIORITIES.find((p) => p.toLowerCase() === priorityName || (p === 'Informational' && priorityName === 'info'));
  if (!priority) {
    throw new ConfigError(`Unknown priority "${priorityName}"--must be one of emergency, alert, critical, error, warning, notice, informational, debug`);
  }
  const rawActions = get(tree, 'syscall_event_drops.actions');
  const actions: DropAction[] = [];
  for (const act of Array.isArray(rawActions) ? rawActions.map(String) : []) {
    if (!(DROP_ACTIONS as readonly string[]).includes(act)) {
      throw new ConfigError(`Error reading config file (${mainFile}): syscall event drop action ${act} must be one of "ignore", "log", "alert", or "exit"`);
    }
    actions.push(act as DropAction);
  }
  const interval = str(tree, 'metrics.interval', '1h');
  const intervalMs = parseDurationMs(interval);
  if (intervalMs === undefined) throw new ConfigError(`Error reading config file (${mainFile}): invalid metrics.interval '${interval}'`);
  // Absent keys take the defaults in Falco's code (knowledge/falco-code-reads.json), as real Falco does:
  // webserver, stdout output, log_stderr and metrics.output_rule are off when the file says nothing.
  const rulesFiles = get(tree, 'rules_files');
  return {
    configFiles: files,
    plugins: loadedPlugins(tree),
    rulesFiles: Array.isArray(rulesFiles) ? rulesFiles.map(String) : [],
    ruleSelections: ruleSelections(tree),
    engineKind,
    bufSizePreset: num(tree, `engine.${engineKind}.buf_size_preset`, 4),
    cpusForEachBuffer: num(tree, 'engine.modern_ebpf.cpus_for_each_buffer', 2),
    logLevel: logLevel as LogLevel,
    logStderr: bool(tree, 'log_stderr', false),
    priority,
    jsonOutput: bool(tree, 'json_output', false),
    stdoutEnabled: bool(tree, 'stdout_output.enabled', false),
    timeIso8601: bool(tree, 'time_format_iso_8601', false),
    bufferedOutputs: bool(tree, 'buffered_outputs', false),
    watchConfigFiles: bool(tree, 'watch_config_files', true),
    webserver: {
      enabled: bool(tree, 'webserver.enabled', false),
      threadiness: num(tree, 'webserver.threadiness', 0),
      listenAddress: str(tree, 'webserver.listen_address', '0.0.0.0'),
      listenPort: num(tree, 'webserver.listen_port', 8765),
      healthz: str(tree, 'webserver.k8s_healthz_endpoint', '/healthz'),
      prometheus: bool(tree, 'webserver.prometheus_metrics_enabled', false),
    },
    metrics: {
      enabled: bool(tree, 'metrics.enabled', false),
      interval,
      intervalMs: Math.max(100, intervalMs), // Falco enforces a 100 ms minimum
      outputRule: bool(tree, 'metrics.output_rule', false),
      kernelCounters: bool(tree, 'metrics.kernel_event_counters_enabled', true),
    },
    drops: {
      threshold: num(tree, 'syscall_event_drops.threshold', 0.1),
      actions: actions.length > 0 ? actions : ['ignore'], // Falco: an empty list means ignore
      rate: num(tree, 'syscall_event_drops.rate', 0.03333),
      maxBurst: num(tree, 'syscall_event_drops.max_burst', 1),
      simulate: bool(tree, 'syscall_event_drops.simulate_drops', false),
    },
  };
}

export function loadConfig(mainFile: string, overrides: string[]): StandinConfig {
  const { tree, files } = loadConfigTree(mainFile, overrides);
  return interpretConfig(tree, files);
}
