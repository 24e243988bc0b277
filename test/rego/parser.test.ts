import { describe, expect, it } from 'vitest';
import type { Expr, Module, Rule, Term } from '../../src/rego/ast.ts';
import { RegoError } from '../../src/rego/errors.ts';
import { parseModule, parseQuery, parseRegoNumber, parseTerm } from '../../src/rego/parser.ts';

/** Drops locations so shapes can be compared; locations get their own tests. */
function shape(x: unknown): unknown {
  if (x === undefined) return undefined;
  return JSON.parse(JSON.stringify(x, (k, v) => (k === 'loc' ? undefined : typeof v === 'bigint' ? `${v}n` : v)));
}

const v = (name: string) => ({ type: 'var', name });
const s = (value: unknown) => ({ type: 'scalar', value });
const ref = (head: string, ...path: unknown[]) => ({ type: 'ref', head: v(head), path });
const call = (fn: string, ...args: unknown[]) => ({ type: 'call', fn: v(fn), args });
const member = (n: 2 | 3, ...args: unknown[]) => ({ type: 'call', fn: ref('internal', s(`member_${n}`)), args });
const term = (t: unknown) => ({ kind: { type: 'term', term: t }, negated: false, with: [] });

function mod(body: string, regoVersion: 'v0' | 'v1' = 'v1'): Module {
  return parseModule('t.rego', `package t\n${body}`, { regoVersion });
}
function rule(body: string, regoVersion: 'v0' | 'v1' = 'v1'): Rule {
  return mod(body, regoVersion).rules[0]!;
}
function expr(q: string): Expr {
  return parseQuery(q).body[0]!;
}
function exprTerm(q: string): Term {
  const e = expr(q);
  if (e.kind.type !== 'term') throw new Error(`not a term expression: ${q}`);
  return e.kind.term;
}
function parseError(run: () => unknown): RegoError {
  try {
    run();
  } catch (e) {
    if (e instanceof RegoError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}
function moduleError(body: string, regoVersion: 'v0' | 'v1' = 'v1'): RegoError {
  return parseError(() => mod(body, regoVersion));
}

describe('parser: queries and terms', () => {
  it('parses a query of expressions separated by newlines or semicolons', () => {
    const q = parseQuery('x := 1; y = x + 1\nz == 2');
    expect(shape(q.body)).toEqual([
      { kind: { type: 'assign', left: v('x'), right: s(1) }, negated: false, with: [] },
      { kind: { type: 'unify', left: v('y'), right: call('plus', v('x'), s(1)) }, negated: false, with: [] },
      term(call('equal', v('z'), s(2))),
    ]);
    expect(q.loc).toEqual({ file: '', row: 1, col: 1 });
  });

  it('parses a single term, nested sets inside objects included', () => {
    expect(shape(parseTerm('{"foo": {{1}}}'))).toEqual({
      type: 'object',
      items: [[s('foo'), { type: 'set', items: [{ type: 'set', items: [s(1)] }] }]],
    });
    expect(shape(parseTerm('set()'))).toEqual({ type: 'set', items: [] });
  });

  it('parses number literals exactly', () => {
    expect(parseRegoNumber('42')).toBe(42);
    expect(parseRegoNumber('-1.5e3')).toBe(-1500);
    expect(parseRegoNumber('123456789012345678901234567890')).toBe(123456789012345678901234567890n);
    expect(() => parseRegoNumber('abc')).toThrow(RegoError);
  });

  it('parses a v1 module with rules of every kind', () => {
    const m = mod('import rego.v1\nallow if input.x == 1\np contains x if some x in input.xs\nf(x) := x + 1\ndefault allow := false');
    expect(m.rules.map((r) => r.head.ref[0].name)).toEqual(['allow', 'p', 'f', 'allow']);
    expect(m.regoVersion).toBe('v1');
  });

  it('reports a missing closing brace at the end of the file', () => {
    const e = moduleError('p if {\n  x := 1\n');
    expect(e.code).toBe('rego_parse_error');
    expect(e.message).toMatch(/unexpected end of file/);
  });

  it('uses member calls for `in`', () => {
    expect(shape(exprTerm('k, v in xs'))).toEqual(member(3, v('k'), v('v'), v('xs')));
    expect(shape(exprTerm('x in xs'))).toEqual(member(2, v('x'), v('xs')));
  });
});

describe('parser: operators', () => {
  it('binds * / % tighter than + -, tighter than &, tighter than |, tighter than comparisons', () => {
    expect(shape(exprTerm('a + b * c'))).toEqual(call('plus', v('a'), call('mul', v('b'), v('c'))));
    expect(shape(exprTerm('a - b - c'))).toEqual(call('minus', call('minus', v('a'), v('b')), v('c')));
    expect(shape(exprTerm('a | b & c'))).toEqual(call('or', v('a'), call('and', v('b'), v('c'))));
    expect(shape(exprTerm('a & b + c'))).toEqual(call('and', v('a'), call('plus', v('b'), v('c'))));
    expect(shape(exprTerm('x == a | b'))).toEqual(call('equal', v('x'), call('or', v('a'), v('b'))));
    expect(shape(exprTerm('a % 2 != 0'))).toEqual(call('neq', call('rem', v('a'), s(2)), s(0)));
    expect(shape(exprTerm('a / b <= c'))).toEqual(call('lte', call('div', v('a'), v('b')), v('c')));
  });

  it('names every comparison as OPA does', () => {
    const names = ['==', '!=', '<', '<=', '>', '>='].map((op) => (exprTerm(`a ${op} b`) as { fn: { name: string } }).fn.name);
    expect(names).toEqual(['equal', 'neq', 'lt', 'lte', 'gt', 'gte']);
  });

  it('binds `in` looser than comparisons and arithmetic', () => {
    expect(shape(exprTerm('x + 1 in xs'))).toEqual(member(2, call('plus', v('x'), s(1)), v('xs')));
    expect(shape(exprTerm('x in xs == true'))).toEqual(member(2, v('x'), call('equal', v('xs'), s(true))));
  });

  it('lets parentheses override precedence', () => {
    expect(shape(exprTerm('(a + b) * c'))).toEqual(call('mul', call('plus', v('a'), v('b')), v('c')));
  });

  it('reads a minus before a number as a negative literal and between terms as subtraction', () => {
    expect(shape(exprTerm('[-1, - 2.5, x -1, x - -1]'))).toEqual({
      type: 'array',
      items: [s(-1), s(-2.5), call('minus', v('x'), s(1)), call('minus', v('x'), s(-1))],
    });
  });

  it('rejects unary minus on anything but a number literal, at the operand', () => {
    const e = parseError(() => parseQuery('x := -y'));
    expect(e.message).toBe('unary - can only be used with numeric literals');
    expect(e.location).toEqual({ file: '', row: 1, col: 7 });
  });

  it('parses := and = with patterns on either side', () => {
    expect(shape(expr('[a, {"k": b}] := f(x)').kind)).toEqual({
      type: 'assign',
      left: { type: 'array', items: [v('a'), { type: 'object', items: [[s('k'), v('b')]] }] },
      right: call('f', v('x')),
    });
    expect(() => parseQuery('a = b = c')).toThrow(RegoError);
  });
});

describe('parser: terms', () => {
  it('parses scalars: strings with escapes, raw strings, numbers, booleans, null', () => {
    expect(shape(exprTerm('["a\\u00e9", `raw\\n`, 1.5e2, true, false, null]'))).toEqual({
      type: 'array',
      items: [s('aé'), s('raw\\n'), s(150), s(true), s(false), s(null)],
    });
  });

  it('reads a fraction without its leading zero as a number', () => {
    expect(shape(parseTerm('[.5, -.25, .5e1]'))).toEqual({ type: 'array', items: [s(0.5), s(-0.25), s(5)] });
  });

  it('keeps integers beyond 2^53 exact', () => {
    expect((parseTerm('9007199254740993') as { value: unknown }).value).toBe(9007199254740993n);
    expect((parseTerm('-9007199254740993') as { value: unknown }).value).toBe(-9007199254740993n);
    expect((parseTerm('9007199254740991') as { value: unknown }).value).toBe(9007199254740991);
  });

  it('parses refs with dots, brackets and wildcards', () => {
    expect(shape(parseTerm('input.a[i].b["c"]'))).toEqual(ref('input', s('a'), v('i'), s('b'), s('c')));
    expect(shape(parseTerm('data.x[_]'))).toEqual(ref('data', s('x'), v('_')));
    expect(shape(parseTerm('input.if.else'))).toEqual(ref('input', s('if'), s('else')));
  });

  it('parses bare input and data as variables', () => {
    expect(shape(parseTerm('input'))).toEqual(v('input'));
  });

  it('parses calls with dotted names and refs into their results', () => {
    expect(shape(parseTerm('strings.replace_n(a, b)'))).toEqual({
      type: 'call',
      fn: ref('strings', s('replace_n')),
      args: [v('a'), v('b')],
    });
    expect(shape(parseTerm('data.lib.f(x)'))).toEqual({ type: 'call', fn: ref('data', s('lib'), s('f')), args: [v('x')] });
    expect(shape(parseTerm('f(x)[0]'))).toEqual({ type: 'ref', head: call('f', v('x')), path: [s(0)] });
    expect(shape(parseTerm('f(x).y'))).toEqual({ type: 'ref', head: call('f', v('x')), path: [s('y')] });
    expect(shape(parseTerm('count([])'))).toEqual(call('count', { type: 'array', items: [] }));
  });

  it('does not join a ref or call across a space', () => {
    expect(() => parseTerm('f (x)')).toThrow(RegoError);
    expect(() => parseTerm('x [0]')).toThrow(RegoError);
    expect(parseError(() => parseTerm('x. y')).message).toBe('invalid whitespace between . and identifier');
  });

  it('parses arrays, objects with any keys, sets, and the empty set', () => {
    expect(shape(parseTerm('[1, [2], ]'))).toEqual({ type: 'array', items: [s(1), { type: 'array', items: [s(2)] }] });
    expect(shape(parseTerm('{[1]: 2, x: y, "a" + "b": 3}'))).toEqual({
      type: 'object',
      items: [
        [{ type: 'array', items: [s(1)] }, s(2)],
        [v('x'), v('y')],
        [call('plus', s('a'), s('b')), s(3)],
      ],
    });
    expect(shape(parseTerm('{1, x + 1}'))).toEqual({ type: 'set', items: [s(1), call('plus', v('x'), s(1))] });
    expect(shape(parseTerm('{}'))).toEqual({ type: 'object', items: [] });
    expect(shape(parseTerm('set()'))).toEqual({ type: 'set', items: [] });
  });

  it('parses array, set and object comprehensions', () => {
    expect(shape(parseTerm('[x | x := xs[_]]'))).toEqual({
      type: 'arraycompr',
      term: v('x'),
      body: [{ kind: { type: 'assign', left: v('x'), right: ref('xs', v('_')) }, negated: false, with: [] }],
    });
    expect(shape(parseTerm('{x | some x in xs; x > 1}'))).toMatchObject({ type: 'setcompr', term: v('x') });
    expect((parseTerm('{x | some x in xs; x > 1}') as { body: unknown[] }).body).toHaveLength(2);
    expect(shape(parseTerm('{k: v | some k, v in o}'))).toEqual({
      type: 'objectcompr',
      key: v('k'),
      value: v('v'),
      body: [{ kind: { type: 'somein', key: v('k'), value: v('v'), collection: v('o') }, negated: false, with: [] }],
    });
  });

  it('reads `|` as or when what follows is not a comprehension body', () => {
    expect(shape(parseTerm('[x | y, 5]'))).toEqual({ type: 'array', items: [call('or', v('x'), v('y')), s(5)] });
    expect(shape(parseTerm('[, x | y]'))).toEqual({ type: 'array', items: [call('or', v('x'), v('y'))] });
  });

  it('indexes composite literals and comprehensions', () => {
    expect(shape(parseTerm('[1, 2][0]'))).toEqual({ type: 'ref', head: { type: 'array', items: [s(1), s(2)] }, path: [s(0)] });
    expect(() => parseTerm('"abc"[0]')).toThrow(/cannot be indexed/);
  });

  it('records the location of each term at its first character', () => {
    const t = parseTerm('[\n  a.b,\n  f(1)\n]', 'x.rego') as { loc: unknown; items: { loc: unknown; path?: { loc: unknown }[] }[] };
    expect(t.loc).toEqual({ file: 'x.rego', row: 1, col: 1 });
    expect(t.items[0]!.loc).toEqual({ file: 'x.rego', row: 2, col: 3 });
    expect(t.items[0]!.path![0]!.loc).toEqual({ file: 'x.rego', row: 2, col: 5 });
    expect(t.items[1]!.loc).toEqual({ file: 'x.rego', row: 3, col: 3 });
  });
});

describe('parser: expressions', () => {
  it('parses not, with several modifiers, and locates each', () => {
    const e = parseQuery('  not allow with input as {"a": 1} with data.x.f as g', 'q').body[0]!;
    expect(e.negated).toBe(true);
    expect(e.loc).toEqual({ file: 'q', row: 1, col: 3 });
    expect(shape(e.with)).toEqual([
      { target: v('input'), value: { type: 'object', items: [[s('a'), s(1)]] } },
      { target: ref('data', s('x'), s('f')), value: v('g') },
    ]);
    expect(e.with[1]!.loc).toEqual({ file: 'q', row: 1, col: 36 });
  });

  it('parses some declarations with and without in', () => {
    expect(shape(expr('some x, y').kind)).toEqual({ type: 'some', vars: [v('x'), v('y')] });
    expect(shape(expr('some x in xs').kind)).toEqual({ type: 'somein', value: v('x'), collection: v('xs') });
    expect(shape(expr('some [a, b] in pairs').kind)).toEqual({
      type: 'somein',
      value: { type: 'array', items: [v('a'), v('b')] },
      collection: v('pairs'),
    });
    expect(shape(expr('some k, v in input.o').kind)).toEqual({
      type: 'somein',
      key: v('k'),
      value: v('v'),
      collection: ref('input', s('o')),
    });
    expect(() => parseQuery('some 1')).toThrow(/expected a variable/);
    expect(() => parseQuery('not some x')).toThrow(/negation of `some`/);
  });

  it('parses every with and without a key', () => {
    expect(shape(expr('every x in xs { x > 0 }').kind)).toEqual({
      type: 'every',
      value: v('x'),
      domain: v('xs'),
      body: [term(call('gt', v('x'), s(0)))],
    });
    expect(shape(expr('every k, v in o {\n k != v\n}').kind)).toMatchObject({ type: 'every', key: v('k'), value: v('v') });
    expect(() => parseQuery('every x in xs')).toThrow(/`\{`/);
    expect(() => parseQuery('every [x] in xs { true }')).toThrow(/value to be a variable/);
  });

  it('treats `contains` outside rule heads as the builtin name', () => {
    expect(shape(exprTerm('contains("abc", "b")'))).toEqual(call('contains', s('abc'), s('b')));
  });

  it('requires a separator between expressions on one line', () => {
    const e = parseError(() => parseQuery('x := 1 y := 2'));
    expect(e.message).toBe('expected `;` or a new line but found `y`');
    expect(e.location).toEqual({ file: '', row: 1, col: 8 });
  });

  it('rejects keywords used as variables in v1', () => {
    // `contains` is missing on purpose: outside rule heads it names the builtin.
    for (const kw of ['if', 'in', 'every', 'some', 'not', 'with', 'as', 'default', 'else', 'import', 'package']) {
      expect(() => parseQuery(`${kw} := 1`), kw).toThrow(RegoError);
    }
  });

  it('lets v0 queries use future keywords as names', () => {
    expect(shape(parseQuery('if := 1; every = in', '', { regoVersion: 'v0' }).body.map((e) => e.kind.type))).toEqual([
      'assign',
      'unify',
    ]);
  });

  it('reports an empty query and an empty body', () => {
    expect(parseError(() => parseQuery('  ')).message).toBe('empty query');
    const e = moduleError('p { }', 'v0');
    expect(e.message).toBe('found empty body');
    expect(e.location).toEqual({ file: 't.rego', row: 2, col: 5 });
    expect(parseError(() => parseTerm('[x | ]')).message).toBe('found empty body');
  });
});

describe('parser: modules', () => {
  it('parses package paths with dots and string brackets', () => {
    const m = parseModule('t.rego', 'package a.b["c"]\n');
    expect(m.package.path).toEqual(['a', 'b', 'c']);
    expect(m.package.loc).toEqual({ file: 't.rego', row: 1, col: 1 });
    expect(m.rules).toEqual([]);
  });

  it('allows a rule value to start on the next line and statements to end with `;`', () => {
    const m = mod('import data.a; import data.b\np :=\n  {"a": 1}; q := 2');
    expect(m.imports).toHaveLength(2);
    expect(shape(m.rules.map((r) => r.head.value))).toEqual([{ type: 'object', items: [[s('a'), s(1)]] }, s(2)]);
  });

  it('parses imports with aliases', () => {
    const m = mod('import data.x.y\nimport data.x as z\nimport input.foo\nimport rego.v1\nimport input');
    expect(shape(m.imports)).toEqual([
      { path: ref('data', s('x'), s('y')) },
      { path: ref('data', s('x')), alias: 'z' },
      { path: ref('input', s('foo')) },
      { path: ref('rego', s('v1')) },
      { path: v('input') },
    ]);
    expect(m.imports[1]!.loc).toEqual({ file: 't.rego', row: 3, col: 1 });
  });

  it('rejects bad imports', () => {
    expect(moduleError('import foo.bar').message).toMatch(/must begin with one of/);
    expect(moduleError('import future.keywords.nope').message).toMatch(/unexpected keyword/);
  });

  it('reads imports after rules as imports of the module, as OPA does (statements in any order)', () => {
    const m = mod('p := 1\nimport data.x\nq := 2');
    expect(m.imports.map((i) => i.loc.row)).toEqual([3]);
    expect(m.rules.map((r) => r.head.ref[0].name)).toEqual(['p', 'q']);
  });

  it('requires the package first', () => {
    const e = parseError(() => parseModule('t.rego', '\n\np := 1'));
    expect(e.message).toBe('expected `package` but found `p`');
    expect(e.location).toEqual({ file: 't.rego', row: 3, col: 1 });
  });

  it('parses complete rules with := and =, with and without bodies', () => {
    expect(shape(rule('p := 1').head)).toEqual({ ref: [v('p')], assign: true, multiValue: false, value: s(1) });
    expect(shape(rule('p = 1').head)).toEqual({ ref: [v('p')], assign: false, multiValue: false, value: s(1) });
    const r = rule('p := x if {\n  x := 2\n}');
    expect(shape(r.head.value)).toEqual(v('x'));
    expect(r.body).toHaveLength(1);
    expect(shape(rule('p if input.x').head)).toEqual({ ref: [v('p')], assign: false, multiValue: false });
  });

  it('gives a body-less rule the body `true` at the rule', () => {
    const r = rule('\n  p := 1');
    expect(r.loc).toEqual({ file: 't.rego', row: 3, col: 3 });
    expect(r.body).toEqual([
      { kind: { type: 'term', term: { type: 'scalar', value: true, loc: r.loc } }, negated: false, with: [], loc: r.loc },
    ]);
  });

  it('parses rule bodies written as a block, as `if { }` and as `if expr`', () => {
    expect(shape(rule('p if {}').body)).toEqual([term({ type: 'object', items: [] })]);
    expect(shape(rule('p if { x; y }').body)).toEqual([term(v('x')), term(v('y'))]);
    expect(shape(rule('p if x').body)).toEqual([term(v('x'))]);
    expect(shape(rule('p if not x').body)).toEqual([{ ...term(v('x')), negated: true }]);
    expect(shape(rule('p if {"a": x}').body)).toEqual([term({ type: 'object', items: [[s('a'), v('x')]] })]);
    expect(shape(rule('p { x }', 'v0').body)).toEqual([term(v('x'))]);
    // As in OPA, `{ 1 | 1 }` after `if` is a set comprehension, which is always true.
    expect(shape(rule('p if { 1 | 1 }').body)).toEqual([term({ type: 'setcompr', term: s(1), body: [term(s(1))] })]);
    expect(shape(rule('p if { a | b; c }').body)).toEqual([term({ type: 'setcompr', term: v('a'), body: [term(v('b')), term(v('c'))] })]);
  });

  it('parses multi-value rules with contains', () => {
    const r = rule('deny contains msg if {\n  msg := "no"\n}');
    expect(shape(r.head)).toEqual({ ref: [v('deny')], key: v('msg'), assign: false, multiValue: true });
    expect(shape(rule('a.b.c contains 1').head)).toEqual({
      ref: [v('a'), s('b'), s('c')],
      key: s(1),
      assign: false,
      multiValue: true,
    });
  });

  it('parses v1 `p[x] if` as a single-value rule keyed by x', () => {
    expect(shape(rule('p[x] if x := 1').head)).toEqual({ ref: [v('p'), v('x')], assign: false, multiValue: false });
  });

  it('parses general ref heads', () => {
    expect(shape(rule('p[x] := y if { x := 1; y := 2 }').head)).toEqual({
      ref: [v('p'), v('x')],
      assign: true,
      multiValue: false,
      value: v('y'),
    });
    expect(shape(rule('a.b.c[x] := 1 if x := "k"').head.ref)).toEqual([v('a'), s('b'), s('c'), v('x')]);
    expect(shape(rule('a.b.c := 1').head.ref)).toEqual([v('a'), s('b'), s('c')]);
  });

  it('parses functions in all their forms', () => {
    expect(shape(rule('f(x, y) := z if z := x + y').head)).toEqual({
      ref: [v('f')],
      args: [v('x'), v('y')],
      assign: true,
      multiValue: false,
      value: v('z'),
    });
    expect(shape(rule('f(x) if x > 1').head)).toEqual({ ref: [v('f')], args: [v('x')], assign: false, multiValue: false });
    expect(shape(rule('f([a, _]) = a').head.args)).toEqual([{ type: 'array', items: [v('a'), v('_')] }]);
    expect(shape(rule('lib.f(x) := 1').head.ref)).toEqual([v('lib'), s('f')]);
  });

  it('parses default rules and default functions', () => {
    const r = rule('default allow := false');
    expect(r.isDefault).toBe(true);
    expect(shape(r.head)).toEqual({ ref: [v('allow')], assign: true, multiValue: false, value: s(false) });
    expect(r.body).toHaveLength(1);
    expect(shape(rule('default f(_) := 1').head.args)).toEqual([v('_')]);
    expect(rule('default p = {"a": [1]}', 'v0').head.assign).toBe(false);
    expect(rule('default p := [x | x := 1]').isDefault).toBe(true);
  });

  it('rejects default rules whose value is not constant, at the rule', () => {
    const e = moduleError('\ndefault p := x');
    expect(e.message).toBe('illegal default rule: invalid `var` in default value');
    expect(e.location).toEqual({ file: 't.rego', row: 3, col: 1 });
    expect(moduleError('default p := count(x)').message).toMatch(/`call`/);
    expect(moduleError('default p').message).toMatch(/must have a value/);
    expect(moduleError('default f(1) := 1').message).toMatch(/arguments must be variables/);
  });

  it('parses else chains with values, bare else and block bodies', () => {
    const r = rule('p := 1 if a\nelse := 2 if { b }\nelse = x if c\nelse if d\nelse := 4');
    const chain: unknown[] = [];
    for (let e: Rule | undefined = r.else; e; e = e.else) chain.push([shape(e.head.value), e.head.assign, e.body.length]);
    expect(chain).toEqual([
      [s(2), true, 1],
      [v('x'), false, 1],
      [undefined, false, 1],
      [s(4), true, 1],
    ]);
    expect(r.else!.loc).toEqual({ file: 't.rego', row: 3, col: 1 });
    expect(r.else!.head.ref).toBe(r.head.ref);
    expect(shape(rule('f(x) := 1 if x > 0 else := 2').else!.head.args)).toEqual([v('x')]);
  });

  it('parses v0 else with blocks', () => {
    const r = rule('p = 1 { a } else = 2 { b } else { c }', 'v0');
    expect(shape(r.else!.head.value)).toEqual(s(2));
    expect(r.else!.else!.head.value).toBeUndefined();
  });

  it('rejects else on multi-value rules and on heads with variables', () => {
    expect(moduleError('p contains 1 if a else := 2').message).toMatch(/multi-value/);
    expect(moduleError('p[x] := 1 if x := 1 else := 2').message).toMatch(/variables in head/);
  });

  it('records rule and head locations', () => {
    const m = mod('\n# c\ndefault  allow := false\n\n  q[x] := 1 if x := 2');
    expect(m.rules[0]!.loc).toEqual({ file: 't.rego', row: 4, col: 1 });
    expect(m.rules[0]!.head.loc).toEqual({ file: 't.rego', row: 4, col: 10 });
    expect(m.rules[1]!.head.ref[1]!.loc).toEqual({ file: 't.rego', row: 6, col: 5 });
  });

  it('parses a nested body with exact expression locations', () => {
    const r = rule('p if {\n\tx := 1\n\ty := [z |\n\t\tz := x\n\t]\n}');
    expect(r.body.map((e) => e.loc)).toEqual([
      { file: 't.rego', row: 3, col: 2 },
      { file: 't.rego', row: 4, col: 2 },
    ]);
  });
});

describe('parser: v1 rules', () => {
  it('requires `if` before a rule body, reported at the rule', () => {
    const e = moduleError('\np {\n  true\n}');
    expect(e.message).toBe('`if` keyword is required before rule body');
    expect(e.location).toEqual({ file: 't.rego', row: 3, col: 1 });
    expect(moduleError('p := 1 if a else := 2 { b }').message).toBe('`if` keyword is required before rule body');
  });

  it('requires a body or a value', () => {
    const e = moduleError('\n  p.a.b');
    expect(e.message).toMatch(/^rule must have a body or assignment/);
    expect(e.location).toEqual({ file: 't.rego', row: 3, col: 3 });
    expect(mod('p', 'v0').rules[0]!.head.value).toBeUndefined();
  });

  it('reads a body-less function head in v1 as a function true for those arguments', () => {
    // OPA's v1 check refuses a rule only when body and value are both generated; a bare call
    // statement becomes a function rule with neither generated (ParseRuleFromCallExpr).
    const m = mod('f(1)\nf(x) if x > 10');
    expect(m.rules.map((r) => r.head.args?.length)).toEqual([1, 1]);
  });

  it('rejects importing rego.v1 twice', () => {
    expect(moduleError('import rego.v1\nimport rego.v1').message).toMatch(/shadows previous import/);
  });

  it('requires `contains` for multi-value rules', () => {
    expect(moduleError('p[x]').message).toBe('`contains` keyword is required for partial set rules');
  });

  it('rejects keywords as rule names, pointing at them', () => {
    const e = moduleError('in := 1');
    expect(e.message).toBe('unexpected keyword `in`: expected a rule name');
    expect(e.location).toEqual({ file: 't.rego', row: 2, col: 1 });
  });

  it('reports the offending token with what was expected', () => {
    const e = moduleError('p := [1, 2 if');
    expect(e.message).toBe('expected `,` or `]` but found `if`');
    expect(e.location).toEqual({ file: 't.rego', row: 2, col: 12 });
    const eof = moduleError('p := {"a": 1');
    expect(eof.message).toBe('unexpected end of file: expected `,` or `}`');
    expect(eof.location).toEqual({ file: 't.rego', row: 2, col: 13 });
  });
});

describe('parser: v0 rules', () => {
  it('parses `p[x] { }` as a multi-value rule and `p { }` as value true', () => {
    const m = mod('p[x] { x := 1 }\nq { true }\nr = 1 { true }', 'v0');
    expect(shape(m.rules.map((r) => r.head))).toEqual([
      { ref: [v('p')], key: v('x'), assign: false, multiValue: true },
      { ref: [v('q')], assign: false, multiValue: false },
      { ref: [v('r')], assign: false, multiValue: false, value: s(1) },
    ]);
    expect(m.regoVersion).toBe('v0');
  });

  it('parses `p[x] = y { }` as a single-value rule keyed by x', () => {
    expect(shape(rule('p[x] = y { y := x }', 'v0').head)).toEqual({
      ref: [v('p'), v('x')],
      assign: false,
      multiValue: false,
      value: v('y'),
    });
  });

  it('treats future keywords as names until imported', () => {
    expect(mod('contains = 1\nif = 2\nin = 3', 'v0').rules.map((r) => r.head.ref[0].name)).toEqual(['contains', 'if', 'in']);
    const m = mod('import future.keywords.if\nimport future.keywords.in\np if { 1 in [1] }', 'v0');
    expect(m.rules[0]!.body[0]!.kind).toMatchObject({ type: 'term', term: { type: 'call' } });
    expect(() => mod('import future.keywords.if\nif := 1', 'v0')).toThrow(/unexpected keyword `if`/);
    expect(mod('import future.keywords\np contains 1 if every x in [] { x }', 'v0').rules[0]!.head.multiValue).toBe(true);
  });

  it('switches to v1 rules when the module imports rego.v1', () => {
    const m = mod('import rego.v1\np contains 1 if true', 'v0');
    expect(m.regoVersion).toBe('v1');
    expect(() => mod('import rego.v1\np { true }', 'v0')).toThrow(/`if` keyword is required/);
    expect(() => mod('import rego.v1\nimport future.keywords.in', 'v0')).toThrow(/shadows previous import/);
  });

  it('parses several bodies for one head as several rules', () => {
    const rules = mod('p { a } { b }', 'v0').rules;
    expect(rules).toHaveLength(2);
    expect(shape(rules[1]!.body)).toEqual([term(v('b'))]);
    expect(rules[1]!.head.ref[0].name).toBe('p');
  });
});

describe('parser: `not` with a body', () => {
  it('reads `not { a; b }` as "the body has no solution" once enabled by import', () => {
    const r = rule('import future.keywords.not\np if {\n  not { a; b }\n}'.replace(/^/, ''));
    expect(r).toBeDefined();
    const m = mod('import future.keywords.not\np if {\n  not { a; b }\n}');
    expect(shape(m.rules[0]!.body[0])).toEqual(
      term(call('equal', { type: 'arraycompr', term: s(true), body: [term(v('a')), term(v('b'))] }, { type: 'array', items: [] })),
    );
  });
});

describe('parser: limits', () => {
  it('turns deep nesting into a parse error rather than a stack overflow', () => {
    for (const [open, close] of [['[', ']'], ['{', '}'], ['(', ')'], ['f(', ')']]) {
      const e = parseError(() => parseTerm(`${open!.repeat(5000)}1${close!.repeat(5000)}`));
      expect(e.code).toBe('rego_parse_error');
      expect(e.message).toMatch(/nesting too deep/);
    }
    expect(() => parseQuery('every x in y {\n'.repeat(3000))).toThrow(RegoError);
  });

  it('accepts nesting that real policies use', () => {
    expect(() => parseTerm(`${'['.repeat(100)}1${']'.repeat(100)}`)).not.toThrow();
  });
});
