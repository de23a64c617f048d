// `falco-doctor lint`, the pure part: a set of config files (falco.yaml first, then its drop-ins),
// `-o` overrides and rules files, judged for one Falco version as diagnose judges them — the lint of
// each file, Falco's own schema verdict per file, what makes Falco refuse to start, and the rules summary.
import { resolveRelease } from './catalogue/index.js';
import { effectiveConfigOfFiles } from './config/from-files.js';
import { getPath } from './config/effective.js';
import { lintFile, type LintIssue } from './config/lint.js';
import type { SchemaVerdict } from './config/lint/schema.js';
import { knownKeysFor } from './config/model.js';
import { startupRefusals, type Refusal } from './config/refusals.js';
import type { ConfigError, SourceFile } from './config/types.js';
import { engineKind } from './engine.js';
import { loadRules } from './rules/load.js';
import type { EngineRefusal, PluginRefusal } from './rules/loading.js';
import { loadedPlugins } from './config/plugins.js';

export interface LintRunInput {
  configs: SourceFile[];
  overrides: string[];
  rules: SourceFile[];
  version: string | null;
  versionNote: string;
  /** config_files entries that could not be read here: the plugins they may load are unknown. */
  missingDropIns?: string[];
}

export interface LintRunReport {
  falcoVersion: string | null;
  versionNote: string;
  /** The known release the version is judged as, when it is not one itself. */
  judgedAs: string | null;
  files: { path: string; schema: SchemaVerdict | null; issues: LintIssue[] }[];
  /** YAML that does not parse (file:line): Falco does not start. */
  configErrors: ConfigError[];
  refusals: Refusal[];
  rules: {
    files: string[];
    total: number;
    enabled: number;
    belowPriority: number;
    refusedFiles: EngineRefusal[];
    pluginRefusals: PluginRefusal[];
    /** A plugin requirement that only an unread drop-in could meet (Falco's packages add one). */
    pluginNote: string | null;
    errors: ConfigError[];
  } | null;
}

export function lintRun(input: LintRunInput): LintRunReport {
  const { configs, version } = input;
  const config = effectiveConfigOfFiles(configs, input.overrides);
  const kind = engineKind(config, version) ?? undefined;
  const resolved = version === null ? null : resolveRelease(version);
  const files = configs.map((f) => ({ path: f.path, ...lintFile(f, { version, engineKind: kind }) }));
  const readsSelection = version === null || knownKeysFor(version).has('rules');
  const summary =
    input.rules.length > 0
      ? loadRules(input.rules, readsSelection ? getPath(config.value, 'rules') : undefined, {
          falcoVersion: version,
          minPriority: getPath(config.value, 'priority'),
          plugins: loadedPlugins(config).names,
        })
      : null;
  // an unread drop-in (e.g. the packages' config.d/falco.container_plugin.yaml) may load the plugin
  const missing = input.missingDropIns ?? [];
  const unsure = missing.length > 0 && (summary?.pluginRefusals.length ?? 0) > 0;
  return {
    falcoVersion: version,
    versionNote: [input.versionNote, resolved?.note].filter(Boolean).join('; '),
    judgedAs: resolved && !resolved.exact ? resolved.release : null,
    files,
    configErrors: config.errors,
    refusals: config.errors.length > 0 ? [] : startupRefusals(config, version),
    rules: summary && {
      files: input.rules.map((r) => r.path),
      total: summary.totalCount,
      enabled: summary.enabledCount,
      belowPriority: summary.belowPriorityCount,
      refusedFiles: summary.refusedFiles,
      pluginRefusals: unsure ? [] : summary.pluginRefusals,
      pluginNote: unsure
        ? `${summary.pluginRefusals.map((p) => p.required).join('; ')} required by the rules, and not loaded by the files read; ${missing.join(', ')} (config_files) is not on this machine. Falco's packages of 0.41+ put config.d/falco.container_plugin.yaml (load_plugins: [container]) there: if the container has no such drop-in, Falco refuses to start ("Plugin requirement not satisfied"). Name the drop-ins after falco.yaml to check.`
        : null,
      errors: summary.errors,
    },
  };
}

/** Falco would not start: invalid YAML, a refused setting, a refused rules file. */
export function lintRefused(r: LintRunReport): boolean {
  return r.configErrors.length > 0 || r.refusals.length > 0 || (r.rules?.refusedFiles.length ?? 0) > 0 || (r.rules?.pluginRefusals.length ?? 0) > 0;
}
