// Safety: every variable must be bound by some expression before it is used. Bodies are
// reordered (stably, as OPA does) so each expression runs once its inputs are bound;
// what can never be bound is reported as `var x is unsafe`.
import type { Location } from '../ast.ts';
import type { RegoErrorData } from '../errors.ts';
import { arityOf } from './functions.ts';
import type { CExpr, CTerm } from './ir.ts';
import { keyOf } from '../value.ts';
import type { SlotTable } from './rewrite.ts';
import { walkExpr, walkTerm, type Visitor } from './walk.ts';

type VarLocs = Map<number, Location>;

interface ExprVars {
  needs: VarLocs;
  outs: VarLocs;
}

/** Vars a term needs bound (`needs`) and those it can bind (`outs`: ref keys, pattern positions). */
function collect(t: CTerm, out: boolean, v: ExprVars): void {
  switch (t.k) {
    case 'const':
      return;
    case 'var':
      (out ? v.outs : v.needs).set(t.slot, t.loc);
      return;
    case 'ref':
      if (t.head.k === 'var') v.needs.set(t.head.slot, t.head.loc);
      else collect(t.head, false, v);
      for (const p of t.path) collect(p, true, v);
      return;
    case 'input':
    case 'data':
      for (const p of t.path) collect(p, true, v);
      return;
    case 'array':
      for (const i of t.items) collect(i, out, v);
      return;
    case 'set':
      for (const i of t.items) collect(i, false, v);
      return;
    case 'object':
      for (const [k, val] of t.items) {
        collect(k, false, v);
        collect(val, out, v);
      }
      return;
    case 'call': {
      const n = arityOf(t.fn);
      t.args.forEach((a, i) => collect(a, n >= 0 && i >= n, v));
      return;
    }
    default:
      for (const [slot, loc] of freeVars(t)) v.needs.set(slot, loc);
  }
}

/** Vars of a closure (comprehension or every) that belong to the enclosing body. */
export function freeVars(t: CTerm | CExpr): VarLocs {
  const all: VarLocs = new Map();
  const own = new Set<number>();
  const visitor: Visitor = {
    term: (x) => {
      if (x.k === 'var') all.set(x.slot, x.loc);
    },
    body: (owner) => {
      for (const s of owner.own) own.add(s);
    },
  };
  if ('kind' in t) walkExpr(t, visitor);
  else walkTerm(t, visitor);
  for (const s of own) all.delete(s);
  return all;
}

function exprVars(e: CExpr): ExprVars {
  const v: ExprVars = { needs: new Map(), outs: new Map() };
  const k = e.kind;
  switch (k.type) {
    case 'term':
      collect(k.term, false, v);
      break;
    case 'unify':
      collect(k.left, true, v);
      collect(k.right, true, v);
      break;
    case 'somein':
      collect(k.collection, false, v);
      if (k.key) collect(k.key, true, v);
      collect(k.value, true, v);
      break;
    case 'every':
      for (const [s, l] of freeVars(e)) v.needs.set(s, l);
      break;
    case 'nop':
      break;
  }
  for (const w of e.with) if (w.value) collect(w.value, false, v);
  if (e.negated) {
    for (const [s, l] of v.outs) v.needs.set(s, l);
    v.outs = new Map();
  }
  return v;
}

/**
 * Bare variables in pattern positions (not in ref keys): a unification binds them from the
 * other side, and a function's argument patterns bind them before its body runs.
 */
export function patternVars(t: CTerm, acc: number[] = []): number[] {
  switch (t.k) {
    case 'var':
      acc.push(t.slot);
      break;
    case 'array':
      for (const i of t.items) patternVars(i, acc);
      break;
    case 'object':
      for (const [, v] of t.items) patternVars(v, acc);
      break;
    default:
      break;
  }
  return acc;
}

