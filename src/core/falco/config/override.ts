// Falco's `-o key=value`: split at the first '='; a value wrapped in {...} is loaded as a YAML object,
// anything else is set as a scalar string that Falco converts when it reads the key
// (userspace/falco/configuration.cpp set_cmdline_option). We resolve the scalar the way YAML would
// ("6" -> 6, "true" -> true) so the effective config compares like the file values do.
import { parse } from 'yaml';
import { parseKeyPath, type PathSegment } from './key-path.js';
import type { ConfigError } from './types.js';

export function parseOverride(o: string): { path: string; value: unknown } | ConfigError {
  const eq = o.indexOf('=');
  const bad = (message: string): ConfigError => ({ file: `-o ${o}`, line: null, key: eq > 0 ? o.slice(0, eq) : null, message });
  if (eq < 0) return bad(`Error parsing config option "${o}". Must be of the form key=val or key.subkey=val`);
  const path = o.slice(0, eq);
  const raw = o.slice(eq + 1);
  const segs = parseKeyPath(path);
  if (typeof segs === 'string') return bad(`Config error at key "${path}": ${segs}`);
  if (raw.startsWith('{') && raw.endsWith('}')) {
    try {
      return { path, value: parse(raw) as unknown };
    } catch (e) {
      return bad(`invalid YAML object: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { path, value: scalarOf(raw) };
}

function scalarOf(raw: string): unknown {
  if (raw === '') return '';
  try {
    const v: unknown = parse(raw);
    return v === null || typeof v === 'object' ? raw : v;
  } catch {
    return raw;
  }
}

/** Set a value at a Falco key path, creating maps on the way like yaml-cpp does. Returns an error text or null. */
export function setAtPath(root: Record<string, unknown>, segs: PathSegment[], value: unknown): string | null {
  let cur: unknown = root;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as PathSegment;
    const last = i === segs.length - 1;
    const nextIsIndex = !last && typeof segs[i + 1] !== 'string';
    const fresh = (): unknown => (last ? value : nextIsIndex ? [] : {});
    if (typeof seg === 'string') {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return `"${seg}" is not inside a map`;
      const obj = cur as Record<string, unknown>;
      if (last || obj[seg] === null || typeof obj[seg] !== 'object') obj[seg] = fresh();
      cur = obj[seg];
    } else {
      if (!Array.isArray(cur)) return 'index used on something that is not a sequence';
      const idx = typeof seg === 'number' ? seg : cur.length;
      if (idx > cur.length) return `index ${idx} is past the end of the sequence`;
      if (last || cur[idx] === null || typeof cur[idx] !== 'object') cur[idx] = fresh();
      cur = cur[idx];
    }
  }
  return null;
}
