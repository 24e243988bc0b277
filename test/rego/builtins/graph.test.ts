import { describe, expect, it } from 'vitest';
import { BuiltinTypeError } from '../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../src/rego/builtins/graph.ts';
import { SetValue } from '../../../src/rego/value.ts';
import { caller, text } from './call-builtin.ts';

const call = caller(builtins);

describe('walk', () => {
  it('is a relation yielding [path, value] pairs, parents before children', () => {
    expect(builtins.find((b) => b.name === 'walk')!.relation).toBe(true);
    expect(text(call('walk', 1))).toBe('[[[], 1]]');
    expect(text(call('walk', [1, 2]))).toBe('[[[], [1, 2]], [[0], 1], [[1], 2]]');
    expect(text(call('walk', { v2: 'goodbye', v1: 'hello' }))).toBe(
      '[[[], {"v1": "hello", "v2": "goodbye"}], [["v1"], "hello"], [["v2"], "goodbye"]]',
    );
  });

  it('uses set members as path keys', () => {
    const nested = SetValue.from([SetValue.from([1, 2])]);
    expect(text(call('walk', nested))).toBe('[[[], {{1, 2}}], [[{1, 2}], {1, 2}], [[{1, 2}, 1], 1], [[{1, 2}, 2], 2]]');
  });
});

describe('graph.reachable', () => {
  const graph = {
    a: new Set(['b', 'c']),
    b: new Set(['d']),
    c: new Set(['d']),
    d: new Set(),
    e: new Set(['f']),
    f: new Set(['e']),
    x: new Set(['x']),
  };

  it('collects nodes reachable from the initial ones, cycles included', () => {
    expect(text(call('graph.reachable', graph, new Set(['b', 'e'])))).toBe('{"b", "d", "e", "f"}');
    expect(text(call('graph.reachable', { a: ['b'], b: ['c'], c: ['a'] }, ['a']))).toBe('{"a", "b", "c"}');
  });

  it('treats edges that are not collections as none and skips unknown nodes', () => {
    expect(text(call('graph.reachable', { a: null }, ['a', 'zzz']))).toBe('{"a"}');
  });

  it('insists on an object graph and an array or set of initial nodes', () => {
    expect(() => call('graph.reachable', { a: [] }, 'a')).toThrow(
      new BuiltinTypeError('graph.reachable: operand 2 must be {array, set} but got string'),
    );
    expect(() => call('graph.reachable', 1, [1])).toThrow(BuiltinTypeError);
  });
});

describe('graph.reachable_paths', () => {
  it('lists maximal paths, stopping before cycles', () => {
    expect(text(call('graph.reachable_paths', {}, new Set(['a'])))).toBe('set()');
    expect(text(call('graph.reachable_paths', { a: new Set(['b']), b: new Set(['c']), c: new Set(['a']) }, new Set(['a'])))).toBe(
      '{["a", "b", "c"]}',
    );
    expect(text(call('graph.reachable_paths', { a: ['b', 'c'], b: ['c'], c: [] }, new Set(['a'])))).toBe(
      '{["a", "b", "c"], ["a", "c"]}',
    );
    expect(text(call('graph.reachable_paths', { '1': [], '2': ['1'], '3': ['2'], '4': ['3', '2'], '5': ['4'] }, ['5']))).toBe(
      '{["5", "4", "2", "1"], ["5", "4", "3", "2", "1"]}',
    );
  });

  it('ends a path at a node missing from the graph', () => {
    expect(text(call('graph.reachable_paths', { a: ['b'], b: ['nonexistent'] }, new Set(['a', 'b'])))).toBe('{["a", "b"], ["b"]}');
    expect(text(call('graph.reachable_paths', { a: null }, ['a']))).toBe('{["a"]}');
  });
});
