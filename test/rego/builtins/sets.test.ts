import { describe, expect, it } from 'vitest';
import { builtins } from '../../../src/rego/builtins/sets.ts';
import { caller, text } from './call-builtin.ts';

const call = caller(builtins);

describe('set builtins', () => {
  it('intersects and unites two sets', () => {
    expect(text(call('and', new Set([1, 2, 3]), new Set([2, 3, 4])))).toBe('{2, 3}');
    expect(text(call('and', new Set([1]), new Set([2])))).toBe('set()');
    expect(text(call('or', new Set([3, 1, 2]), new Set([3, 4, 2])))).toBe('{1, 2, 3, 4}');
    expect(() => call('or', new Set([1]), [1])).toThrow('or: operand 2 must be set but got array');
  });

  it('intersects a set of sets', () => {
    expect(text(call('intersection', new Set([new Set(), new Set([1, 2])])))).toBe('set()');
    expect(text(call('intersection', new Set([new Set([1, 2, 3]), new Set([2, 3, 4]), new Set([4, 5, 6])])))).toBe('set()');
    const letters = new Set([new Set(['a', 'b', 'c', 'd']), new Set(['b', 'c', 'd']), new Set(['c', 'd']), new Set(['d'])]);
    expect(text(call('intersection', letters))).toBe('{"d"}');
    expect(text(call('intersection', new Set()))).toBe('set()');
  });

  it('unites a set of sets', () => {
    expect(text(call('union', new Set([new Set([1, 2]), new Set([2, 3])])))).toBe('{1, 2, 3}');
    expect(text(call('union', new Set()))).toBe('set()');
  });

  it('requires every member to be a set', () => {
    expect(() => call('union', new Set([1]))).toThrow('union: operand 1 must be set but got number');
    expect(() => call('intersection', [new Set([1])])).toThrow('intersection: operand 1 must be set but got array');
  });
});
