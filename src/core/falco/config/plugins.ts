// Which plugins Falco loads, from the effective config (configuration.cpp@0.42.1:702-741, the same
// in 0.35.0–0.44.1): with no `load_plugins` key, every entry of `plugins`, in order; with the key,
// only the names it lists, and a name without a `plugins` entry is a thrown logic_error ("Cannot
// load plugin '<name>': plugin config not found for given name"), so Falco does not start.
// An empty `load_plugins: []` (the shipped falco.yaml of 0.41+) loads none; Falco's Linux packages
// of 0.41+ add /etc/falco/config.d/falco.container_plugin.yaml, `load_plugins: [container]`
// (CMakeLists.txt@0.41.0, config/falco.container_plugin.yaml@0.41.0).
import { getPath } from './effective.js';
import type { EffectiveConfig } from './types.js';

export interface LoadedPlugins {
  names: string[];
  /** Names in load_plugins with no `plugins` entry: Falco refuses to start. */
  unconfigured: string[];
}

export function loadedPlugins(config: EffectiveConfig): LoadedPlugins {
  const raw = getPath(config.value, 'plugins');
  const configured = (Array.isArray(raw) ? raw : [])
    .map((p) => (p !== null && typeof p === 'object' ? (p as Record<string, unknown>)['name'] : undefined))
    .filter((n): n is string => typeof n === 'string');
  const wanted = getPath(config.value, 'load_plugins');
  if (wanted === undefined) return { names: configured, unconfigured: [] };
  const list = Array.isArray(wanted) ? wanted.map(String) : wanted === null ? [] : [String(wanted)];
  return { names: list.filter((n) => configured.includes(n)), unconfigured: list.filter((n) => !configured.includes(n)) };
}
