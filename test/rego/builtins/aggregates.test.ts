import { describe, expect, it } from 'vitest';
import { builtins } from '../../../src/rego/builtins/aggregates.ts';
import { caller, text } from './call-builtin.ts';

const call = caller(builtins);
const big = (s: string) => BigInt(s);

describe('count', () => {
  it('counts elements, members, keys and characters', () => {
    expect(call('count', [1, 2, 3, 4])).toBe(4);
    expect(call('count', new Set([1, 2]))).toBe(2);
    expect(call('count', { a: 1, b: 2 })).toBe(2);
    expect(call('count', 'héllo 😀')).toBe(7);
  });

  it('collapses equal numbers in sets', () => {
    expect(call('count', new Set([3.5, 3.50, 35e-1]))).toBe(1);
  });

  it('rejects other types with OPA wording', () => {
    expect(() => call('count', 1)).toThrow('count: operand 1 must be one of {array, object, set, string} but got number');
  });
});

describe('sum and product', () => {
  it('sum arrays and sets', () => {
    expect(call('sum', [1, 2, 3, 4])).toBe(10);
    expect(call('sum', new Set([1, 2, 3, 4]))).toBe(10);
    expect(call('product', new Set([1, 2, 3, 4]))).toBe(24);
    expect(call('sum', [])).toBe(0);
    expect(call('product', [])).toBe(1);
  });

  it('stay exact beyond 64 bits', () => {
    expect(call('sum', [big('18446744073709551617'), 1])).toBe(big('18446744073709551618'));
    expect(call('sum', new Set([big('18446744073709551617'), 1]))).toBe(big('18446744073709551618'));
    expect(call('product', [big('18446744073709551617'), 2])).toBe(big('36893488147419103234'));
    expect(call('sum', [big('9223372036854775807'), 1])).toBe(big('9223372036854775808'));
    expect(call('sum', [big('-9223372036854775808'), -1])).toBe(big('-9223372036854775809'));
    expect(call('sum', [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('use floating point when any term is fractional', () => {
    expect(call('sum', [1.5, 2.5])).toBe(4);
    expect(call('sum', [1, 2.5])).toBe(3.5);
    expect(call('product', [1.5, 2])).toBe(3);
  });

  it('reject non-numbers as element errors', () => {
    expect(() => call('sum', [1, 'a'])).toThrow('sum: operand 1 must be array of numbers but got array containing string');
    expect(() => call('product', new Set(['a']))).toThrow('product: operand 1 must be set of numbers but got set containing string');
    expect(() => call('sum', 'abc')).toThrow('sum: operand 1 must be one of {set, array} but got string');
  });
});

describe('max, min and sort', () => {
  it('pick extremes in the total order', () => {
    expect(call('max', new Set([1, 2, 3, 4]))).toBe(4);
    expect(call('min', [3, 2, 1, 4, 6, -7, 10])).toBe(-7);
    expect(call('max', [3, 3.5, 3.25, 3.4999])).toBe(3.5);
    expect(call('min', [3, 3.5, 2.75, 2.7499])).toBe(2.7499);
    expect(call('max', [1, 'a', null])).toBe('a');
  });

  it('are undefined on empty collections', () => {
    expect(call('max', [])).toBeUndefined();
    expect(call('min', new Set())).toBeUndefined();
  });

  it('sort arrays and sets into arrays without touching the input', () => {
    const input = [4, 3, 2, 1];
    expect(text(call('sort', input))).toBe('[1, 2, 3, 4]');
    expect(call('sort', input)).not.toBe(input);
    expect(text(call('sort', [3.5, 3, 3.25, -2.5, 3.50, 1e0, 0.5]))).toBe('[-2.5, 0.5, 1, 3, 3.25, 3.5, 3.5]');
    expect(text(call('sort', new Set(['b', 'a'])))).toBe('["a", "b"]');
    expect(() => call('sort', { a: 1 })).toThrow('sort: operand 1 must be one of {set, array} but got object');
  });
});
