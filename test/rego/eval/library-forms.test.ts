// Forms that OPA accepts and public policy libraries use; each expectation follows OPA's source
// (open-policy-agent/opa v1/ast/parser.go, parser_ext.go, compile.go) as noted.
import { describe, expect, it } from 'vitest';
import { compile, evaluate } from '../../../src/rego/index.ts';
import { failure, value } from './run-rego.ts';

describe('statements OPA reads in any order', () => {
  it('takes an import after rules as the module import (parser.go parseStatements, parseModule)', () => {
    const lib = 'package q\nlimit := 3';
    const main = 'package p\nx := limit + 1\nimport data.q.limit';
    expect(value([lib, main], 'x := data.p.x')).toBe(4);
  });
});

describe('body-less functions in v1', () => {
  it('reads `f(1)` as a function true for 1 beside `f(x) if x > 10` (parser_ext.go ParseRuleFromCallExpr)', () => {
    const mod = 'package p\nf(1)\nf(x) if x > 10\na := f(1)\nb := f(11)\nc := f(5)';
    expect(value(mod, 'x := data.p.a')).toBe(true);
    expect(value(mod, 'x := data.p.b')).toBe(true);
    expect(value(mod, 'x := data.p.c')).toBeUndefined();
  });

  it('still refuses a plain rule with neither value nor body (checkRegoV1Rule)', () => {
    expect(failure('package p\nq', 'x := 1')).toMatch(/^rego_parse_error: rule must have a body or assignment/);
  });
});

describe('comprehension scope', () => {
  it('keeps a comprehension variable apart from a later `some` of the same name (compile.go rewriteLocalVars)', () => {
    const mod = `package p
r contains v if {
  xs := [value | walk([1, [2]], [_, value]); is_number(value)]
  some value in xs
  v := value * 10
}`;
    expect(value(mod, 'x := data.p.r')).toEqual([10, 20]);
  });
});

describe('dynamic refs into packages', () => {
  const x = 'package a.x\ndeny contains "x1" if input.bad\nclash := 1\nclash := 2';
  const y = 'package a.y\ndeny contains "y1" if true\nnot_a_rule_of_interest := 1 / 0';
  const main = 'package a.main\nviolations contains d if {\n  some d in data.a[_].deny\n}';

  it('collects deny from every package below, without a recursion error for the collecting rule (compile.go checkRecursion on refs)', () => {
    expect(value([x, y, main], 'x := data.a.main.violations', { input: { bad: true } })).toEqual(['x1', 'y1']);
    expect(value([x, y, main], 'x := data.a.main.violations', { input: {} })).toEqual(['y1']);
  });

  it('evaluates only the deny rules, not an unrelated conflicting rule in the same packages', () => {
    expect(failure([x, y, main], 'x := data.a.x.clash')).toMatch(/^eval_conflict_error/);
    expect(failure([x, y, main], 'x := data.a.main.violations', { input: {} })).toBeUndefined();
  });

  it('still reports a real cycle through a dynamic ref', () => {
    const self = 'package a.z\ndeny contains d if { some d in data.a[_].deny }';
    expect(failure([self], 'x := 1')).toMatch(/^rego_recursion_error/);
  });

  it('reaches base data beside rules under the same root', () => {
    const r = compile([{ file: 'm.rego', text: main }, { file: 'y.rego', text: y }]);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const out = evaluate(r.policy, 'x := data.a.main.violations', { data: { a: { ext: { deny: ['from data'] } } } });
    expect(out.ok && out.results[0]!.bindings.x).toBeDefined();
    if (out.ok) expect([...(out.results[0]!.bindings.x as unknown as { values(): Iterable<unknown> }).values()]).toEqual(['from data', 'y1']);
  });
});

describe('builtins that reach outside', () => {
  const lib = 'package lib\nfetch(url) := http.send({"method": "GET", "url": url}).body\nok(x) if x > 0';

  it('refuse the policies when they load, by default', () => {
    const c = compile([{ file: 'lib.rego', text: lib }]);
    expect(c.ok).toBe(false);
  });

  it('compile for a test run, and fail clearly only where a call is reached', () => {
    const c = compile([{ file: 'lib.rego', text: lib }], { unavailableAtCall: true });
    if (!c.ok) throw new Error(c.errors[0]!.message);
    const good = evaluate(c.policy, 'x := data.lib.ok(1)');
    expect(good.ok && good.results[0]!.bindings.x).toBe(true);
    const reached = evaluate(c.policy, 'x := data.lib.fetch("https://example.com")');
    expect(reached.ok).toBe(false);
    if (!reached.ok) expect(reached.errors[0]!.message).toMatch(/http.send is not available in routewise/);
  });
});
