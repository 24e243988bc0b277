import { describe, expect, it } from 'vitest';
import { failure, run, value } from './run-rego.ts';

describe('bodies', () => {
  it('unifies patterns on both sides', () => {
    expect(run('package p', '[x, 2] = [1, y]; {"a": w} = {"a": x}')).toEqual([{ x: 1, y: 2, w: 1 }]);
  });

  it('enumerates refs with variables, over input and over partial rules', () => {
    const mod = 'package p\ns contains n if { some n in [1, 2] }';
    expect(run(mod, 'input.xs[i] = v', { input: { xs: ['a', 'b'] } })).toEqual([
      { i: 0, v: 'a' },
      { i: 1, v: 'b' },
    ]);
    expect(run(mod, 'data.p.s[x]')).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('makes each _ a fresh variable', () => {
    expect(run('package p', 'x := [1, 2][_]; y := [3][_]')).toEqual([
      { x: 1, y: 3 },
      { x: 2, y: 3 },
    ]);
  });

  it('iterates with some ... in over arrays, objects and sets', () => {
    expect(run('package p', 'some k, v in {"a": 1}')).toEqual([{ k: 'a', v: 1 }]);
    expect(run('package p', 'some i, v in ["x"]')).toEqual([{ i: 0, v: 'x' }]);
    expect(run('package p', 'some v in {3}')).toEqual([{ v: 3 }]);
  });

  it('checks every, true on an empty domain', () => {
    const mod = 'package p\nall_pos if every x in input.xs { x > 0 }';
    expect(value(mod, 'x := data.p.all_pos', { input: { xs: [1, 2] } })).toBe(true);
    expect(run(mod, 'data.p.all_pos', { input: { xs: [1, -2] } })).toEqual([]);
    expect(value(mod, 'x := data.p.all_pos', { input: { xs: [] } })).toBe(true);
  });

  it('lets comprehensions see outer bindings but keeps their own local', () => {
    const mod = 'package p\nr := [y | some y in input.xs; y > m] if { m := 1 }\nn := count({k | some k, _ in input.o})';
    expect(value(mod, 'x := data.p.r', { input: { xs: [1, 2, 3] } })).toEqual([2, 3]);
    expect(value(mod, 'x := data.p.n', { input: { o: { a: 1, b: 2 } } })).toBe(2);
  });

  it('reports object comprehension key conflicts', () => {
    expect(failure('package p', 'x := {k: v | some v in [1, 2]; k := "a"}')).toBe('eval_conflict_error: object keys must be unique');
  });

  it('returns expression values and query text', () => {
    expect(run('package p', 'x := 1; x + 1 == 2')).toEqual([{ x: 1 }]);
  });
});

describe('print', () => {
  it('prints operands, undefined ones as <undefined>, and never fails', () => {
    const lines: string[] = [];
    const rows = run('package p', 'print("value:", input.missing, {"a": 1}); x := 1', { print: (l) => lines.push(l) });
    expect(rows).toEqual([{ x: 1 }]);
    expect(lines).toEqual(['value: <undefined> {"a": 1}']);
  });
});
