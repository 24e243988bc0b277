// Unification of compiled terms with values and with each other: variables bind (and unbind
// on backtracking), arrays and objects match element-wise, anything else must be equal.
import { ObjectValue, equals, type Value } from '../value.ts';
import type { CTerm } from '../compiler/ir.ts';
import { ENUM, type Cont, type Enum, type Frame, type ValueCont } from './frame.ts';

/** The parts of the evaluator unification needs. */
export interface TermEvaluator {
  evalDirect(t: CTerm, f: Frame): Value | undefined | Enum;
  evalEnum(t: CTerm, f: Frame, k: ValueCont): boolean;
}

export function unifyValue(ev: TermEvaluator, t: CTerm, v: Value, f: Frame, k: Cont): boolean {
  switch (t.k) {
    case 'const':
      return equals(t.v, v) ? k() : false;
    case 'var': {
      const cur = f[t.slot];
      if (cur !== undefined) return equals(cur, v) ? k() : false;
      f[t.slot] = v;
      const r = k();
      f[t.slot] = undefined;
      return r;
    }
    case 'array':
      if (!Array.isArray(v) || v.length !== t.items.length) return false;
      return unifyItems(ev, t.items, v, 0, f, k);
    case 'object': {
      if (!(v instanceof ObjectValue) || v.size !== t.items.length) return false;
      return unifyEntries(ev, t.items, v, 0, f, k);
    }
    default: {
      const d = ev.evalDirect(t, f);
      if (d === undefined) return false;
      if (d !== ENUM) return equals(d, v) ? k() : false;
      return ev.evalEnum(t, f, (x) => (equals(x, v) ? k() : false));
    }
  }
}

function unifyItems(ev: TermEvaluator, items: CTerm[], v: Value[], i: number, f: Frame, k: Cont): boolean {
  if (i === items.length) return k();
  if (i === items.length - 1) return unifyValue(ev, items[i]!, v[i]!, f, k);
  return unifyValue(ev, items[i]!, v[i]!, f, () => unifyItems(ev, items, v, i + 1, f, k));
}

function unifyEntries(ev: TermEvaluator, items: [CTerm, CTerm][], v: ObjectValue, i: number, f: Frame, k: Cont): boolean {
  if (i === items.length) return k();
  const kt = items[i]![0];
  const vt = items[i]![1];
  const key = ev.evalDirect(kt, f);
  if (key === undefined || key === ENUM) return false;
  const val = v.get(key);
  if (val === undefined) return false;
  return unifyValue(ev, vt, val, f, () => unifyEntries(ev, items, v, i + 1, f, k));
}

/** True when a term still has an unbound variable in a pattern position (not inside a ref). */
function hasFreePattern(t: CTerm, f: Frame): boolean {
  switch (t.k) {
    case 'var':
      return f[t.slot] === undefined;
    case 'array':
      return t.items.some((i) => hasFreePattern(i, f));
    case 'object':
      return t.items.some(([, v]) => hasFreePattern(v, f));
    default:
      return false;
  }
}

export function unifyTerms(ev: TermEvaluator, a: CTerm, b: CTerm, f: Frame, k: Cont): boolean {
  const da = ev.evalDirect(a, f);
  if (da === undefined) return false;
  const db = ev.evalDirect(b, f);
  if (db === undefined) return false;
  return unifyEvaluated(ev, a, b, da, db, f, k);
}

/** unifyTerms once both sides have been evaluated directly (`da`, `db`: their values or ENUM). */
export function unifyEvaluated(ev: TermEvaluator, a: CTerm, b: CTerm, da: Value | Enum, db: Value | Enum, f: Frame, k: Cont): boolean {
  if (da !== ENUM) {
    if (db !== ENUM) return equals(da, db) ? k() : false;
    return unifyValue(ev, b, da, f, k);
  }
  if (db !== ENUM) return unifyValue(ev, a, db, f, k);
  if (a.k === 'array' && b.k === 'array') {
    if (a.items.length !== b.items.length) return false;
    return unifyPairs(ev, a.items, b.items, 0, f, k);
  }
  if (a.k === 'object' && b.k === 'object') {
    if (a.items.length !== b.items.length) return false;
    const pairsA: CTerm[] = [];
    const pairsB: CTerm[] = [];
    for (const [ka, va] of a.items) {
      const kv = ev.evalDirect(ka, f);
      if (kv === undefined || kv === ENUM) return false;
      const match = b.items.find(([kb]) => {
        const x = ev.evalDirect(kb, f);
        return x !== undefined && x !== ENUM && equals(x, kv);
      });
      if (!match) return false;
      pairsA.push(va);
      pairsB.push(match[1]);
    }
    return unifyPairs(ev, pairsA, pairsB, 0, f, k);
  }
  if (!hasFreePattern(b, f)) return ev.evalEnum(b, f, (v) => unifyValue(ev, a, v, f, k));
  if (!hasFreePattern(a, f)) return ev.evalEnum(a, f, (v) => unifyValue(ev, b, v, f, k));
  return false;
}

function unifyPairs(ev: TermEvaluator, a: CTerm[], b: CTerm[], i: number, f: Frame, k: Cont): boolean {
  if (i === a.length) return k();
  return unifyTerms(ev, a[i]!, b[i]!, f, () => unifyPairs(ev, a, b, i + 1, f, k));
}
