// One traversal of compiled terms and expressions, in source order, shared by the compiler's
// analyses (safety, closure ordering, recursion); each says only what it does at the nodes it cares about.
import type { CExpr, CExprKind, CTerm, CWith } from './ir.ts';

/** What owns a nested body: a comprehension or an `every`. */
export type Closure = Extract<CTerm, { body: CExpr[] }> | Extract<CExprKind, { type: 'every' }>;

export interface Visitor {
  /** Before a term's parts; false skips them, a comprehension's body included. */
  term?(t: CTerm): boolean | void;
  /** Before the body of a comprehension (after its head terms) or of an `every`; false skips it. */
  body?(owner: Closure): boolean | void;
  /** Before each with modifier's value. */
  with?(w: CWith): void;
  /**
   * Whether to enter the key and value of `some k, v in xs` and `every k, v in xs`, which
   * declare new locals rather than use values. Default true.
   */
  patterns?: boolean;
}

export function walkTerm(t: CTerm, v: Visitor): void {
  if (v.term?.(t) === false) return;
  switch (t.k) {
    case 'const':
    case 'var':
      return;
    case 'ref':
      walkTerm(t.head, v);
      for (const p of t.path) walkTerm(p, v);
      return;
    case 'input':
    case 'data':
      for (const p of t.path) walkTerm(p, v);
      return;
    case 'array':
    case 'set':
      for (const i of t.items) walkTerm(i, v);
      return;
    case 'object':
      for (const [key, value] of t.items) {
        walkTerm(key, v);
        walkTerm(value, v);
      }
      return;
    case 'call':
      for (const a of t.args) walkTerm(a, v);
      return;
    case 'arraycompr':
    case 'setcompr':
      walkTerm(t.term, v);
      walkClosureBody(t, v);
      return;
    case 'objectcompr':
      walkTerm(t.key, v);
      walkTerm(t.value, v);
      walkClosureBody(t, v);
      return;
  }
}

export function walkExpr(e: CExpr, v: Visitor): void {
  const k = e.kind;
  switch (k.type) {
    case 'term':
      walkTerm(k.term, v);
      break;
    case 'unify':
      walkTerm(k.left, v);
      walkTerm(k.right, v);
      break;
    case 'somein':
      walkPatterns(k, v);
      walkTerm(k.collection, v);
      break;
    case 'every':
      walkPatterns(k, v);
      walkTerm(k.domain, v);
      walkClosureBody(k, v);
      break;
    case 'nop':
      break;
  }
  for (const w of e.with) {
    v.with?.(w);
    if (w.value) walkTerm(w.value, v);
  }
}

export function walkBody(body: readonly CExpr[], v: Visitor): void {
  for (const e of body) walkExpr(e, v);
}

function walkPatterns(k: { key?: CTerm; value: CTerm }, v: Visitor): void {
  if (v.patterns === false) return;
  if (k.key) walkTerm(k.key, v);
  walkTerm(k.value, v);
}

function walkClosureBody(owner: Closure, v: Visitor): void {
  if (v.body?.(owner) === false) return;
  walkBody(owner.body, v);
}
