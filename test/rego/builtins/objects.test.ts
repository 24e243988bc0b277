import { describe, expect, it } from 'vitest';
import { builtins } from '../../../src/rego/builtins/objects.ts';
import { caller, text } from './call-builtin.ts';

const call = caller(builtins);

describe('object.get', () => {
  it('looks up a key, or returns the default', () => {
    expect(text(call('object.get', { a: { b: 'c' } }, 'a', true))).toBe('{"b": "c"}');
    expect(call('object.get', { a: { b: 'c' } }, 'b', true)).toBe(true);
  });

  it('follows an array path through objects, arrays and sets', () => {
    const doc = { a: { b: [10, { c: new Set(['x']) }] } };
    expect(call('object.get', doc, ['a', 'b', 0], 'd')).toBe(10);
    expect(call('object.get', doc, ['a', 'b', 1, 'c', 'x'], 'd')).toBe('x');
    expect(call('object.get', doc, ['a', 'b', '0'], 'd')).toBe('d');
    expect(call('object.get', doc, ['a', 'b', 5], 'd')).toBe('d');
    expect(call('object.get', doc, ['a', 'b', 0, 'deeper'], 'd')).toBe('d');
  });

  it('returns the object itself for an empty path', () => {
    expect(text(call('object.get', { a: 1 }, [], 'd'))).toBe('{"a": 1}');
  });

  it('requires an object', () => {
    expect(() => call('object.get', [1], 0, 'd')).toThrow('object.get: operand 1 must be object but got array');
  });
});

describe('object.keys', () => {
  it('gives the keys as a set', () => {
    expect(text(call('object.keys', { b: 1, a: 2 }))).toBe('{"a", "b"}');
  });
});

describe('object.union and object.union_n', () => {
  it('merges recursively, the right side winning conflicts', () => {
    expect(text(call('object.union', {}, {}))).toBe('{}');
    expect(text(call('object.union', { a: 1 }, { b: 2 }))).toBe('{"a": 1, "b": 2}');
    expect(text(call('object.union', { a: 1 }, { a: 2 }))).toBe('{"a": 2}');
    expect(text(call('object.union', { b: 2 }, { a: { b: { c: 1 } } }))).toBe('{"a": {"b": {"c": 1}}, "b": 2}');
    expect(text(call('object.union', { a: 1 }, { a: { b: { c: 1 } }, d: 7 }))).toBe('{"a": {"b": {"c": 1}}, "d": 7}');
    expect(text(call('object.union', { a: { x: 1, y: 1 } }, { a: { y: 2 } }))).toBe('{"a": {"x": 1, "y": 2}}');
  });

  it('rejects non-objects', () => {
    expect(() => call('object.union', { a: 1 }, [1, 2, 3])).toThrow('object.union: operand 2 must be object but got array');
  });

  it('folds a list of objects left to right', () => {
    expect(text(call('object.union_n', [{}]))).toBe('{}');
    expect(text(call('object.union_n', [{ foo: 'bar' }, { foo: 'baz' }]))).toBe('{"foo": "baz"}');
    expect(
      text(call('object.union_n', [{ a: 1, b: 2, c: 3 }, { foo: 'baz', a: 'a', b: 2, d: 4 }, { a: 'final A!', e: 5.0 }])),
    ).toBe('{"a": "final A!", "b": 2, "c": 3, "d": 4, "e": 5, "foo": "baz"}');
    expect(text(call('object.union_n', [{ a: { b: 2 } }, { a: 4 }, { a: { c: 3 } }]))).toBe('{"a": {"c": 3}}');
  });

  it('rejects arrays holding non-objects', () => {
    expect(() => call('object.union_n', [{ foo: 1 }, { bar: 2 }, 'baz'])).toThrow(
      'object.union_n: operand 1 must be array of objects but got array containing string',
    );
  });
});

