import { describe, expect, it } from 'vitest';
import { compile, evaluate, prepare, toJS } from '../../src/rego/index.ts';

const c = compile([{ file: 'deny.rego', text: 'package rw\ndeny contains msg if { some r in input.routes; r.cloud; msg := sprintf("route %s", [r.id]) }' }]);
if (!c.ok) throw new Error(JSON.stringify(c.errors));
const policy = c.policy;

describe('public API', () => {
  it('evaluates a query and reports expression values, text and location', () => {
    const r = evaluate(policy, 'data.rw.deny', { input: { routes: [{ id: 'a', cloud: true }] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.results).toHaveLength(1);
    expect(toJS(r.results[0]!.expressions[0]!.value)).toEqual(['route a']);
    expect(r.results[0]!.expressions[0]!.text).toBe('data.rw.deny');
    expect(r.results[0]!.expressions[0]!.location).toEqual({ row: 1, col: 1 });
    expect(r.results[0]!.bindings).toEqual({});
  });

  it('prepares a query once for many inputs', () => {
    const p = prepare(policy, 'x := count(data.rw.deny)');
    if (!p.ok) throw new Error('prepare failed');
    const counts = [0, 1, 3].map((n) => {
      const routes = Array.from({ length: n }, (_, i) => ({ id: String(i), cloud: true }));
      const r = p.query.evaluate({ input: { routes } });
      return r.ok ? r.results[0]!.bindings.x : undefined;
    });
    expect(counts).toEqual([0, 1, 3]);
  });

  it('returns query errors as values', () => {
    const r = evaluate(policy, 'x := nope(1)');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'rego_type_error', message: 'undefined function nope' });
  });

  it('leaves input undefined when none is given', () => {
    const r = evaluate(policy, 'x := input');
    expect(r.ok && r.results).toEqual([]);
  });

  it('evaluates 10,000 objects in linear time thanks to memoized rules', () => {
    const big = compile([
      {
        file: 'big.rego',
        text: 'package big\nids := {x.id | some x in input.items}\nbad contains x.id if { some x in input.items; x.ref; not ids[x.ref] }',
      },
    ]);
    if (!big.ok) throw new Error('compile');
    const items = Array.from({ length: 10_000 }, (_, i) => ({ id: `i${i}`, ref: i % 2 ? `i${i - 1}` : 'missing' }));
    // Counted in evaluation steps, not time: a lookup of `ids` per item takes a few steps each, while
    // rebuilding it per item would take 10,000 times as many and stop at the budget.
    const r = evaluate(big.policy, 'x := count(data.big.bad)', { input: { items }, maxSteps: 200_000 });
    expect(r.ok ? r.results[0]!.bindings.x : r.errors).toBe(5000);
  });
});

describe('query expression values', () => {
  it('captures a false value as a result, while undefined stays no result', () => {
    const c2 = compile([{ file: 'f.rego', text: 'package f\nallow := false' }]);
    if (!c2.ok) throw new Error('compile');
    const r = evaluate(c2.policy, 'data.f.allow');
    expect(r.ok && r.results.map((x) => x.expressions[0]!.value)).toEqual([false]);
    const u = evaluate(c2.policy, 'data.f.nothing');
    expect(u.ok && u.results).toEqual([]);
  });
});

describe('null results', () => {
  it('reports a null expression value as null', () => {
    const c3 = compile([{ file: 'n.rego', text: 'package n\nv := null' }]);
    if (!c3.ok) throw new Error('compile');
    const r = evaluate(c3.policy, 'data.n.v');
    expect(r.ok && r.results.map((x) => x.expressions[0]!.value)).toEqual([null]);
  });
});
