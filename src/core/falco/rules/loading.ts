// How Falco picks and admits rules files, per release, from its source:
//  - which key names them: 0.35–0.37 read `rules_file` only; 0.38+ read `rules_files` and the
//    deprecated `rules_file` (configuration.cpp@0.37.1 load_yaml, @0.38.0);
//  - a folder: 0.41.0 loads only *.yaml and *.yml files in it ("only consider yaml files",
//    configuration.cpp@0.41.0 read_rules_file_directory), 0.40.0 and before every regular file, sorted;
//  - `required_engine_version` above the running engine makes Falco refuse the file
//    (userspace/engine/rule_loader.cpp; engine versions per release: ../shared/fixtures/falco/RELEASES.md);
//  - rules below the `priority` minimum are not enabled (falco_engine.cpp@0.42.1:222 "skip the rule if
//    below the minimum priority").
import { compareVersions } from '../version-compare.js';
import { getPath } from '../config/effective.js';
import type { EffectiveConfig } from '../config/types.js';
import { resolveRelease } from '../catalogue/index.js';

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
