import { describe, expect, it } from 'vitest';
import type { CExpr, CExprKind, CTerm, CWith } from '../../../src/rego/compiler/ir.ts';
import { walkBody, walkExpr, walkTerm, type Visitor } from '../../../src/rego/compiler/walk.ts';

const loc = { file: 'w.rego', row: 1, col: 1 };
const v = (name: string, slot = 0): CTerm => ({ k: 'var', slot, name, loc });
const c = (value: string): CTerm => ({ k: 'const', v: value, loc });
const expr = (kind: CExprKind, withs: CWith[] = []): CExpr => ({ kind, negated: false, with: withs, loc, index: 0 });

/** Names of the vars and constants met, in the order the walk meets them. */
function leaves(visit: (vis: Visitor) => void, extra: Omit<Visitor, 'term'> = {}): string[] {
  const seen: string[] = [];
  visit({
    term: (t) => {
      if (t.k === 'var') seen.push(t.name);
      if (t.k === 'const') seen.push(String(t.v));
    },
    ...extra,
  });
  return seen;
}

describe('walking compiled terms', () => {
  it('meets every part of a term in source order', () => {
    const t: CTerm = {
      k: 'array',
      items: [
        { k: 'ref', head: v('a'), path: [c('b'), v('c')], loc },
        { k: 'object', items: [[c('k'), v('d')]], loc },
        { k: 'data', path: [c('p'), v('e')], loc },
      ],
      loc,
    };
    expect(leaves((vis) => walkTerm(t, vis))).toEqual(['a', 'b', 'c', 'k', 'd', 'p', 'e']);
  });

  it('enters a comprehension head before its body, and the body only when allowed', () => {
    const body = [expr({ type: 'unify', left: v('x'), right: v('y') })];
    const t: CTerm = { k: 'objectcompr', key: v('k'), value: v('val'), body, own: [], loc };
    expect(leaves((vis) => walkTerm(t, vis))).toEqual(['k', 'val', 'x', 'y']);
    const owners: unknown[] = [];
    const seen = leaves((vis) => walkTerm(t, vis), {
      body: (o) => {
        owners.push(o);
        return false;
      },
    });
    expect(seen).toEqual(['k', 'val']);
    expect(owners).toEqual([t]);
  });

  it('skips the parts of a term whose visit returns false', () => {
    const inner: CTerm = { k: 'call', fn: { kind: 'print', id: 'print' }, args: [v('hidden')], loc };
    const t: CTerm = { k: 'set', items: [v('a'), inner, v('b')], loc };
    const seen: string[] = [];
    walkTerm(t, {
      term: (x) => {
        if (x.k === 'var') seen.push(x.name);
        return x.k !== 'call';
      },
    });
    expect(seen).toEqual(['a', 'b']);
  });

  it('meets some-in patterns before the collection, unless patterns are left out', () => {
    const e = expr({ type: 'somein', key: v('k'), value: v('x'), collection: v('xs') });
    expect(leaves((vis) => walkExpr(e, vis))).toEqual(['k', 'x', 'xs']);
    expect(leaves((vis) => walkExpr(e, vis), { patterns: false })).toEqual(['xs']);
  });

  it('walks an every domain, then its body, then the with values', () => {
    const every: CExprKind = {
      type: 'every',
      value: v('x'),
      domain: v('xs'),
      body: [expr({ type: 'term', term: v('inner') })],
      own: [1],
    };
    const w: CWith = { target: { kind: 'input', path: [] }, value: v('replacement'), loc };
    const withs: CWith[] = [];
    const seen = leaves((vis) => walkBody([expr(every, [w]), expr({ type: 'nop' })], vis), {
      with: (x) => {
        withs.push(x);
      },
    });
    expect(seen).toEqual(['x', 'xs', 'inner', 'replacement']);
    expect(withs).toEqual([w]);
  });
});
