// The `(k="v" k=v ...)` tail Falco prints after text-format internal alerts (drop alert, metrics
// snapshot). Quoted values are strings; bare values are numbers when they parse as numbers.

export function parseFieldTail(s: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const re = /([\w.[\]-]+)=("((?:[^"\\]|\\.)*)"|[^\s)]*)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const key = m[1] as string;
    if (m[3] !== undefined) out[key] = m[3].replace(/\\(.)/g, '$1');
    else {
      const raw = m[2] ?? '';
      const n = Number(raw);
      out[key] = raw !== '' && Number.isFinite(n) ? n : raw;
    }
  }
  return out;
}

/** Leading "HH:MM:SS.nnnnnnnnn: " or ISO-8601 "2026-11-23T08:14:15.525692877+0000: " time of a text alert. */
export const TEXT_TIME = /^(\d{2}:\d{2}:\d{2}\.\d+|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{4}|[+-]\d{2}:\d{2})?): /;

export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function parseJsonObject(line: string): Record<string, unknown> | null {
  const t = line.trim();
  if (!t.startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(t);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
