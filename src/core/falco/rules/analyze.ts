// What a rule condition can match and what it costs, after macro and list expansion.
// Event types: for each sub-expression we track the types for which it CAN be true and those for
// which it CAN be false (a check on another field can be either, for any type). `and` intersects the
// true-sets, `or` unites them, `not` swaps the two. The rule matches only the types of its true-set,
// which mirrors what libsinsp's evttype resolver gives for rule conditions.
import type { Expr } from './condition.js';

/** A set of event types, or its complement ("every type except these"). */
interface TypeSet {
  neg: boolean;
  set: Set<string>;
}
const ALL: TypeSet = { neg: true, set: new Set() };

function inter(a: TypeSet, b: TypeSet): TypeSet {
  if (!a.neg && !b.neg) return { neg: false, set: new Set([...a.set].filter((x) => b.set.has(x))) };
  if (a.neg && b.neg) return { neg: true, set: new Set([...a.set, ...b.set]) };
  const [pos, neg] = a.neg ? [b, a] : [a, b];
  return { neg: false, set: new Set([...pos.set].filter((x) => !neg.set.has(x))) };
}
function union(a: TypeSet, b: TypeSet): TypeSet {
  if (!a.neg && !b.neg) return { neg: false, set: new Set([...a.set, ...b.set]) };
  if (a.neg && b.neg) return { neg: true, set: new Set([...a.set].filter((x) => b.set.has(x))) };
  const [pos, neg] = a.neg ? [b, a] : [a, b];
  return { neg: true, set: new Set([...neg.set].filter((x) => !pos.set.has(x))) };
}
const comp = (a: TypeSet): TypeSet => ({ neg: !a.neg, set: a.set });
const NONE: TypeSet = { neg: false, set: new Set() };
interface TF {
  t: TypeSet;
  f: TypeSet;
}
const ANY: TF = { t: ALL, f: ALL };

export interface Definitions {
  macros: Map<string, Expr | null>; // null: the macro's condition did not parse
  lists: Map<string, string[]>;
}

export interface Analysis {
  evtTypes: string[] | null;
  stringMatchOps: number;
  regexOps: number;
  macroDepth: number;
  undefinedMacros: string[];
}

const STRING_MATCH = new Set(['contains', 'icontains', 'bcontains', 'glob', 'iglob', 'pmatch', 'startswith', 'endswith', 'bstartswith']);

export function expandList(items: string[], defs: Definitions, seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const it of items) {
    const l = defs.lists.get(it);
    if (l && !seen.has(it)) out.push(...expandList(l, defs, new Set([...seen, it])));
    else out.push(it);
  }
  return out;
}

export function analyze(expr: Expr, defs: Definitions): Analysis {
  const a: Analysis = { evtTypes: null, stringMatchOps: 0, regexOps: 0, macroDepth: 0, undefinedMacros: [] };
  const walk = (e: Expr, depth: number, stack: string[]): TF => {
    a.macroDepth = Math.max(a.macroDepth, depth);
    switch (e.t) {
      case 'and': {
        const parts = e.items.map((i) => walk(i, depth, stack));
        return { t: parts.map((p) => p.t).reduce(inter, ALL), f: parts.map((p) => p.f).reduce(union, NONE) };
      }
      case 'or': {
        const parts = e.items.map((i) => walk(i, depth, stack));
        return { t: parts.map((p) => p.t).reduce(union, NONE), f: parts.map((p) => p.f).reduce(inter, ALL) };
      }
      case 'not': {
        const inner = walk(e.item, depth, stack);
        return { t: inner.f, f: inner.t };
      }
      case 'ref': {
        const m = defs.macros.get(e.name);
        if (m === undefined) {
          if (!e.name.includes('.')) a.undefinedMacros.push(e.name);
          return ANY;
        }
        if (m === null || stack.includes(e.name)) return ANY;
        return walk(m, depth + 1, [...stack, e.name]);
      }
      case 'cmp': {
        if (STRING_MATCH.has(e.op)) a.stringMatchOps++;
        if (e.op === 'regex') a.regexOps++;
        if (e.field !== 'evt.type') return ANY;
        const vals: TypeSet = { neg: false, set: new Set(expandList(e.values, defs)) };
        if (e.op === '=' || e.op === '==' || e.op === 'in') return { t: vals, f: comp(vals) };
        if (e.op === '!=') return { t: comp(vals), f: vals };
        return ANY;
      }
    }
  };
  const ts = walk(expr, 0, []).t;
  a.evtTypes = ts.neg ? null : [...ts.set].sort();
  return a;
}