describe('object.remove and object.filter', () => {
  it('remove keys given as a set, an array or an object', () => {
    expect(text(call('object.remove', { a: 1, b: { c: 3 } }, new Set(['a'])))).toBe('{"b": {"c": 3}}');
    expect(text(call('object.remove', { a: 1, b: { c: 3 }, d: 4 }, ['b', 'd']))).toBe('{"a": 1}');
    expect(text(call('object.remove', { a: 1, b: { c: 3 }, d: 4 }, { b: 1, d: '' }))).toBe('{"a": 1}');
    expect(text(call('object.remove', {}, new Set(['a', 'b'])))).toBe('{}');
    expect(text(call('object.remove', { a: 1 }, new Set(['z'])))).toBe('{"a": 1}');
  });

  it('filter keeps only the given keys', () => {
    expect(text(call('object.filter', { a: { b: { c: 7, d: 8 } }, e: 9 }, new Set(['a'])))).toBe(
      '{"a": {"b": {"c": 7, "d": 8}}}',
    );
    expect(text(call('object.filter', { a: 1, b: 2, c: 3, e: 9 }, new Set(['a', 'e'])))).toBe('{"a": 1, "e": 9}');
    expect(text(call('object.filter', { a: 7 }, []))).toBe('{}');
    expect(text(call('object.filter', { a: 7 }, {}))).toBe('{}');
  });

  it('report wrong operand types as OPA does', () => {
    expect(() => call('object.remove', 123, new Set(['a']))).toThrow('object.remove: operand 1 must be object but got number');
    expect(() => call('object.filter', null, new Set(['a']))).toThrow('object.filter: operand 1 must be object but got null');
    expect(() => call('object.remove', { a: 1 }, 'foo')).toThrow(
      'object.remove: operand 2 must be one of {object, set, array} but got string',
    );
    expect(() => call('object.filter', { a: 1 }, true)).toThrow(
      'object.filter: operand 2 must be one of {object, set, array} but got boolean',
    );
  });
});

describe('object.subset', () => {
  const A = { a: 5, b: 7, c: 15, nested: { x: 10, y: 15, z: 20, set1: new Set([1, 2, 3, 4]), arr1: [6, 7, 8, 9] } };

  it('matches objects key by key, recursing into nested collections', () => {
    expect(call('object.subset', { a: 5, b: 7, c: 15 }, { a: 5 })).toBe(true);
    expect(call('object.subset', { a: 5 }, { a: 5, b: 7, c: 15 })).toBe(false);
    expect(call('object.subset', { a: 5, b: 7 }, { a: 5, b: 10 })).toBe(false);
    expect(call('object.subset', A, { a: 5, nested: { x: 10, y: 15, set1: new Set([4, 1]), arr1: [6, 7] } })).toBe(true);
    expect(call('object.subset', A, { nested: { arr1: [6, 8] } })).toBe(false);
  });

  it('matches sets by membership only', () => {
    expect(call('object.subset', new Set([1, 2, 3]), new Set([3, 2]))).toBe(true);
    expect(call('object.subset', new Set([1, 2, 3, new Set(['a', 'b', 'c'])]), new Set([3, 2, new Set(['a', 'b'])]))).toBe(
      false,
    );
  });

  it('matches arrays as contiguous runs', () => {
    const arr = [1, 2, 3, 4, 5, 6];
    expect(call('object.subset', arr, [3, 4, 5])).toBe(true);
    expect(call('object.subset', arr, [1, 2, 3])).toBe(true);
    expect(call('object.subset', arr, [4, 5, 6])).toBe(true);
    expect(call('object.subset', arr, arr)).toBe(true);
    expect(call('object.subset', arr, [4, 5, 6, 8])).toBe(false);
    expect(call('object.subset', arr, [1, 3])).toBe(false);
  });

  it('matches a set against an array by membership', () => {
    expect(call('object.subset', [1, 2, 3, 4, 5, 6], new Set([4, 3, 2]))).toBe(true);
    expect(call('object.subset', [1, 2, 3, 4, 5, 6], new Set([9, 8, 7]))).toBe(false);
  });

  it('rejects other combinations as a type error', () => {
    expect(() => call('object.subset', new Set([1]), [1])).toThrow(
      'object.subset: both arguments object.subset must be of the same type or array and set',
    );
  });
});
