// A small parser for Falco rule conditions (the libsinsp filter grammar): enough to expand macros,
// find which evt.type values a condition can match, and count costly operators.
// Grammar: or := and ('or' and)*; and := not ('and' not)*; not := 'not' not | '(' or ')' | check;
// check := field [op value] | macro-name. Values: strings, barewords, (lists), val(field).

export type Expr =
  { t: 'and' | 'or'; items: Expr[] } | { t: 'not'; item: Expr } | { t: 'cmp'; field: string; op: string; values: string[] } | { t: 'ref'; name: string };

type Tok = { k: 'word' | 'str' | 'op' | '(' | ')' | ','; v: string; adj: boolean };

const WORD_OPS = new Set([
  'contains',
  'icontains',
  'bcontains',
  'startswith',
  'bstartswith',
  'endswith',
  'glob',
  'iglob',
  'pmatch',
  'in',
  'intersects',
  'regex',
  'exists',
]);

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let adj = false;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      adj = false;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ k: c, v: c, adj });
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        s += src[j++];
      }
      out.push({ k: 'str', v: s, adj });
      i = j + 1;
    } else if ('=!<>'.includes(c)) {
      const two = src.slice(i, i + 2);
      const op = ['==', '!=', '<=', '>='].includes(two) ? two : c;
      out.push({ k: 'op', v: op, adj });
      i += op.length;
    } else {
      let j = i;
      while (j < src.length && !/[\s(),=!<>"']/.test(src[j] as string)) j++;
      // Keep bracketed args such as proc.aname[2] or fd.name[0] inside the word.
      out.push({ k: 'word', v: src.slice(i, j), adj });
      i = j;
    }
    adj = true;
  }
  return out;
}

export class ConditionSyntaxError extends Error {}

export function parseCondition(src: string): Expr {
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const next = (): Tok => {
    const t = toks[p++];
    if (!t) throw new ConditionSyntaxError('unexpected end of condition');
    return t;
  };
  const isKw = (t: Tok | undefined, kw: string): boolean => t?.k === 'word' && t.v === kw;

  const skipParens = (): string => {
    // consumes a balanced ( ... ) group, returns its raw items
    let depth = 0;
    const items: string[] = [];
    do {
      const t = next();
      if (t.k === '(') depth++;
      else if (t.k === ')') depth--;
      else if (t.k !== ',') items.push(t.v);
    } while (depth > 0);
    return items.join(' ');
  };

  const list = (): string[] => {
    next(); // (
    const items: string[] = [];
    while (peek() && peek()?.k !== ')') {
      const t = next();
      if (t.k === '(') {
        p--;
        items.push(skipParens());
      } else if (t.k !== ',') items.push(t.v);
    }
    next(); // )
    return items;
  };

  const value = (): string[] => {
    const t = peek();
    if (!t) throw new ConditionSyntaxError('missing value after operator');
    if (t.k === '(') return list();
    next();
    if (t.k === 'word' && peek()?.k === '(' && peek()?.adj) return [`${t.v}(${skipParens()})`];
    return [t.v];
  };

  const primary = (): Expr => {
    const t = peek();
    if (!t) throw new ConditionSyntaxError('unexpected end of condition');
    if (isKw(t, 'not')) {
      next();
      return { t: 'not', item: primary() };
    }
    if (t.k === '(') {
      next();
      const e = or();
      if (next().k !== ')') throw new ConditionSyntaxError('missing )');
      return e;
    }
    if (t.k !== 'word' || t.v === 'and' || t.v === 'or') throw new ConditionSyntaxError(`unexpected "${t.v}"`);
    next();
    let field = t.v;
    if (peek()?.k === '(' && peek()?.adj) field = `${t.v}(${skipParens()})`; // transformer: tolower(proc.name)
    const o = peek();
    if (o && (o.k === 'op' || (o.k === 'word' && WORD_OPS.has(o.v)))) {
      next();
      if (o.v === 'exists') return { t: 'cmp', field, op: 'exists', values: [] };
      return { t: 'cmp', field, op: o.v, values: value() };
    }
    return { t: 'ref', name: field };
  };

  const and = (): Expr => {
    const items = [primary()];
    while (isKw(peek(), 'and')) {
      next();
      items.push(primary());
    }
    return items.length === 1 ? (items[0] as Expr) : { t: 'and', items };
  };
  const or = (): Expr => {
    const items = [and()];
    while (isKw(peek(), 'or')) {
      next();
      items.push(and());
    }
    return items.length === 1 ? (items[0] as Expr) : { t: 'or', items };
  };

  const e = or();
  if (p < toks.length) throw new ConditionSyntaxError(`unexpected "${toks[p]?.v}" after the end of the condition`);
  return e;
}
