// Falco STAND-IN (falco-doctor lab), not Falco: everything that can fail before events flow —
// config, rules, buffer preset — as one pure-ish step. Startup uses it; a hot reload runs it as a
// dry run first (Falco's restart_handler does the same and keeps running when the dry run fails).
import { ConfigError, loadConfig, type StandinConfig } from './config.js';
import { MAX_PRESET, MIN_PRESET } from './memory.js';
import { countEnabledRules, type RuleCount } from './rules.js';

export interface Prepared {
  cfg: StandinConfig;
  rules: RuleCount;
}

export function prepareConfigAndRules(configFile: string, overrides: string[]): Prepared {
  const cfg = loadConfig(configFile, overrides);
  const rules = countEnabledRules(cfg.rulesFiles, cfg.ruleSelections);
  // Falco checks the rules' plugin requirements against the loaded plugins after loading them
  // and stops on the first one unmet (load_rules_files.cpp@0.42.1).
  const unmet = rules.pluginRequirements.find((r) => !r.names.some((n) => cfg.plugins.includes(n)));
  if (unmet) throw new ConfigError(`Plugin requirement not satisfied, must load one of: ${unmet.text}`);
  return { cfg, rules };
}

export function usesKernelRing(cfg: StandinConfig): boolean {
  return cfg.engineKind === 'kmod' || cfg.engineKind === 'ebpf' || cfg.engineKind === 'modern_ebpf';
}

/** Falco checks the preset after loading rules (compute_syscall_buffer_size), so it fails later in the log. */
export function validatePreset(cfg: StandinConfig): void {
  if (!usesKernelRing(cfg)) return;
  const p = cfg.bufSizePreset;
  if (!Number.isInteger(p) || p < MIN_PRESET || p > MAX_PRESET) {
    throw new ConfigError(`The 'buf_size_preset' value must be between '${MIN_PRESET}' and '${MAX_PRESET}'`);
  }
}

export function prepareAll(configFile: string, overrides: string[]): Prepared {
  const p = prepareConfigAndRules(configFile, overrides);
  validatePreset(p.cfg);
  return p;
}