function canUnify(a: CTerm, b: CTerm, bound: Set<number>): boolean {
  if (patternVars(a).every((s) => bound.has(s))) return true;
  if (patternVars(b).every((s) => bound.has(s))) return true;
  if (a.k === 'array' && b.k === 'array' && a.items.length === b.items.length) {
    return a.items.every((x, i) => canUnify(x, b.items[i]!, bound));
  }
  if (a.k === 'object' && b.k === 'object' && a.items.length === b.items.length) {
    return a.items.every(([ka, va]) => {
      const other = b.items.find(([kb]) => sameConstKey(ka, kb));
      return other !== undefined && canUnify(va, other[1], bound);
    });
  }
  if (a.k === 'array' && b.k === 'const' && Array.isArray(b.v)) return true;
  if (b.k === 'array' && a.k === 'const' && Array.isArray(a.v)) return true;
  return false;
}

function sameConstKey(a: CTerm, b: CTerm): boolean {
  return a.k === 'const' && b.k === 'const' && keyOf(a.v) === keyOf(b.v);
}

export class SafetyChecker {
  constructor(
    private readonly slots: SlotTable,
    private readonly errors: RegoErrorData[],
  ) {}

  /** Reorders a body (and its closures) so inputs are bound first; `bound` grows with its outputs. */
  order(body: CExpr[], bound: Set<number>): CExpr[] {
    const pending = body.map((e) => ({ e, v: exprVars(e) }));
    const out: CExpr[] = [];
    let progress = true;
    while (pending.length > 0 && progress) {
      progress = false;
      for (let i = 0; i < pending.length; i++) {
        const { e, v } = pending[i]!;
        if (!this.ready(e, v, bound)) continue;
        walkExpr(e, this.closureOrdering(bound));
        out.push(e);
        for (const s of v.outs.keys()) bound.add(s);
        pending.splice(i, 1);
        progress = true;
        break;
      }
    }
    if (pending.length > 0) {
      const reported = new Set<number>();
      for (const { v } of pending) {
        for (const [s, loc] of [...v.needs, ...v.outs]) {
          if (bound.has(s) || reported.has(s)) continue;
          reported.add(s);
          this.unsafe(s, loc);
        }
      }
      for (const { e } of pending) out.push(e);
    }
    return out;
  }

  unsafe(slot: number, loc: Location): void {
    this.errors.push({ code: 'rego_unsafe_var_error', message: `var ${this.slots.names[slot]} is unsafe`, location: loc });
  }

  /** Reports head (or comprehension term) vars that the body leaves unbound. */
  checkBound(t: CTerm, bound: Set<number>): void {
    const v: ExprVars = { needs: new Map(), outs: new Map() };
    collect(t, false, v);
    for (const [s, loc] of v.needs) if (!bound.has(s)) this.unsafe(s, loc);
    walkTerm(t, this.closureOrdering(bound));
  }

  private ready(e: CExpr, v: ExprVars, bound: Set<number>): boolean {
    for (const s of v.needs.keys()) if (!bound.has(s)) return false;
    const k = e.kind;
    if (k.type === 'unify' && !e.negated) return canUnify(k.left, k.right, bound);
    if (k.type === 'unify' && e.negated) return true;
    return true;
  }

  /** Orders the body of each closure met, given what is bound where the closure stands. */
  private closureOrdering(bound: Set<number>): Visitor {
    return {
      term: (t) => {
        switch (t.k) {
          case 'arraycompr':
          case 'setcompr': {
            const inner = new Set(bound);
            t.body = this.order(t.body, inner);
            this.checkBound(t.term, inner);
            return false;
          }
          case 'objectcompr': {
            const inner = new Set(bound);
            t.body = this.order(t.body, inner);
            this.checkBound(t.key, inner);
            this.checkBound(t.value, inner);
            return false;
          }
          default:
            return true;
        }
      },
      // Comprehensions stop at `term` above, so only an `every` gets here.
      body: (owner) => {
        if ('type' in owner) {
          const inner = new Set(bound);
          if (owner.key) patternVars(owner.key).forEach((s) => inner.add(s));
          patternVars(owner.value).forEach((s) => inner.add(s));
          owner.body = this.order(owner.body, inner);
        }
        return false;
      },
      patterns: false,
    };
  }
}
