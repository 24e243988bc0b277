import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObjectValue, SetValue, compare, equals, fromJS, keyOf, stringify, toJS, writeJson, type Value } from '../../src/rego/value.ts';

const doc = (): Value =>
  ObjectValue.from([
    ['b', SetValue.from([2, 1])],
    [[1], 'x'],
    ['a', [12345678901234567890n, 1.5, null, true]],
  ]);

describe('JSON text of values', () => {
  it('prints big integers exactly, sets as sorted arrays and non-string keys as their JSON text', () => {
    // Keys keep value order (strings before arrays), not the order of their text.
    expect(stringify(doc())).toBe('{"a":[12345678901234567890,1.5,null,true],"b":[1,2],"[1]":"x"}');
  });

  it('indents each nesting level when asked', () => {
    expect(stringify(['a', []], 2)).toBe('[\n  "a",\n  []\n]');
    expect(stringify(['a'], 0)).toBe('["a"]');
  });

  it('writes with the given quoting, member order, indent and line prefix', () => {
    const text = writeJson(ObjectValue.from([['a', 1], ['b', ['<']]]), {
      quote: (s) => `'${s}'`,
      entries: (o) => [...o.entries()].map(([k, v]) => [String(k), v] as const).reverse(),
      indent: '\t',
      prefix: '>',
    });
    expect(text).toBe("{\n>\t'b': [\n>\t\t'<'\n>\t],\n>\t'a': 1\n>}");
  });
});

describe('objects', () => {
  const KEYS: Value[] = ['a', 'b', '', '1', '10', '0x', '-1', '__proto__', 'toString', 'constructor', '\0s', '\0i1', 1, 1.0, 2.5, 10n, null, true, [1], ['a']];
  const VALUES: Value[] = [0, 'v', null, false, [1, 2], SetValue.from([1])];

  /** What an object must behave as: one entry per key up to Rego equality, in insertion order. */
  class ModelObject {
    readonly entries = new Map<string, [Value, Value]>();
    set(k: Value, v: Value): void {
      this.entries.set(keyOf(k), [k, v]);
    }
    delete(k: Value): void {
      this.entries.delete(keyOf(k));
    }
  }

  const op = fc.record({ del: fc.boolean(), k: fc.constantFrom(...KEYS), v: fc.constantFrom(...VALUES) });

  it('keep one entry per key in insertion order through any sequence of sets and deletes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const o = new ObjectValue();
        const model = new ModelObject();
        for (const { del, k, v } of ops) {
          if (del) {
            o.delete(k);
            model.delete(k);
          } else {
            o.set(k, v);
            model.set(k, v);
          }
        }
        const expected = [...model.entries.values()];
        expect([...o.entries()]).toEqual(expected);
        expect(o.keys()).toEqual(expected.map((e) => e[0]));
        expect(o.values()).toEqual(expected.map((e) => e[1]));
        expect(o.size).toBe(expected.length);
        for (const k of KEYS) {
          expect(o.has(k)).toBe(model.entries.has(keyOf(k)));
          expect(o.get(k)).toBe(model.entries.get(keyOf(k))?.[1]);
        }
        const sorted = [...expected].sort((x, y) => compare(x[0], y[0]));
        expect(o.sortedEntries()).toEqual(sorted);
        expect(o.clone().sortedEntries()).toEqual(sorted);
        expect(equals(o, ObjectValue.from([...expected].reverse()))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('treat keys named like Object.prototype members as ordinary entries', () => {
    const o = fromJS(JSON.parse('{"__proto__": 1, "constructor": 2}')) as ObjectValue;
    expect(o.size).toBe(2);
    expect(o.get('__proto__')).toBe(1);
    expect(o.get('toString')).toBeUndefined();
    expect(o.has('hasOwnProperty')).toBe(false);
    expect(stringify(o)).toBe('{"__proto__":1,"constructor":2}');
  });

  it('tell the string "1" from the number 1', () => {
    const o = ObjectValue.from([['1', 'string'], [1, 'number']]);
    expect(o.get('1')).toBe('string');
    expect(o.get(1.0)).toBe('number');
    expect(o.size).toBe(2);
  });

  it('stay unchanged when a clone is changed, and drop cached orderings when changed themselves', () => {
    const o = ObjectValue.from([['b', 1], ['a', 2]]);
    expect(stringify(o)).toBe('{"a":2,"b":1}');
    const c = o.clone();
    c.set('c', 3);
    c.delete('a');
    expect(stringify(o)).toBe('{"a":2,"b":1}');
    expect(stringify(c)).toBe('{"b":1,"c":3}');
    o.set(0, 'zero');
    expect(keyOf(o)).toBe(keyOf(ObjectValue.from([[0, 'zero'], ['a', 2], ['b', 1]])));
  });

  it('come from plain JS objects with their members in JS order, without undefined members', () => {
    const o = fromJS({ b: 1, 2: 'two', a: undefined, c: { d: [1n] } }) as ObjectValue;
    expect(o.keys()).toEqual(['2', 'b', 'c']);
    expect(toJS(o)).toEqual({ 2: 'two', b: 1, c: { d: [1] } });
  });
});
