// Expected values follow OPA's compiler (open-policy-agent/opa, v1/ast/compile.go): the stage
// RewriteExprTerms (expandExpr/expandExprTerm) moves nested calls into expressions of their own
// before the expression that used them; RewriteEquals turns `==` into `=` in module rules; and
// RewriteDynamicTerms (rewriteDynamics: rewriteDynamicsCallExpr/EqExpr/TermExpr, rewriteDynamicsOne)
// binds each ref given to a call, and each ref used as a key, to a variable in an expression of
// its own. Those new expressions are not negated, so an undefined value fails the body (OPA issue
// 7558). OPA 1.17's `import future.keywords.not` keeps them inside the negation instead.
import { describe, expect, it } from 'vitest';
import { compile, evaluate } from '../../../src/rego/index.ts';
import { run, value } from './run-rego.ts';

const ISSUE_PROGRAM = `package p
f(x) if x == 1
obj := {"a": true}
r contains "01" if not f(input.x)
r contains "02" if not startswith(input.x, "a")
r contains "03" if not "a" in input.roles
r contains "04" if not input.x != "a"
r contains "05" if not input.x == "a"
r contains "06" if not input.x
r contains "07" if not obj[input.k]
r contains "08" if not f(2).foo
r contains "09" if not count(input.xs) > 0
r contains "10" if not input.a.b.c
`;

const sorted = (x: unknown): unknown => (Array.isArray(x) ? [...x].sort() : x);

describe('not with undefined arguments, as OPA compiles it', () => {
  it('fails the body when a hoisted argument or call result is undefined', () => {
    // 01-04, 07: refs as call arguments or keys are hoisted (rewriteDynamicsOne);
    // 08, 09: nested calls are hoisted (expandExprTerm); 05: `==` became `=`, whose sides keep
    // a plain ref (rewriteDynamicsInTerm); 06, 10: a plain ref as the whole expression stays.
    expect(sorted(value(ISSUE_PROGRAM, 'x := data.p.r', { input: {} }))).toEqual(['05', '06', '10']);
  });

  it('keeps the negation as it was when the values are defined', () => {
    // 04: "b" != "a" holds; 06: input.x is defined; 08: f(2) stays undefined.
    const input = { x: 'b', roles: ['b'], k: 'z', xs: [], a: {} };
    expect(sorted(value(ISSUE_PROGRAM, 'x := data.p.r', { input }))).toEqual(['01', '02', '03', '05', '07', '09', '10']);
  });

  it('leaves a function that calls object.get on null undefined (nested call hoisted before ==)', () => {
    const mod = `package p
has_field(o, k) if not object.get(o, k, "N") == "N"
a := has_field(null, "x")
b := has_field({"x": 1}, "x")
c := has_field({}, "x")`;
    expect(value(mod, 'x := data.p.a')).toBeUndefined();
    expect(value(mod, 'x := data.p.b')).toBe(true);
    expect(value(mod, 'x := data.p.c')).toBeUndefined();
  });

  it('leaves allow undefined for `not blocked(input.user)` when there is no user', () => {
    const mod = `package p
blocked(name) if startswith(name, "blocked-")
allow if not blocked(input.user)`;
    expect(value(mod, 'x := data.p.allow', { input: {} })).toBeUndefined();
    expect(value(mod, 'x := data.p.allow', { input: { user: 'ann' } })).toBe(true);
    expect(value(mod, 'x := data.p.allow', { input: { user: 'blocked-bob' } })).toBeUndefined();
  });

  it('hoists refs on local variables too, and refs inside composite arguments', () => {
    const mod = `package p
a if { o := {}; not startswith(o.name, "x") }
b if { not internal.member_2(1, [input.missing]) }
c if { o := {}; not o.name }`;
    expect(value(mod, 'x := data.p.a')).toBeUndefined();
    expect(value(mod, 'x := data.p.b', { input: {} })).toBeUndefined();
    expect(value(mod, 'x := data.p.c')).toBe(true);
  });

  it('hoists inside comprehension and every bodies', () => {
    const mod = `package p
names := [n | some u in input.users; not startswith(u.name, "x"); n := u.id]
all if every u in input.users { not startswith(u.name, "x") }`;
    const input = { users: [{ id: 1, name: 'a' }, { id: 2 }, { id: 3, name: 'xa' }] };
    expect(value(mod, 'x := data.p.names', { input })).toEqual([1]);
    expect(value(mod, 'x := data.p.all', { input })).toBeUndefined();
    expect(value(mod, 'x := data.p.all', { input: { users: [{ name: 'a' }] } })).toBe(true);
  });

  it('applies the with modifiers of the negated expression to the hoisted values', () => {
    const mod = `package p
blocked(name) if name == "bob"
allow if not blocked(input.user) with input as {"user": "ann"}`;
    expect(value(mod, 'x := data.p.allow', { input: {} })).toBe(true);
  });

  it('hoists the operands of == in an ad-hoc query, where == stays a call', () => {
    // The query compiler has no RewriteEquals stage, so `==` is a call whose refs are hoisted.
    expect(run('package p', 'not input.x == "a"', { input: {} })).toEqual([]);
    expect(run('package p', 'not input.x = "a"', { input: {} })).toEqual([{}]);
    expect(run('package p', 'not input.x == "a"', { input: { x: 'b' } })).toEqual([{}]);
  });
});

describe('import future.keywords.not', () => {
  it('keeps every part of a negated expression inside the negation', () => {
    const program = ISSUE_PROGRAM.replace('package p\n', 'package p\nimport future.keywords.not\n');
    expect(sorted(value(program, 'x := data.p.r', { input: {} }))).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
  });

  it('applies per module: a module without the import keeps OPA default semantics', () => {
    const withImport = 'package a\nimport future.keywords.not\nallow if not startswith(input.user, "x")';
    const without = 'package b\nallow if not startswith(input.user, "x")';
    expect(value([withImport, without], 'x := data.a.allow', { input: {} })).toBe(true);
    expect(value([withImport, without], 'x := data.b.allow', { input: {} })).toBeUndefined();
  });

  it('is read in v0 modules as well', () => {
    const allow = (text: string): unknown => {
      const c = compile([{ file: 'a.rego', text }], { regoVersion: 'v0' });
      if (!c.ok) throw new Error(c.errors[0]!.message);
      const r = evaluate(c.policy, 'x := data.p.allow', { input: {} });
      return r.ok ? r.results[0]?.bindings.x : r.errors;
    };
    expect(allow('package p\nimport future.keywords.not\nallow { not startswith(input.user, "x") }')).toBe(true);
    expect(allow('package p\nallow { not startswith(input.user, "x") }')).toBeUndefined();
  });
});
