// Falco's key syntax for `-o key=value` and get_node: `a.b`, `list[3].name`, `m[1][3]`, and
// `list[]` to append (userspace/falco/yaml_helper.h, get_node: Key := NodeKey ('.' NodeKey)*,
// NodeKey := (any)+ ('[' (integer)+? ']')*).

export type PathSegment = string | number | { append: true };

export function parseKeyPath(key: string): PathSegment[] | string {
  const segs: PathSegment[] = [];
  let i = 0;
  while (i < key.length) {
    let name = '';
    while (i < key.length && key[i] !== '.' && key[i] !== '[') name += key[i++];
    if (name === '') return `Parsing error: unexpected character at pos ${i}`;
    segs.push(name);
    while (key[i] === '[') {
      const close = key.indexOf(']', i);
      if (close < 0) return `Parsing error: missing ']' after pos ${i}`;
      const idx = key.slice(i + 1, close);
      if (idx === '') segs.push({ append: true });
      else if (/^\d+$/.test(idx)) segs.push(Number(idx));
      else return `Parsing error: expected a numeric index, found '${idx}'`;
      i = close + 1;
    }
    if (i < key.length) {
      if (key[i] !== '.') return `Parsing error: expected '.' character at pos ${i}`;
      i++;
      if (i === key.length) return `Parsing error: unexpected character at pos ${i - 1}`;
    }
  }
  return segs;
}

/** Dotted provenance key for a segment list: stops at the first sequence index (a sequence is a leaf). */
export function provenanceKey(segs: PathSegment[]): string {
  const names: string[] = [];
  for (const s of segs) {
    if (typeof s !== 'string') break;
    names.push(s);
  }
  return names.join('.');
}
