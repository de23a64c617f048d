// falco-doctor lab: the four situations the doctor must recognise. Each is the real upstream
// falco.yaml (0.44.1) with a few edits made through the `yaml` Document API (comments survive, so the
// file still reads like an operator's), the real falco_rules.yaml (falco-rules 5.1.0), an optional
// falco_rules.local.yaml, and the stand-in's load knobs. Numbers were chosen by measuring on a 2-core
// machine under the lab limits (--memory 512m --cpus 0.2); see each scenario's `why`.
import fs from 'node:fs';
import YAML from 'yaml';
import { UPSTREAM_FALCO_YAML, UPSTREAM_RULES_YAML } from './paths.js';

export type ScenarioName = 'healthy' | 'high-cpu' | 'memory-pressure' | 'event-drops';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['healthy', 'high-cpu', 'memory-pressure', 'event-drops'];

export type YamlPath = Array<string | number>;
export type YamlEdit = [path: YamlPath, value: unknown];

export interface Scenario {
  name: string;
  why: string;
  falcoYamlEdits: YamlEdit[];
  /** Content of /etc/falco/falco_rules.local.yaml (upstream ships it with comments only). */
  localRules: string;
  env: Record<string, string>;
  /** Replaces the rendered falco.yaml entirely (used to test how the stand-in refuses bad files). */
  rawFalcoYaml?: string;
}

const EMPTY_LOCAL_RULES = '# Local rules for falco-doctor lab. Add rules or overrides here.\n';

/** What every scenario shares: metrics every 5 s as alerts and on /metrics, so the doctor can read them. */
const OBSERVABLE: YamlEdit[] = [
  [['webserver', 'prometheus_metrics_enabled'], true],
  [['metrics', 'enabled'], true],
  [['metrics', 'interval'], '5s'],
  [['metrics', 'output_rule'], true],
];

const BASE_ENV = { STANDIN_STATE_MB: '32', STANDIN_RULE_COST_NS: '200', STANDIN_EVENT_BASE_NS: '300' };

/** 75 cheap-looking custom rules: each one still costs CPU on every event, as in real Falco. */
export function busyLocalRules(count = 75): string {
  const rules = Array.from({ length: count }, (_, i) => ({
    rule: `Lab custom rule ${String(i + 1).padStart(2, '0')}`,
    desc: 'falco-doctor lab: a site-specific rule that evaluates on every syscall event',
    condition: `evt.type in (open, openat, openat2, close, connect) and proc.name != lab_never_${i + 1}`,
    output: `Lab custom rule ${i + 1} | proc=%proc.name evt=%evt.type`,
    priority: 'NOTICE',
    tags: ['lab', 'custom'],
  }));
  return `# falco-doctor lab: site-specific rules (high-cpu scenario)\n${YAML.stringify(rules)}`;
}

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  healthy: {
    name: 'healthy',
    why: 'Upstream defaults (modern_ebpf, preset 4 = 8 MiB, one buffer per 2 CPUs), 25 enabled rules, 2000 events/s: ~1-3% CPU, ~100 MiB, no drops.',
    falcoYamlEdits: [...OBSERVABLE],
    localRules: EMPTY_LOCAL_RULES,
    env: { ...BASE_ENV, STANDIN_EVENT_RATE: '2000' },
  },
  'high-cpu': {
    name: 'high-cpu',
    why:
      '100 enabled rules (25 upstream + 75 local) × 200 ns + 300 ns base ≈ 20 µs/event at 11000 events/s ≈ 0.22-0.25 CPU wanted ' +
      'against a 0.2 quota: pinned at the quota and throttled. Preset 5 (16 MiB ≈ 175k events) absorbs the ~2000 events/s ' +
      'backlog for well over a minute, so drops stay absent in a 10 s window. Disabling most rules drops CPU to ~3%.',
    falcoYamlEdits: [...OBSERVABLE, [['engine', 'modern_ebpf', 'buf_size_preset'], 5]],
    localRules: busyLocalRules(),
    env: { ...BASE_ENV, STANDIN_EVENT_RATE: '11000' },
  },
  'memory-pressure': {
    name: 'memory-pressure',
    why: 'Preset 8 (128 MiB) with cpus_for_each_buffer 1 = 2 buffers = 256 MiB of rings, plus a 170 MiB state table (a busy host): >80% of 512 MiB without OOM. Preset 6 frees ~192 MiB.',
    falcoYamlEdits: [...OBSERVABLE, [['engine', 'modern_ebpf', 'buf_size_preset'], 8], [['engine', 'modern_ebpf', 'cpus_for_each_buffer'], 1]],
    localRules: EMPTY_LOCAL_RULES,
    env: { ...BASE_ENV, STANDIN_EVENT_RATE: '2000', STANDIN_STATE_MB: '170' },
  },
  'event-drops': {
    name: 'event-drops',
    why:
      'Preset 1 (1 MiB ≈ 10.9k events) and bursts of 20000 events every 2 s on top of 1000/s: each burst overflows the ring ' +
      '(~9k drops per burst, ~43% of that second > threshold .1) while CPU stays ~5% (a quarter of the quota). actions [log, alert] with upstream ' +
      'rate .03333 / max_burst 1: the bucket starts full, so the first alert shows within ~2 s, then one per 30 s. Preset 4 stops the drops.',
    falcoYamlEdits: [
      ...OBSERVABLE,
      [['engine', 'modern_ebpf', 'buf_size_preset'], 1],
      [
        ['syscall_event_drops', 'actions'],
        ['log', 'alert'],
      ],
    ],
    localRules: EMPTY_LOCAL_RULES,
    env: { ...BASE_ENV, STANDIN_EVENT_RATE: '1000', STANDIN_BURST_EVENTS: '20000', STANDIN_BURST_MS: '2000' },
  },
};

/** Applies edits to falco.yaml text with the Document API, keeping comments and layout. */
export function editFalcoYaml(text: string, edits: YamlEdit[]): string {
  const doc = YAML.parseDocument(text);
  for (const [path, value] of edits) doc.setIn(path, doc.createNode(value));
  return doc.toString({ lineWidth: 0 });
}

export interface RenderedScenario {
  /** Relative path inside /etc/falco -> content ("" + trailing slash = directory). */
  files: Record<string, string>;
  env: Record<string, string>;
}

export const CONTAINER_PLUGIN_DROP_IN = '# Enable container plugin for linux non musl installation.\nload_plugins: [container]\n';

export function renderScenario(scenario: Scenario): RenderedScenario {
  const falcoYaml = scenario.rawFalcoYaml ?? editFalcoYaml(fs.readFileSync(UPSTREAM_FALCO_YAML, 'utf8'), scenario.falcoYamlEdits);
  return {
    files: {
      'falco.yaml': falcoYaml,
      'falco_rules.yaml': fs.readFileSync(UPSTREAM_RULES_YAML, 'utf8'),
      'falco_rules.local.yaml': scenario.localRules,
      // What Falco's Linux packages and images of 0.41+ install there (config/falco.container_plugin.yaml,
      // CMakeLists.txt@0.41.0); an operator who mounts the whole /etc/falco must carry it, or Falco
      // refuses falco_rules.yaml ("Plugin requirement not satisfied ... container").
      'config.d/falco.container_plugin.yaml': CONTAINER_PLUGIN_DROP_IN,
    },
    env: scenario.env,
  };
}
