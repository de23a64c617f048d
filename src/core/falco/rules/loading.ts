// How Falco picks and admits rules files, per release, from its source:
//  - which key names them: 0.35–0.37 read `rules_file` only; 0.38+ read `rules_files` and the
//    deprecated `rules_file` (configuration.cpp@0.37.1 load_yaml, @0.38.0);
//  - a folder: 0.41.0 loads only *.yaml and *.yml files in it ("only consider yaml files",
//    configuration.cpp@0.41.0 read_rules_file_directory), 0.40.0 and before every regular file, sorted;
//  - `required_engine_version` above the running engine makes Falco refuse the file
//    (userspace/engine/rule_loader.cpp; engine versions per release: ../shared/fixtures/falco/RELEASES.md);
//  - a `required_plugin_versions` entry none of whose alternatives is a loaded plugin makes Falco
//    stop after loading the rules: "Plugin requirement not satisfied, must load one of: container
//    (>= 0.4.0)" (falco_engine.cpp@0.42.1 check_plugin_requirements, load_rules_files.cpp@0.42.1:123;
//    the same message from 0.35.0). A loaded plugin's own version is in its .so, not in any config:
//    the doctor checks that one of the names is loaded, not the version;
//  - rules below the `priority` minimum are not enabled (falco_engine.cpp@0.42.1:222 "skip the rule if
//    below the minimum priority").
import { compareVersions } from '../version-compare.js';
import { getPath } from '../config/effective.js';
import type { EffectiveConfig } from '../config/types.js';
import { resolveRelease } from '../catalogue/index.js';
import type { PluginRequirement } from './collect.js';

/** userspace/engine/falco_engine_version.h per release series (RELEASES.md); 0.35/0.36 used an integer. */
const ENGINE_VERSIONS: [string, string][] = [
  ['0.35', '0.17.0'],
  ['0.36', '0.26.0'],
  ['0.37', '0.31.0'],
  ['0.38', '0.40.0'],
  ['0.39', '0.43.0'],
  ['0.40', '0.46.0'],
  ['0.41', '0.50.0'],
  ['0.42', '0.57.0'],
  ['0.43', '0.58.0'],
  ['0.44', '0.62.0'],
];

/** The rules-engine version of a Falco release (integer forms N read as 0.N.0), or null when unknown. */
export function engineVersionOf(falcoVersion: string): string | null {
  const release = resolveRelease(falcoVersion).release;
  const series = release.split('.').slice(0, 2).join('.');
  return ENGINE_VERSIONS.find(([s]) => s === series)?.[1] ?? null;
}

/** A rules file's required_engine_version as semver ("17" -> "0.17.0"). */
export function normalizeEngineVersion(v: string): string {
  return /^\d+$/.test(v.trim()) ? `0.${v.trim()}.0` : v.trim();
}

/** The paths Falco takes its rules from: which key it reads in this release. */
export function rulesPaths(config: EffectiveConfig, version: string | null): { key: string; paths: string[] } {
  const legacyOnly = version !== null && compareVersions(version, '0.38.0') < 0;
  const key = legacyOnly ? 'rules_file' : getPath(config.value, 'rules_files') !== undefined ? 'rules_files' : 'rules_file';
  const v = getPath(config.value, key);
  return { key, paths: Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [] };
}

/** Entries of a rules folder that Falco loads, in its order. */
export function rulesFolderEntries(names: readonly string[], version: string | null): string[] {
  const yamlOnly = version === null || compareVersions(version, '0.41.0') >= 0;
  return [...names].sort().filter((n) => !yamlOnly || /\.(yaml|yml)$/.test(n));
}

export interface EngineRefusal {
  file: string;
  required: string;
  running: string;
  message: string;
}

/** Files whose required_engine_version is above the running engine: Falco refuses to load them. */
export function engineRefusals(files: { path: string; required: string[] }[], falcoVersion: string | null): EngineRefusal[] {
  if (falcoVersion === null) return [];
  const running = engineVersionOf(falcoVersion);
  if (!running) return [];
  const out: EngineRefusal[] = [];
  for (const f of files)
    for (const r of f.required) {
      const need = normalizeEngineVersion(r);
      if (compareVersions(need, running) > 0)
        out.push({
          file: f.path,
          required: need,
          running,
          message: `${f.path} requires engine version ${need}, but Falco ${falcoVersion} runs engine ${running}: Falco refuses the file.`,
        });
    }
  return out;
}

export interface PluginRefusal {
  file: string;
  line: number | null;
  /** "container (>= 0.4.0)", the alternatives as Falco lists them */
  required: string;
  message: string;
}

/** Requirements no loaded plugin meets: Falco refuses to start. `loaded` null = not known (nothing checked). */
export function pluginRefusals(requirements: readonly PluginRequirement[], loaded: readonly string[] | null): PluginRefusal[] {
  if (loaded === null) return [];
  return requirements
    .filter((r) => !r.alternatives.some((a) => loaded.includes(a.name)))
    .map((r) => {
      const required = r.alternatives.map((a) => `${a.name} (>= ${a.version})`).join(', ');
      const have = loaded.length === 0 ? 'no plugin is loaded' : `loaded: ${loaded.join(', ')}`;
      return {
        file: r.file,
        line: r.line,
        required,
        message: `${r.file}${r.line ? `:${r.line}` : ''}: Plugin requirement not satisfied, must load one of: ${required} (${have}; load_plugins names them): Falco refuses to start.`,
      };
    });
}

const PRIORITY_ORDER = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug'];

/** Falco's priority rank (0 = emergency … 7 = debug); "info" is informational. */
export function priorityRank(p: string): number {
  const s = p.trim().toLowerCase();
  const i = PRIORITY_ORDER.indexOf(s === 'info' ? 'informational' : s);
  return i < 0 ? PRIORITY_ORDER.length - 1 : i;
}

/** True when a rule of `rulePriority` is skipped under the `priority` minimum. */
export function belowMinimum(rulePriority: string, minimum: unknown): boolean {
  return priorityRank(rulePriority) > priorityRank(typeof minimum === 'string' ? minimum : 'debug');
}
