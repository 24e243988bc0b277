import { describe, expect, it } from 'vitest';
import { failure, run, value } from './run-rego.ts';

describe('rules', () => {
  it('evaluates a complete rule', () => {
    expect(value('package p\nx := 1', 'x := data.p.x')).toBe(1);
  });

  it('merges packages across files and exposes data.pkg as an object', () => {
    expect(value(['package p\na := 1', 'package p\nb := a + 1'], 'x := data.p')).toEqual({ a: 1, b: 2 });
  });

  it('builds sets from contains rules, empty when no body succeeds', () => {
    const mod = 'package p\ns contains v if { some v in input.xs; v > 1 }\ne contains 1 if false';
    expect(value(mod, 'x := data.p.s', { input: { xs: [1, 2, 3] } })).toEqual([2, 3]);
    expect(value(mod, 'x := data.p.e')).toEqual([]);
  });

  it('builds objects from ref heads and rejects key conflicts', () => {
    const mod = 'package p\nobj[k] := v if { some k, v in input }\na.b[k].c := 1 if { some k in ["x", "y"] }';
    expect(value(mod, 'x := data.p.obj', { input: { m: 1 } })).toEqual({ m: 1 });
    expect(value(mod, 'x := data.p.a')).toEqual({ b: { x: { c: 1 }, y: { c: 1 } } });
    expect(failure('package p\no[k] := v if { some k in ["a"]; some v in [1, 2] }', 'x := data.p.o')).toMatch(
      /^eval_conflict_error: object keys must be unique/,
    );
  });

  it('reports conflicting complete rules', () => {
    expect(failure('package p\nx := 1\nx := 2 if true', 'y := data.p.x')).toMatch(
      /^eval_conflict_error: complete rules must not produce multiple outputs/,
    );
  });

  it('uses default values and else chains', () => {
    const mod = `package p
default allow := false
allow if input.ok
level := "high" if input.n > 10
else := "mid" if input.n > 5
else := "low"`;
    expect(value(mod, 'x := data.p.allow', { input: {} })).toBe(false);
    expect(value(mod, 'x := data.p.allow', { input: { ok: true } })).toBe(true);
    expect(value(mod, 'x := data.p.level', { input: { n: 7 } })).toBe('mid');
    expect(value(mod, 'x := data.p.level', { input: { n: 1 } })).toBe('low');
  });

  it('calls functions with several definitions, patterns and defaults', () => {
    const mod = `package p
f(1) := "one"
f(2) := "two"
default f(_) := "many"
g([a, b]) := a + b
h(x) := 1 if x > 0
h(x) := 2 if x > 1`;
    expect(value(mod, 'x := [data.p.f(1), data.p.f(2), data.p.f(3)]')).toEqual(['one', 'two', 'many']);
    expect(value(mod, 'x := data.p.g([3, 4])')).toBe(7);
    expect(failure(mod, 'x := data.p.h(5)')).toBe('eval_conflict_error: functions must not produce multiple outputs for same inputs');
  });

  it('resolves imports and functions of other packages', () => {
    const lib = 'package lib\ndouble(x) := 2 * x\nlimit := 10';
    const main = 'package main\nimport data.lib\nimport data.lib.limit as max\nr := lib.double(max)';
    expect(value([lib, main], 'x := data.main.r')).toBe(20);
  });

  it('treats undefined as not false: not of undefined is true', () => {
    const mod = 'package p\nmissing if input.nope\nok if not missing';
    expect(value(mod, 'x := data.p.ok', { input: {} })).toBe(true);
    expect(run(mod, 'data.p.missing', { input: {} })).toEqual([]);
  });
});

describe('memoized values', () => {
  it('keeps null as a value when a rule is read twice', () => {
    const mod = 'package p\nn := input.a\nboth := [n, n]\nf(x) := null\ng := [f(1), f(1)]';
    expect(value(mod, 'x := data.p.both', { input: { a: null } })).toEqual([null, null]);
    expect(value(mod, 'x := data.p.g')).toEqual([null, null]);
  });
});
