import { describe, expect, it } from 'vitest';
import { builtins } from '../../../../src/rego/builtins/json/json-paths.ts';
import { caller, text } from '../call-builtin.ts';

const call = caller(builtins);

describe('json.filter', () => {
  it('keeps only what the paths select', () => {
    expect(text(call('json.filter', {}, new Set(['a/b'])))).toBe('{}');
    expect(text(call('json.filter', { a: [{ b: 7, c: 8 }, { d: 9 }] }, new Set(['a/0/b', 'a/1'])))).toBe(
      '{"a": [{"b": 7}, {"d": 9}]}',
    );
    expect(
      text(call('json.filter', { a: { b: { c: 7, d: 8, x: 0 } }, e: 9 }, new Set(['a/b/d', ['a', 'b', 'c']]))),
    ).toBe('{"a": {"b": {"c": 7, "d": 8}}}');
  });

  it('lets a shorter path cover longer ones', () => {
    expect(text(call('json.filter', { a: { b: 1, c: 2 }, d: 3 }, ['a/b', 'a']))).toBe('{"a": {"b": 1, "c": 2}}');
  });

  it('unescapes ~1 and ~0 in path segments', () => {
    expect(text(call('json.filter', { 'a/b': 1, '~c': 2, d: 3 }, ['a~1b', '~0c']))).toBe('{"a/b": 1, "~c": 2}');
  });
});

describe('json.remove', () => {
  const doc = { a: { b: { c: 7, d: 8 } }, e: 9 };

  it('removes what the paths select', () => {
    expect(text(call('json.remove', doc, new Set(['a/b/c'])))).toBe('{"a": {"b": {"d": 8}}, "e": 9}');
    expect(text(call('json.remove', doc, new Set(['a/b/c', 'e'])))).toBe('{"a": {"b": {"d": 8}}}');
    expect(text(call('json.remove', { a: { b: { c: 7, d: 8 }, e: 9 } }, new Set(['a/b/c', 'a/e'])))).toBe(
      '{"a": {"b": {"d": 8}}}',
    );
    expect(text(call('json.remove', { a: { b: 7 }, c: 1 }, new Set(['a', 'a/b'])))).toBe('{"c": 1}');
    expect(text(call('json.remove', { a: 7 }, new Set()))).toBe('{"a": 7}');
    expect(text(call('json.remove', doc, new Set([['a', 'b', 'c'], ['e']])))).toBe('{"a": {"b": {"d": 8}}}');
  });

  it('closes gaps when array elements go', () => {
    expect(text(call('json.remove', { a: [{ b: 7, c: 8 }, { d: 9 }] }, new Set(['a/0/b', 'a/1'])))).toBe('{"a": [{"c": 8}]}');
  });

  it('reports bad operands with OPA wording', () => {
    expect(() => call('json.remove', 'foo', new Set(['a']))).toThrow('json.remove: operand 1 must be object but got string');
    expect(() => call('json.remove', { a: 1 }, 22)).toThrow('json.remove: operand 2 must be one of {set, array} but got number');
    expect(() => call('json.remove', { a: 1 }, ['a', { x: 1 }])).toThrow(
      'json.remove: operand 2 must be one of {set, array} containing string paths or array of path segments but got object',
    );
  });
});

