import { describe, expect, it } from 'vitest';
import { builtins } from '../../../src/rego/builtins/casts.ts';
import { caller, text } from './call-builtin.ts';

const call = caller(builtins);

describe('deprecated builtins', () => {
  it('are all marked as v0-only', () => {
    expect(builtins.every((b) => b.deprecated === true)).toBe(true);
  });

  it('cast between arrays and sets', () => {
    expect(text(call('cast_array', new Set([2, 1])))).toBe('[1, 2]');
    expect(text(call('cast_set', [1, 1, 2]))).toBe('{1, 2}');
    expect(() => call('cast_array', 'x')).toThrow('cast_array: operand 1 must be one of {array, set} but got string');
  });

  it('pass values of the named type through and reject others', () => {
    expect(call('cast_string', 'a')).toBe('a');
    expect(call('cast_boolean', true)).toBe(true);
    expect(call('cast_null', null)).toBe(null);
    expect(text(call('cast_object', { a: 1 }))).toBe('{"a": 1}');
    expect(() => call('cast_string', 1)).toThrow('cast_string: operand 1 must be string but got number');
    expect(() => call('cast_null', false)).toThrow('cast_null: operand 1 must be null but got boolean');
  });

  it('computes set differences', () => {
    expect(text(call('set_diff', new Set([1, 2, 3]), new Set([2])))).toBe('{1, 3}');
    expect(() => call('set_diff', [1], new Set())).toThrow('set_diff: operand 1 must be set but got array');
  });

  it('answers all and any over arrays and sets', () => {
    expect(call('all', [true, true])).toBe(true);
    expect(call('all', [true, 1])).toBe(false);
    expect(call('all', [])).toBe(true);
    expect(call('any', new Set([false, true]))).toBe(true);
    expect(call('any', [])).toBe(false);
    expect(call('any', new Set([false]))).toBe(false);
    expect(() => call('any', 'x')).toThrow('any: operand 1 must be one of {array, set} but got string');
  });
});
