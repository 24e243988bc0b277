// rego.parse_module returns OPA's AST document (the shape `opa parse --format json` prints, read
// from OPA's v1/ast marshalling: terms {type, value}, expressions {index, terms}, operators as refs
// to their internal names, function heads with args, no locations).
import { describe, expect, it } from 'vitest';
import { BuiltinFailure } from '../../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../../src/rego/builtins/rego-ast/parse-module.ts';
import { toJS } from '../../../../src/rego/value.ts';
import { caller } from '../call-builtin.ts';

const call = caller(builtins);
const parse = (text: string) => toJS(call('rego.parse_module', 'p.rego', text)!);
const v = (value: string) => ({ type: 'var', value });
const s = (value: string) => ({ type: 'string', value });
const ref = (...value: unknown[]) => ({ type: 'ref', value });
const op = (name: string) => ref(v(name));
const TRUE_BODY = [{ index: 0, terms: { type: 'boolean', value: true } }];

describe('rego.parse_module', () => {
  it('gives package, imports and rules in OPA shape', () => {
    const ast = parse('package p\nimport data.q\nx := 1\ndeny contains msg if {\n  not input.ok\n  msg := "no"\n}\nf(a) := a + 1');
    expect(ast).toEqual({
      package: { path: [v('data'), s('p')] },
      imports: [{ path: ref(v('data'), s('q')) }],
      rules: [
        { body: TRUE_BODY, head: { name: 'x', value: { type: 'number', value: 1 }, assign: true, ref: [v('x')] } },
        {
          body: [
            { index: 0, negated: true, terms: ref(v('input'), s('ok')) },
            { index: 1, terms: [op('assign'), v('msg'), s('no')] },
          ],
          head: { name: 'deny', key: v('msg'), ref: [v('deny')] },
        },
        {
          body: TRUE_BODY,
          head: { name: 'f', args: [v('a')], value: { type: 'call', value: [op('plus'), v('a'), { type: 'number', value: 1 }] }, assign: true, ref: [v('f')] },
        },
      ],
    });
  });

  it('writes some, every, with, comprehensions and calls as OPA does', () => {
    const ast = parse('package p\nr if {\n  some x in input.xs\n  every y in [1] { y > 0 }\n  count([z | z := 1]) == 1 with input as {}\n}') as {
      rules: { body: unknown[] }[];
    };
    const [some, every, cmp] = ast.rules[0]!.body as { terms: unknown; with?: unknown }[];
    expect(some!.terms).toEqual({ symbols: [{ type: 'call', value: [ref(v('internal'), s('member_2')), v('x'), ref(v('input'), s('xs'))] }] });
    expect(every!.terms).toMatchObject({ key: null, value: v('y'), domain: { type: 'array', value: [{ type: 'number', value: 1 }] } });
    expect((cmp!.terms as unknown[])[0]).toEqual(op('equal'));
    expect((cmp!.terms as { type: string }[])[1]!.type).toBe('call');
    expect(cmp!.with).toEqual([{ target: v('input'), value: { type: 'object', value: [] } }]);
  });

  it('fails with the parse error', () => {
    expect(() => call('rego.parse_module', 'bad.rego', 'package')).toThrow(BuiltinFailure);
    expect(() => call('rego.parse_module', 'bad.rego', 'package')).toThrow(/bad.rego:1:.*rego_parse_error/);
  });
});
