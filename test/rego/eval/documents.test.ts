import { describe, expect, it } from 'vitest';
import { run, value } from './run-rego.ts';

describe('base and virtual documents', () => {
  const mods = ['package a.b\nr := 1\ns contains "x"', 'package a.c\nf(x) := x\nt := data.a.b.r + 1'];
  const data = { a: { base: [10, 20] }, other: { k: 'v' } };

  it('combines base data and rules under a package prefix, leaving functions out', () => {
    expect(value(mods, 'x := data.a', { data })).toEqual({ base: [10, 20], b: { r: 1, s: ['x'] }, c: { t: 2 } });
  });

  it('enumerates keys of data across packages and base documents', () => {
    const keys = run(mods, 'data.a[k]', { data }).map((r) => r.k);
    expect(keys.sort()).toEqual(['b', 'base', 'c']);
    expect(run(mods, 'data.a.base[i] = 20', { data })).toEqual([{ i: 1 }]);
  });

  it('reads integer keys of base objects as strings', () => {
    expect(value('package p\nv := data.m[2]', 'x := data.p.v', { data: { m: { '2': 'two' } } })).toBe('two');
  });

  it('evaluates only the rules a query needs', () => {
    const mod = 'package p\nok := 1\nbroken := to_number("x")';
    expect(value(mod, 'x := data.p.ok', { strictBuiltinErrors: true })).toBe(1);
  });

  it('builds nested objects from multi-part ref heads', () => {
    const mod = 'package p\nlimits[team].max := n if { some team, n in input.caps }\nlimits.default.max := 1';
    expect(value(mod, 'x := data.p.limits', { input: { caps: { ml: 5 } } })).toEqual({ ml: { max: 5 }, default: { max: 1 } });
  });

  it('applies else chains to functions', () => {
    const mod = 'package p\nsize(n) := "big" if n > 100\nelse := "small"';
    expect(value(mod, 'x := [data.p.size(500), data.p.size(5)]')).toEqual(['big', 'small']);
  });

  it('scopes with to one expression, also under negation', () => {
    const mod = 'package p\nadmin if input.role == "admin"\nguarded if { not admin with input as {"role": "dev"}; admin }';
    expect(value(mod, 'x := data.p.guarded', { input: { role: 'admin' } })).toBe(true);
  });
});
