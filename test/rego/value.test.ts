import { describe, expect, it } from 'vitest';
import { ObjectValue, SetValue, stringify, writeJson, type Value } from '../../src/rego/value.ts';

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
