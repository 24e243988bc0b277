import { describe, expect, it } from 'vitest';
import { builtins } from '../../../src/rego/builtins/arrays.ts';
import { caller, text } from './call-builtin.ts';

const call = caller(builtins);

describe('array builtins', () => {
  it('concatenates two arrays', () => {
    expect(text(call('array.concat', [1, 2], [3, 4]))).toBe('[1, 2, 3, 4]');
    expect(() => call('array.concat', { v1: 'hello' }, [3, 4])).toThrow(
      'array.concat: operand 1 must be array but got object',
    );
    expect(() => call('array.concat', [1, 2], { v1: 'hello' })).toThrow(
      'array.concat: operand 2 must be array but got object',
    );
  });

  it('slices with clamped bounds', () => {
    expect(text(call('array.slice', [1, 2, 3, 4, 5], 1, 3))).toBe('[2, 3]');
    expect(text(call('array.slice', [1, 2, 3], 0, 0))).toBe('[]');
    expect(text(call('array.slice', [1, 2, 3, 4, 5], -4, -1))).toBe('[]');
    expect(text(call('array.slice', [1, 2, 3], -10, 10))).toBe('[1, 2, 3]');
    expect(text(call('array.slice', [1, 2, 3], 2, 1))).toBe('[]');
    expect(() => call('array.slice', [1], 0.5, 1)).toThrow(
      'array.slice: operand 2 must be integer number but got floating-point number',
    );
    expect(() => call('array.slice', [1], 0, 'x')).toThrow('array.slice: operand 3 must be number but got string');
  });

  it('reverses without changing the input', () => {
    const input = [1, 2, 3];
    expect(text(call('array.reverse', input))).toBe('[3, 2, 1]');
    expect(input).toEqual([1, 2, 3]);
  });

  it('flattens exactly one level', () => {
    expect(text(call('array.flatten', []))).toBe('[]');
    expect(text(call('array.flatten', [[1, 2], [3, 4], [5]]))).toBe('[1, 2, 3, 4, 5]');
    expect(text(call('array.flatten', [[[1], [2, 3, []]], [[4, 5]]]))).toBe('[[1], [2, 3, []], [4, 5]]');
    expect(text(call('array.flatten', [[1, 2], 'string', [3, { a: 'b' }], 4.5, [6, [7, 8]]]))).toBe(
      '[1, 2, "string", 3, {"a": "b"}, 4.5, 6, [7, 8]]',
    );
    expect(() => call('array.flatten', 42)).toThrow('array.flatten: operand 1 must be array but got number');
  });
});
