import { describe, expect, it } from 'vitest';
import { builtins } from '../../../src/rego/builtins/comparison.ts';
import { caller } from './call-builtin.ts';

const call = caller(builtins);

describe('comparison operators', () => {
  it('compares numbers by value, whatever their representation', () => {
    expect(call('equal', 1, 1.0)).toBe(true);
    expect(call('equal', 3.5, 3.50)).toBe(true);
    expect(call('lt', 3, 3.5)).toBe(true);
    expect(call('gt', 0.01, 0.001)).toBe(true);
    expect(call('neq', BigInt('28857836529306024611913'), BigInt('28857836529306024611912'))).toBe(true);
    expect(call('lt', BigInt('1234567890123456789012'), BigInt('1234567890123456789013'))).toBe(true);
    expect(call('gte', 1, 1)).toBe(true);
    expect(call('lte', -1, 0)).toBe(true);
    expect(call('gte', 1, 2)).toBe(false);
  });

  it('orders values of different types: null < boolean < number < string < array < object < set', () => {
    const order = [null, false, true, -1, 2, 'a', 'b', [1], { a: 1 }, new Set([1])];
    for (let i = 0; i + 1 < order.length; i++) {
      expect(call('lt', order[i], order[i + 1])).toBe(true);
      expect(call('gt', order[i + 1], order[i])).toBe(true);
    }
  });

  it('compares composites structurally', () => {
    expect(call('equal', { a: [1, 2] }, { a: [1, 2] })).toBe(true);
    expect(call('equal', new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(call('neq', [1, 2], [2, 1])).toBe(true);
  });
});

describe('membership', () => {
  it('finds set members, array elements and object values', () => {
    expect(call('internal.member_2', 1, new Set([1]))).toBe(true);
    expect(call('internal.member_2', 1, [1])).toBe(true);
    expect(call('internal.member_2', 1, { foo: 1 })).toBe(true);
    expect(call('internal.member_2', 'foo', { foo: 1 })).toBe(false);
    expect(call('internal.member_2', { foo: { baz: 2000 } }, [{ foo: { baz: 2000 } }])).toBe(true);
    expect(call('internal.member_2', 3.5, new Set([3.50]))).toBe(true);
  });

  it('is false, not an error, for non-collections', () => {
    expect(call('internal.member_2', 1, 'foo')).toBe(false);
    expect(call('internal.member_2', 'foo', 1)).toBe(false);
    expect(call('internal.member_3', 1, 'foo', 1)).toBe(false);
  });

  it('matches key and value pairs', () => {
    expect(call('internal.member_3', 'foo', 1, { foo: 1 })).toBe(true);
    expect(call('internal.member_3', 'foo', 2, { foo: 1 })).toBe(false);
    expect(call('internal.member_3', 1, 'two', ['one', 'two', 'three'])).toBe(true);
    expect(call('internal.member_3', 3, 'two', ['one', 'two', 'three'])).toBe(false);
    expect(call('internal.member_3', 'x', 'x', new Set(['x']))).toBe(true);
    expect(call('internal.member_3', 'x', 'y', new Set(['x']))).toBe(false);
  });
});
