// Pieces shared by the manifest and the Helm-values readers: resources and privileges of the Falco
// container, and the version in an image reference.
import { parseQuantity } from './quantity.js';
import type { Resources } from './types.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

export function readResources(v: unknown): Resources {
  const r = obj(v);
  const part = (p: unknown) => ({ cpu: parseQuantity(obj(p)['cpu']), memoryBytes: parseQuantity(obj(p)['memory']) });
  return { requests: part(r['requests']), limits: part(r['limits']) };
}

/** privileged and added capabilities, CAP_ prefix dropped (Kubernetes accepts both spellings). */
export function readSecurityContext(v: unknown): { privileged: boolean; capabilities: string[] } {
  const s = obj(v);
  const add = obj(s['capabilities'])['add'];
  return {
    privileged: s['privileged'] === true,
    capabilities: (Array.isArray(add) ? add : []).map((c) => String(c).toUpperCase().replace(/^CAP_/, '')),
  };
}

/** "docker.io/falcosecurity/falco:0.44.1" -> "0.44.1"; a digest or a non-version tag -> null. */
export function versionOfImage(image: string | null): string | null {
  if (!image) return null;
  const tag = /:([^/:@]+)(@.*)?$/.exec(image)?.[1] ?? null;
  const m = tag ? /^v?(\d+\.\d+\.\d+)/.exec(tag) : null;
  return m?.[1] ?? null;
}

export { obj };
