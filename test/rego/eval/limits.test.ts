import { describe, expect, it } from 'vitest';
import { compile, evaluate } from '../../../src/rego/index.ts';
import { failure, value } from './run-rego.ts';

describe('limits and errors', () => {
  it('stops at the step limit with a clear error', () => {
    const mod = 'package p\nr := count([1 | some a in numbers.range(1, 1000); some b in numbers.range(1, 1000)])';
    expect(failure(mod, 'x := data.p.r', { maxSteps: 10_000 })).toMatch(/^eval_limit_error: evaluation exceeded the limit of 10000 steps/);
  });

  it('stops at the deadline', () => {
    const mod = 'package p\nr := count([1 | some a in numbers.range(1, 3000); some b in numbers.range(1, 3000)])';
    expect(failure(mod, 'x := data.p.r', { timeoutMs: 20 })).toBe('eval_cancel_error: evaluation timed out');
  });

  it('makes failing builtins undefined unless strict, then raises with the location', () => {
    const mod = 'package p\nr := to_number("abc")';
    expect(value(mod, 'x := data.p.r')).toBeUndefined();
    const c = compile([{ file: 'p.rego', text: mod }]);
    if (!c.ok) throw new Error('compile');
    const r = evaluate(c.policy, 'x := data.p.r', { strictBuiltinErrors: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.code).toBe('eval_builtin_error');
      expect(r.errors[0]!.location).toEqual({ file: 'p.rego', row: 2, col: 6 });
    }
  });

  it('raises type errors from builtins in strict mode', () => {
    expect(failure('package p\nr := 1 + input.a', 'x := data.p.r', { strictBuiltinErrors: true, input: { a: 'a' } })).toMatch(/^eval_type_error: plus: operand 2 must be number/);
  });
});

describe('deep structures', () => {
  it('turns a stack overflow into an eval_limit_error instead of crashing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const c = compile([{ file: 'p.rego', text: 'package p\nr := input' }]);
    if (!c.ok) throw new Error('compile');
    const r = evaluate(c.policy, 'x := data.p.r', { input: deep });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('eval_limit_error');
  });
});
