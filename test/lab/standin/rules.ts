// Falco STAND-IN (falco-doctor lab), not Falco: which rules end up enabled after loading the rules
// files in order and applying falco.yaml's `rules:` selection. Written here on purpose (the lab must
// not share code with the doctor it tests). Handles: rule definitions (`enabled` defaults to true),
// override entries (`override: {enabled: replace}` + `enabled:`), the deprecated standalone
// `- rule: X / enabled: false`, and `rules: [{disable|enable: {rule|tag: pattern}}]` with `*` wildcards.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError, type RuleSelection } from './config.js';

export interface LoadedRulesFile {
  file: string;
  /** "ok" when the file has content, "none" when it is empty (what Falco prints for an empty local file). */
  validation: 'ok' | 'none';
}

export interface RuleCount {
  files: LoadedRulesFile[];
  total: number;
  enabled: number;
  enabledNames: string[];
  /** Each `required_plugin_versions` entry as "name (>= version)" alternatives, as Falco words them. */
  pluginRequirements: { names: string[]; text: string }[];
}

function pluginRequirementsOf(item: Record<string, unknown>): { names: string[]; text: string }[] {
  const entries = Array.isArray(item.required_plugin_versions) ? (item.required_plugin_versions as Array<Record<string, unknown>>) : [];
  return entries.map((e) => {
    const alts = [e, ...(Array.isArray(e.alternatives) ? (e.alternatives as Array<Record<string, unknown>>) : [])];
    return { names: alts.map((a) => String(a.name)), text: alts.map((a) => `${String(a.name)} (>= ${String(a.version)})`).join(', ') };
  });
}

interface RuleState {
  enabled: boolean;
  tags: string[];
}

/** Expands folders (regular files, sorted) and skips paths that do not exist, as Falco does. */
export function expandRulesPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    if (fs.statSync(p).isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        const f = path.join(p, name);
        if (fs.statSync(f).isFile()) out.push(f);
      }
    } else out.push(p);
  }
  return out;
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

function applyItem(rules: Map<string, RuleState>, item: Record<string, unknown>): void {
  const name = String(item.rule);
  const existing = rules.get(name);
  const override = item.override as Record<string, unknown> | undefined;
  if (override && typeof override === 'object') {
    if (existing && override.enabled === 'replace' && typeof item.enabled === 'boolean') existing.enabled = item.enabled;
    return;
  }
  if (item.append === true) return; // deprecated condition append: does not change enablement
  if (item.condition !== undefined) {
    const tags = Array.isArray(item.tags) ? item.tags.map(String) : [];
    rules.set(name, { enabled: item.enabled !== false, tags });
    return;
  }
  // Deprecated standalone `enabled:` without override (Falco 0.44 still honours it, with a warning).
  if (existing && typeof item.enabled === 'boolean') existing.enabled = item.enabled;
}

export function countEnabledRules(rulesPaths: string[], selections: RuleSelection[]): RuleCount {
  const rules = new Map<string, RuleState>();
  const files: LoadedRulesFile[] = [];
  const pluginRequirements: RuleCount['pluginRequirements'] = [];
  for (const file of expandRulesPaths(rulesPaths)) {
    const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { uniqueKeys: false });
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0] ?? { line: 0, col: 0 };
      throw new ConfigError(
        `${file}: Invalid\n1 Errors:\nIn rules content: (${file}:${pos.line}:${pos.col})\n` +
          `LOAD_ERR_YAML_PARSE (Error parsing YAML): ${err.message.split(' at line ')[0]}`,
      );
    }
    const items: unknown = doc.toJS();
    files.push({ file, validation: items === null || items === undefined ? 'none' : 'ok' });
    if (!Array.isArray(items)) continue;
    for (const item of items as Array<Record<string, unknown>>) {
      if (item && typeof item === 'object' && item.rule !== undefined) applyItem(rules, item);
      else if (item && typeof item === 'object' && item.required_plugin_versions !== undefined) pluginRequirements.push(...pluginRequirementsOf(item));
    }
  }
  for (const sel of selections) {
    const re = wildcard(sel.pattern);
    for (const [name, state] of rules) {
      const hit = sel.by === 'rule' ? re.test(name) : state.tags.some((t) => re.test(t));
      if (hit) state.enabled = sel.op === 'enable';
    }
  }
  const enabledNames = [...rules].filter(([, s]) => s.enabled).map(([n]) => n);
  return { files, total: rules.size, enabled: enabledNames.length, enabledNames, pluginRequirements };
}
