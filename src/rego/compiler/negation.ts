// What `not` covers. OPA's compiler moves the values a negated expression is computed from out
// of the negation before it runs: nested calls (`not count(xs) > 0`, `not f(1).y`) and refs given
// to a call or used as a key (`not f(input.x)`, `not obj[input.k]`). When such a value is
// undefined the body fails there, instead of `not` succeeding. A module that imports
// `future.keywords.not` keeps the whole expression inside the negation.
import type { CExpr, CTerm } from './ir.ts';
import type { SlotTable } from './rewrite.ts';
import { walkExpr, walkTerm } from './walk.ts';

export interface NegationOptions {
  /**
   * `a == b` counts as unification, whose sides keep a plain ref in place (module rules: OPA
   * turns `==` into `=` there; an ad-hoc query keeps `==` a call).
   */
  equalIsUnify: boolean;
}

/** Returns the body with values hoisted out of each negated expression, closures included. */
export function hoistNegated(body: CExpr[], slots: SlotTable, options: NegationOptions, own?: number[]): CExpr[] {
  const out: CExpr[] = [];
  for (const e of body) {
    walkExpr(e, {
      body: (owner) => {
        owner.body = hoistNegated(owner.body, slots, options, owner.own);
        return false;
      },
    });
    if (!e.negated) {
      out.push(e);
      continue;
    }
    new Hoister(e, slots, options, own, out).run();
  }
  return out;
}

/** The same inside the closures of a rule head (`names := [n | ...; not f(x)]`). */
export function hoistNegatedInTerm(t: CTerm, slots: SlotTable, options: NegationOptions): void {
  walkTerm(t, {
    body: (owner) => {
      owner.body = hoistNegated(owner.body, slots, options, owner.own);
      return false;
    },
  });
}

class Hoister {
  constructor(
    private readonly e: CExpr,
    private readonly slots: SlotTable,
    private readonly options: NegationOptions,
    private readonly own: number[] | undefined,
    private readonly out: CExpr[],
  ) {}

  run(): void {
    const k = this.e.kind;
    if (k.type === 'unify') {
      const left = this.inTerm(this.expandTerm(k.left));
      const right = this.inTerm(this.expandTerm(k.right));
      this.out.push({ ...this.e, kind: { type: 'unify', left, right } });
      return;
    }
    if (k.type !== 'term') {
      this.out.push(this.e);
      return;
    }
    const t = k.term;
    if (t.k === 'call') {
      const args = t.args.map((a) => this.expandTerm(a));
      const unifying = this.options.equalIsUnify && t.fn.kind === 'builtin' && t.fn.id === 'equal' && args.length === 2;
      const hoisted = args.map((a) => (unifying ? this.inTerm(a) : this.one(a)));
      this.out.push({ ...this.e, kind: { type: 'term', term: { ...t, args: hoisted } } });
      return;
    }
    this.out.push({ ...this.e, kind: { type: 'term', term: this.inTerm(this.expandTerm(t)) } });
  }

  /** A fresh variable bound, before the negation, to the value of `t`. */
  private bind(t: CTerm): CTerm {
    const slot = this.slots.alloc('__local__', true);
    this.own?.push(slot);
    const v: CTerm = { k: 'var', slot, name: '__local__', loc: t.loc };
    this.out.push({ kind: { type: 'unify', left: v, right: t }, negated: false, with: this.e.with, loc: t.loc, index: this.e.index });
    return v;
  }

  /** Calls nested in a term are evaluated first, innermost first (OPA's RewriteExprTerms). */
  private expandTerm(t: CTerm): CTerm {
    switch (t.k) {
      case 'call':
        return this.bind({ ...t, args: t.args.map((a) => this.expandTerm(a)) });
      case 'ref':
        return { ...t, head: this.expandTerm(t.head), path: t.path.map((p) => this.expandTerm(p)) };
      case 'input':
      case 'data':
        return { ...t, path: t.path.map((p) => this.expandTerm(p)) };
      case 'array':
      case 'set':
        return { ...t, items: t.items.map((i) => this.expandTerm(i)) };
      case 'object':
        return { ...t, items: t.items.map(([key, value]): [CTerm, CTerm] => [this.expandTerm(key), this.expandTerm(value)]) };
      default:
        return t;
    }
  }

  /** A term standing as an operand of its own: a ref stays, its dynamic keys are hoisted. */
  private inTerm(t: CTerm): CTerm {
    switch (t.k) {
      case 'ref':
        return { ...t, path: t.path.map((p) => this.one(p)) };
      case 'input':
      case 'data':
        return { ...t, path: t.path.map((p) => this.one(p)) };
      case 'arraycompr':
      case 'setcompr':
      case 'objectcompr':
        return t;
      default:
        return this.one(t);
    }
  }

  /** A call argument or a ref key: a ref is hoisted whole, composites member by member. */
  private one(t: CTerm): CTerm {
    switch (t.k) {
      case 'ref':
        return this.bind({ ...t, path: t.path.map((p) => this.one(p)) });
      case 'input':
      case 'data':
        return this.bind({ ...t, path: t.path.map((p) => this.one(p)) });
      case 'array':
      case 'set':
        return { ...t, items: t.items.map((i) => this.one(i)) };
      case 'object':
        return { ...t, items: t.items.map(([key, value]): [CTerm, CTerm] => [this.one(key), this.one(value)]) };
      default:
        return t;
    }
  }
}
