import { describe, expect, it } from 'vitest';
import { compile } from '../../src/rego/index.ts';

function errors(...modules: string[]): string[] {
  const c = compile(modules.map((text, i) => ({ file: `m${i}.rego`, text })));
  return c.ok ? [] : c.errors.map((e) => `${e.code}: ${e.message}`);
}

describe('compiler checks', () => {
  it('accepts a well-formed policy', () => {
    expect(errors('package p\nallow if input.user == "admin"')).toEqual([]);
  });

  it('rejects builtin calls whose literal arguments have the wrong type, as OPA\'s type checker does', () => {
    expect(errors('package p\nx := count(1)')).toEqual(['rego_type_error: count: operand 1 must be one of {array, object, set, string} but got number']);
    expect(errors('package p\nx := 1 + "a"')).toEqual(['rego_type_error: plus: operand 2 must be number but got string']);
    expect(errors('package p\nx := upper([1])')).toEqual(['rego_type_error: upper: operand 1 must be string but got array']);
  });

  it('leaves value errors and operand-dependent types to run time', () => {
    expect(errors('package p\nx := to_number("nan")')).toEqual([]);
    expect(errors('package p\nx := {1} - 1')).toEqual([]);
    expect(errors('package p\nx := 1 / 0')).toEqual([]);
    expect(errors('package p\nx := count(input.items)')).toEqual([]);
  });

  it('reports unsafe variables in bodies and heads', () => {
    expect(errors('package p\nq if { x > 1 }')).toContain('rego_unsafe_var_error: var x is unsafe');
    expect(errors('package p\nq contains y if { true }')).toContain('rego_unsafe_var_error: var y is unsafe');
    expect(errors('package p\nq if { not input.a[x] }')).toContain('rego_unsafe_var_error: var x is unsafe');
  });

  it('reorders expressions so variables are bound before use', () => {
    expect(errors('package p\nq if { y == 2; y = x + 1; x = 1 }')).toEqual([]);
  });

  it('rejects re-declaring a variable with :=', () => {
    expect(errors('package p\nq if { x := 1; x := 2 }')).toContain('rego_compile_error: var x assigned above');
    expect(errors('package p\nq if { v = 0; some v in [1] }')).toContain('rego_compile_error: var v referenced above');
  });

  it('reports recursion with the cycle', () => {
    expect(errors('package p\na if b\nb if a')).toContain('rego_recursion_error: rule data.p.a is recursive: data.p.a -> data.p.b -> data.p.a');
    // A ref inside the pattern of `some ... in` depends on its rule like any other.
    expect(errors('package p\nr contains x if { some [x, data.p.r] in [[1, 2]] }')).toContain('rego_recursion_error: rule data.p.r is recursive: data.p.r -> data.p.r');
  });

  it('reports unknown functions and wrong arity as type errors', () => {
    expect(errors('package p\nq := foo(1)')).toContain('rego_type_error: undefined function foo');
    expect(errors('package p\nq := count([1], 2, 3)')).toContain('rego_type_error: count: too many arguments');
    expect(errors('package p\nq := concat(",")')).toContain('rego_type_error: concat: too few arguments');
    expect(errors('package p\nf(x) := x\nq := f(1, 2) + 1')).toContain('rego_type_error: data.p.f: too many arguments');
  });

  it('names builtins that would reach outside the process as unavailable', () => {
    const [e] = errors('package p\nq := http.send({"url": "https://example.com"})');
    expect(e).toMatch(/^rego_type_error: undefined function http\.send: http\.send is not available in routewise: policies cannot reach the network/);
  });

  it('rejects rules that shadow input or data in v1', () => {
    expect(errors('package p\ninput := 1')[0]).toMatch(/^rego_compile_error: rules must not shadow input/);
  });

  it('rejects unifying literals of incompatible shape', () => {
    expect(errors('package p\nq if { [x, y] = [1, 2, 3] }')[0]).toMatch(/^rego_type_error: match error/);
    expect(errors('package p\nq if { {"a": x} = {"b": 1} }')[0]).toMatch(/^rego_type_error: match error/);
    expect(errors('package p\nq if { some [x, y] in [[1, 2, 3]] }')[0]).toMatch(/^rego_type_error: match error/);
    expect(errors('package p\nq if { some [x] in [[1, 2], [3]] }')).toEqual([]);
    expect(errors('package p\nq if { some x in "abc" }')[0]).toMatch(/^rego_type_error: some \.\.\. in: the collection must be/);
  });

  it('reports conflicting rule kinds at one path', () => {
    expect(errors('package p\nq := 1\nq contains 2')).toContain('rego_type_error: conflicting rules data.p.q found');
  });

  it('reports functions of one name with different arities as conflicting', () => {
    expect(errors('package p\nf(x) := x\nf(x, y) := y')).toEqual(['rego_type_error: conflicting rules data.p.f found']);
    expect(errors('package p\nf(x) := 1 if x > 0\nf(x) := 2 if x <= 0')).toEqual([]);
  });

  it('reports parse errors with their code', () => {
    expect(errors('package p\nq := ')[0]).toMatch(/^rego_parse_error/);
  });
});

describe('compiled policy', () => {
  const c = compile([
    {
      file: 'a.rego',
      text: `# METADATA
# title: Hybrid rules
package routewise.rules.hybrid

# METADATA
# title: No regulated data in the cloud
# custom:
#   severity: error
deny contains "x" if input.bad

helper := 1`,
    },
    { file: 'b.rego', text: 'package routewise.lib\nf(x) := x' },
  ]);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));

  it('lists packages and rule names', () => {
    expect(c.policy.packages()).toEqual(['routewise.lib', 'routewise.rules.hybrid']);
    expect(c.policy.ruleNames('routewise.rules.hybrid')).toEqual(['deny', 'helper']);
  });

  it('lists annotations with their paths', () => {
    const a = c.policy.annotations();
    expect(a.map((x) => [x.path, x.kind, x.annotations.title])).toEqual([
      ['data.routewise.rules.hybrid.deny', 'rule', 'No regulated data in the cloud'],
      ['data.routewise.rules.hybrid', 'package', 'Hybrid rules'],
    ]);
  });
});
