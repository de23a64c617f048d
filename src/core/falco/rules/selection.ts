// The falco.yaml `rules:` selection block (0.38+): entries applied in order after all rules files
// are loaded — `disable`/`enable` by rule name (with `*` wildcards, falco::utils::matches_wildcard)
// or by tag (exact) (userspace/falco/app/actions/load_rules_files.cpp).
import type { ConfigError } from '../config/types.js';
import type { RuleDef } from './collect.js';

/** Falco's wildcard match: only `*` is special, matching any run of characters. */
export function matchesWildcard(pattern: string, s: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === s;
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (!s.startsWith(first) || s.length < first.length + last.length || !s.endsWith(last)) return false;
  let pos = first.length;
  const end = s.length - last.length;
  for (const mid of parts.slice(1, -1)) {
    const at = s.indexOf(mid, pos);
    if (at < 0 || at + mid.length > end) return false;
    pos = at + mid.length;
  }
  return true;
}

export function applySelection(rules: Map<string, RuleDef>, selection: unknown, errors: ConfigError[]): void {
  if (selection === undefined || selection === null) return;
  if (!Array.isArray(selection)) {
    errors.push({ file: 'falco.yaml', line: null, key: 'rules', message: 'rules: must be a list of {enable: ...} / {disable: ...} entries' });
    return;
  }
  for (const entry of selection) {
    if (entry === null || typeof entry !== 'object') continue;
    for (const [op, target] of Object.entries(entry as Record<string, unknown>)) {
      if (op !== 'enable' && op !== 'disable') {
        errors.push({ file: 'falco.yaml', line: null, key: `rules.${op}`, message: `rules: unknown operation "${op}" (expected enable or disable)` });
        continue;
      }
      const t = (target ?? {}) as Record<string, unknown>;
      const enable = op === 'enable';
      if (typeof t['rule'] === 'string') for (const r of rules.values()) if (matchesWildcard(t['rule'], r.name)) r.enabled = enable;
      if (typeof t['tag'] === 'string') for (const r of rules.values()) if (r.tags.includes(t['tag'])) r.enabled = enable;
    }
  }
}
