// Kubernetes resource quantities (k8s.io/apimachinery pkg/api/resource): a decimal number with an
// optional suffix — binary Ki Mi Gi Ti Pi Ei, decimal k M G T P E, milli m — or an exponent (1e3).
const SUFFIX: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** The quantity as a number (cores for CPU, bytes for memory), or null when it is not one. */
export function parseQuantity(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/.exec(v.trim());
  if (!m) return null;
  return Number(m[1]) * (SUFFIX[m[2] ?? ''] ?? 1);
}
