// Plain JSON objects are read in place by fromJS; they must behave exactly like copied objects.
import { describe, expect, it } from 'vitest';
import { ObjectValue, compare, equals, fromJS, keyOf, settle, toJS } from '../../src/rego/value.ts';

function copied(o: Record<string, unknown>): ObjectValue {
  const c = new ObjectValue();
  for (const [k, v] of Object.entries(o)) c.set(k, fromJS(v));
  return c;
}

describe('objects read in place', () => {
  it('look up, enumerate, compare and encode like copied objects', () => {
    const raw = { id: 'a', size: 3.5, ok: true, none: null, empty: '' };
    const view = fromJS(raw) as ObjectValue;
    const copy = copied(raw);
    expect(view.size).toBe(5);
    expect(view.get('size')).toBe(3.5);
    expect(view.has('none')).toBe(true);
    expect(view.get('none')).toBe(null);
    expect(view.keys()).toEqual(copy.keys());
    expect(view.sortedEntries()).toEqual(copy.sortedEntries());
    expect(equals(view, copy)).toBe(true);
    expect(compare(view, copy)).toBe(0);
    expect(keyOf(view)).toBe(keyOf(copy));
    expect(toJS(view)).toEqual(toJS(copy));
  });

  it('never sees properties inherited from Object.prototype', () => {
    const view = fromJS({ a: 1 }) as ObjectValue;
    for (const k of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) {
      expect(view.has(k)).toBe(false);
      expect(view.get(k)).toBeUndefined();
    }
  });

  it('copies before any write, leaving the caller\'s object untouched', () => {
    const raw: Record<string, unknown> = { a: 1, b: 'x' };
    const view = fromJS(raw) as ObjectValue;
    const clone = view.clone();
    clone.set('c', 2);
    view.set('a', 5);
    view.delete('b');
    expect(raw).toEqual({ a: 1, b: 'x' });
    expect(toJS(view)).toEqual({ a: 5 });
    expect(toJS(clone)).toEqual({ a: 1, b: 'x', c: 2 });
  });

  it('converts nested values when first read, once', () => {
    const raw = { a: { b: [1, { c: 2 }] }, list: [1, 2], n: 3 };
    const view = fromJS(raw) as ObjectValue;
    const a = view.get('a');
    expect(a).toBeInstanceOf(ObjectValue);
    expect(view.get('a')).toBe(a);
    expect(toJS(view)).toEqual(raw);
    expect(equals(view, copied(raw))).toBe(true);
    expect(keyOf(view)).toBe(keyOf(copied(raw)));
  });

  it('hands out an input array unconverted only until it has been converted', () => {
    const list = [1, 2];
    const view = fromJS({ list, n: 3 }) as ObjectValue;
    expect(view.rawArray('list')).toBe(list);
    expect(view.rawArray('n')).toBeUndefined();
    expect(view.rawArray('missing')).toBeUndefined();
    expect(view.get('list')).toEqual([1, 2]);
    expect(view.rawArray('list')).toBeUndefined();
    expect(fromJS({ flat: 1 }) as ObjectValue).toBeInstanceOf(ObjectValue);
    expect((fromJS({ flat: 1 }) as ObjectValue).rawArray('flat')).toBeUndefined();
  });

  it('settles a value so that nothing is left to convert, failing on input deeper than the stack', () => {
    const view = fromJS({ a: { b: { c: [1] } } }) as ObjectValue;
    settle(view);
    expect(toJS(view)).toEqual({ a: { b: { c: [1] } } });
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    expect(() => settle(fromJS(deep))).toThrow(RangeError);
  });

  it('converts objects with index-like keys, undefined or non-finite values the usual way', () => {
    expect(toJS(fromJS({ a: { b: 1 } }))).toEqual({ a: { b: 1 } });
    expect((fromJS({ '1': 'x', b: 2 }) as ObjectValue).keys()).toEqual(['1', 'b']);
    expect(toJS(fromJS({ a: undefined, b: 1 }))).toEqual({ b: 1 });
    expect((fromJS({ big: 12345678901234567890n }) as ObjectValue).get('big')).toBe(12345678901234567890n);
  });
});
