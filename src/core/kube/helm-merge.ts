// Helm's merge of a values file over the chart's values.yaml: maps merge key by key, anything else
// (lists, scalars) replaces, and null deletes the chart's key (helm.sh/docs, "Deleting a default key").
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function helmMerge(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return over === undefined ? structuredClone(base) : structuredClone(over);
  const out: Obj = structuredClone(base);
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = k in out ? helmMerge(out[k], v) : structuredClone(v);
  }
  return out;
}

/** Every key path of a map ("a.b.c"), maps walked, lists and scalars as leaves. */
export function keyPaths(v: unknown, prefix: string[] = []): string[][] {
  if (!isObj(v)) return prefix.length > 0 ? [prefix] : [];
  const out: string[][] = prefix.length > 0 ? [prefix] : [];
  for (const [k, x] of Object.entries(v)) out.push(...keyPaths(x, [...prefix, k]));
  return out;
}
