// The input is read in place: objects are wrapped when reached, arrays converted one element at
// a time while a policy iterates them. Every query must see exactly what it would see if the
// whole input had been converted first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, toJS, type CompiledPolicy } from '../../../src/rego/index.ts';
import { ObjectValue, type Value } from '../../../src/rego/value.ts';

/** Converts the whole of a JSON value up front, as the engine did before reading input in place. */
function eager(x: unknown): Value {
  if (Array.isArray(x)) return x.map(eager);
  if (x !== null && typeof x === 'object') {
    const o = new ObjectValue();
    for (const [k, v] of Object.entries(x)) o.set(k, eager(v));
    return o;
  }
  return x as Value;
}

const POLICY = `package p

ids contains item.id if {
  some item in input.items
  item.size > 2
}

pairs contains [i, j] if {
  some i, row in input.rows
  some j, cell in row
  cell == true
}

firsts := [x | x := input.items[_].tags[0]]
all_sized if {
  every item in input.items { is_number(item.size) }
}
counted contains n if {
  some item in input.items
  n := count(input.items)
}
second := input.items[1]
whole := input.items
nested contains v if v := input.meta.deep.list[_]
by_index contains v if {
  some i
  v := input.items[i].id
  i < 2
}
indexed := input.rows[0][1]
replaced := r if {
  r := [x | some x in input.items] with input.items as [{"id": "z"}]
}
keyed := object.keys(input.meta)
`;

function compiled(): CompiledPolicy {
  const c = compile([{ file: 'p.rego', text: POLICY }]);
  if (!c.ok) throw new Error(c.errors.map((e) => e.message).join('\n'));
  return c.policy;
}

function results(policy: CompiledPolicy, input: unknown): unknown {
  const r = evaluate(policy, 'x := data.p', { input });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.results.map((row) => toJS(row.bindings.x!));
}

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom('id', 'size', 'tags', 'deep', 'list', 'x', 'y'), tie('value'), { maxKeys: 4 }),
})).value;

const item = fc.record(
  { id: fc.string({ maxLength: 3 }), size: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.string({ maxLength: 2 })), tags: fc.array(fc.oneof(fc.string({ maxLength: 2 }), json), { maxLength: 3 }) },
  { requiredKeys: [] },
);

const inputs = fc.record(
  {
    items: fc.array(fc.oneof(item, json), { maxLength: 6 }),
    rows: fc.array(fc.array(fc.oneof(fc.boolean(), json), { maxLength: 4 }), { maxLength: 4 }),
    meta: fc.oneof(json, fc.record({ deep: fc.record({ list: fc.array(json, { maxLength: 4 }) }) })),
  },
  { requiredKeys: [] },
);

describe('input read in place', () => {
  const policy = compiled();

  it('gives every query the results of an input converted up front', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const snapshot = structuredClone(input);
        expect(results(policy, input)).toEqual(results(policy, eager(input)));
        // The caller's data is read, never changed.
        expect(input).toEqual(snapshot);
      }),
      { numRuns: 300 },
    );
  });

  it('iterates, indexes and counts input arrays', () => {
    const input = {
      items: [
        { id: 'a', size: 1, tags: ['t1'] },
        { id: 'b', size: 3, tags: ['t2', 't3'] },
        { id: 'c', size: 9, tags: [] },
      ],
      rows: [
        [false, true],
        [true, false],
      ],
      meta: { deep: { list: [1, [2, 3]] } },
    };
    const [doc] = results(policy, input) as Record<string, unknown>[];
    expect(doc).toMatchObject({
      ids: ['b', 'c'],
      pairs: [
        [0, 1],
        [1, 0],
      ],
      firsts: ['t1', 't2'],
      all_sized: true,
      counted: [3],
      second: { id: 'b', size: 3, tags: ['t2', 't3'] },
      whole: input.items,
      nested: [1, [2, 3]],
      by_index: ['a', 'b'],
      indexed: true,
      replaced: [{ id: 'z' }],
      keyed: ['deep'],
    });
  });

  it('turns input nested too deeply to convert into a limit error, not a crash', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    const c = compile([{ file: 'p.rego', text: 'package p\nr := input' }]);
    if (!c.ok) throw new Error('compile');
    const r = evaluate(c.policy, 'x := data.p.r', { input: deep });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('eval_limit_error');
  });
});
