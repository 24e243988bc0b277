import { describe, expect, it } from 'vitest';
import type { Expr, Module, Rule, Term } from '../../src/rego/ast.ts';
import { RegoError } from '../../src/rego/errors.ts';
import { parseModule, parseQuery, parseRegoNumber, parseTerm } from '../../src/rego/parser.ts';

/** Drops locations so shapes can be compared; locations get their own tests. */
function shape(x: unknown): unknown {
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
