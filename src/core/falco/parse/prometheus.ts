// Prometheus text exposition (format 0.0.4) as served by Falco's /metrics.

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseValue(s: string): number {
  if (s === '+Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  return Number(s);
}

function parseLabels(s: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const re = /([a-zA-Z_][\w]*)\s*=\s*"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(s); m; m = re.exec(s)) labels[m[1] as string] = (m[2] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  return labels;
}

/** Accepts the raw body or a whole HTTP response (headers are skipped). */
export function parsePrometheus(text: string): PromSample[] {
  let body = text;
  if (body.startsWith('HTTP/')) {
    const sep = /\r?\n\r?\n/.exec(body);
    body = sep ? body.slice(sep.index + sep[0].length) : '';
  }
  const out: PromSample[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const value = parseValue(m[4] as string);
    if (Number.isNaN(value) && m[4] !== 'NaN') continue;
    out.push({ name: m[1] as string, labels: m[3] !== undefined ? parseLabels(m[3]) : {}, value });
  }
  return out;
}

/** Sum of the samples named `name` whose labels include `labels`; null when there is none. */
export function promValue(samples: PromSample[], name: string, labels: Record<string, string> = {}): number | null {
  let sum: number | null = null;
  for (const s of samples) {
    if (s.name !== name) continue;
    if (!Object.entries(labels).every(([k, v]) => s.labels[k] === v)) continue;
    sum = (sum ?? 0) + s.value;
  }
  return sum;
}