describe('json.patch', () => {
  const patch = (doc: unknown, ops: unknown[]) => text(call('json.patch', doc, ops));

  it('adds, removes and replaces members and elements', () => {
    expect(patch({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toBe('{"baz": "qux", "foo": "bar"}');
    expect(patch({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toBe('{"foo": ["bar", "qux", "baz"]}');
    expect(patch({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toBe('{"foo": "bar"}');
    expect(patch({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toBe('{"foo": ["bar", "baz"]}');
    expect(patch({ baz: 'qux' }, [{ op: 'replace', path: '/baz', value: 'boo' }])).toBe('{"baz": "boo"}');
    expect(patch({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }])).toBe(
      '{"foo": ["bar", ["abc", "def"]]}',
    );
    expect(patch([1, 2, [3, [4, 5]]], [{ op: 'add', path: '/2/1/-', value: 6 }])).toBe('[1, 2, [3, [4, 5, 6]]]');
  });

  it('moves and copies values', () => {
    expect(
      patch({ foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } }, [
        { op: 'move', from: '/foo/waldo', path: '/qux/thud' },
      ]),
    ).toBe('{"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}}');
    expect(patch({ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }])).toBe(
      '{"foo": ["all", "cows", "eat", "grass"]}',
    );
    expect(patch({ foo: 1 }, [{ op: 'move', from: '/foo', path: '/foo' }])).toBe('{"foo": 1}');
    expect(patch({ foo: null }, [{ op: 'copy', from: '/foo', path: '/bar' }])).toBe('{"bar": null, "foo": null}');
  });

  it('replaces the whole document through the empty path', () => {
    expect(patch({ foo: 'bar' }, [{ op: 'replace', path: '', value: { baz: 'qux' } }])).toBe('{"baz": "qux"}');
    expect(patch({}, [{ op: 'add', path: '', value: [] }])).toBe('[]');
  });

  it('treats "/" as the empty key and unescapes ~01 to ~1', () => {
    expect(patch({}, [{ op: 'add', path: '/', value: 1 }])).toBe('{"": 1}');
    expect(patch({ foo: {} }, [{ op: 'add', path: '/foo/', value: 1 }])).toBe('{"foo": {"": 1}}');
    expect(patch({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }])).toBe('{"/": 9, "~1": 10}');
  });

  it('is undefined when any operation fails', () => {
    const fails = (doc: unknown, ops: unknown[]) => expect(call('json.patch', doc, ops)).toBeUndefined();
    fails({ q: { bar: 2 } }, [{ op: 'add', path: '/a/b', value: 1 }]);
    fails({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }]);
    fails({ '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }]);
    fails({ bar: [1, 2] }, [{ op: 'add', path: '/bar/8', value: '5' }]);
    fails({ bar: [1, 2] }, [{ op: 'add', path: '/bar/-1', value: '5' }]);
    fails(['foo', 'bar'], [{ op: 'test', path: '/1e0', value: 'bar' }]);
    fails(['foo', 'bar'], [{ op: 'test', path: '/01', value: 'bar' }]);
    fails(['foo', 'sil'], [{ op: 'add', path: '/bar', value: 42 }]);
    fails({ foo: 'bar' }, [{ op: 'remove', path: '/baz' }]);
    fails(['foo', 'bar'], [{ op: 'remove', path: '/2' }]);
    fails({ bar: 'baz' }, [{ op: 'replace', path: '/foo/bar', value: false }]);
    fails({}, [{ op: 'add', value: 'bar' }]);
    fails({}, [{ op: 'add', path: null, value: 'bar' }]);
    fails([1], [{ op: 'add', path: '/-' }]);
    fails([1], [{ op: 'copy', path: '/-' }]);
    fails({ foo: 1 }, [{ op: 'move', from: '/bar', path: '/foo' }]);
    fails({ foo: 1 }, [{ op: 'spam', path: '/foo', value: 1 }]);
    fails([1, 2, 3], [{ op: 'add', path: '1.2', value: 'foo' }]);
    fails({}, ['not an object']);
  });

  it('addresses set members by value', () => {
    const letters = new Set(['a', 'b', 'c']);
    expect(patch(letters, [{ op: 'add', path: ['d'], value: 'd' }])).toBe('{"a", "b", "c", "d"}');
    expect(patch(letters, [{ op: 'remove', path: ['b'] }])).toBe('{"a", "c"}');
    expect(patch(letters, [{ op: 'move', from: ['a'], path: ['a'] }])).toBe('{"a", "b", "c"}');
    expect(call('json.patch', new Set(['a', 'b']), [{ op: 'replace', path: ['a'], value: 'c' }])).toBeUndefined();
    expect(call('json.patch', new Set([{ a: [1, 2] }]), [{ op: 'replace', path: [{ a: [1, 2] }, 'a', 1], value: 9 }])).toBeUndefined();
    const member = { a: [1] };
    expect(patch(new Set([member]), [{ op: 'copy', from: [member, 'a', 0], path: [member, 'a', '-'] }])).toBe('{{"a": [1, 1]}}');
  });

  it('lets the root be removed, leaving nothing unless a new root is added', () => {
    expect(call('json.patch', { a: 1 }, [{ op: 'remove', path: '' }])).toBeUndefined();
    expect(patch({ a: 1 }, [{ op: 'remove', path: '' }, { op: 'add', path: '', value: { b: 2 } }])).toBe('{"b": 2}');
    expect(call('json.patch', { a: 1 }, [{ op: 'remove', path: '' }, { op: 'add', path: '/b', value: 2 }])).toBeUndefined();
  });

  it('requires an array of operations', () => {
    expect(() => call('json.patch', {}, {})).toThrow('json.patch: operand 2 must be array but got object');
  });
});
