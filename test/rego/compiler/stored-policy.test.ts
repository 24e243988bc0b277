// A compiled policy stored with v8.serialize and read back must evaluate exactly as the policy it
// was made from: constants of every kind (objects, sets, exact decimals, big integers), builtin
// calls, user functions, `with`, `else`, `every` and comprehensions, and errors at the same places.
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compile, prepare, restoreCompiled, storeCompiled, toJS, type CompiledPolicy, type PreparedQuery } from '../../../src/rego/index.ts';

const POLICY = `package t
import rego.v1

# METADATA
# title: Big numbers
# custom:
#   id: T-1
limits := {"eu": {"de", "fr"}, "us": {"va"}}
tiny := 0.1234567890123456789012
huge := 123456789012345678901234567890
pairs := [[k, v] | some k, v in {"a": 1, "b": 2}]

double(x) := y if y := x * 2

tier(n) := "high" if n > 10
else := "low"

allowed contains r if {
  some r in input.regions
  some bloc, members in limits
  r in members
  startswith(bloc, "e")
}

all_small if every n in input.numbers { n < 100 }

mocked := n if n := count(allowed) with input.regions as ["de", "fr", "va"]

deny contains msg if {
  some n in input.numbers
  double(n) > 50
  msg := sprintf("%d is too big (%s)", [n, tier(n)])
}

boom := 1 / input.zero
`;

const QUERY = 'a := data.t.allowed; s := data.t.all_small; m := data.t.mocked; d := data.t.deny; l := data.t.limits; x := [data.t.tiny, data.t.huge, data.t.pairs]';

function compiled(): { policy: CompiledPolicy; query: PreparedQuery } {
  const c = compile([{ file: 'policies/t.rego', text: POLICY }]);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  const p = prepare(c.policy, QUERY);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return { policy: c.policy, query: p.query };
}

function roundTrip(rename: (file: string) => string = (f) => f): { policy: CompiledPolicy; query: PreparedQuery } {
  const fresh = compiled();
  const stored = deserialize(serialize(storeCompiled(fresh.policy, [fresh.query])));
  const restored = restoreCompiled(stored, rename);
  if (!restored) throw new Error('not restored');
  return { policy: restored.policy, query: restored.queries[0]! };
}

const INPUTS = [
  { regions: ['de', 'va', 'xx'], numbers: [1, 30, 99] },
  { regions: [], numbers: [100] },
  { regions: ['fr'], numbers: [] },
];

function results(query: PreparedQuery, input: unknown): unknown {
  const r = query.evaluate({ input });
  return r.ok ? r.results.map((row) => Object.fromEntries(Object.entries(row.bindings).map(([k, v]) => [k, toJS(v)]))) : r.errors;
}

describe('a stored compiled policy', () => {
  it('evaluates every input exactly as the policy it was stored from', () => {
    const restored = roundTrip();
    const fresh = compiled();
    for (const input of INPUTS) expect(results(restored.query, input)).toEqual(results(fresh.query, input));
    expect(results(restored.query, INPUTS[0])).toMatchObject([{ a: ['de'], s: true, m: 2, d: ['30 is too big (high)', '99 is too big (high)'] }]);
  });

  it('keeps the packages, rule names and METADATA, and answers new queries', () => {
    const { policy } = roundTrip();
    const fresh = compiled().policy;
    expect(policy.packages()).toEqual(['t']);
    expect(policy.ruleNames('t')).toEqual(fresh.ruleNames('t'));
    expect(policy.annotations().map((a) => [a.path, a.annotations.title, a.annotations.custom])).toEqual([['data.t.limits', 'Big numbers', { id: 'T-1' }]]);
    const p = prepare(policy, 'y := data.t.double(21); z := data.t.tier(3)');
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    expect(results(p.query, {})).toEqual([{ y: 42, z: 'low' }]);
  });

  it('reports a policy error at the renamed file', () => {
    const { policy } = roundTrip((f) => `elsewhere/${f}`);
    const p = prepare(policy, 'data.t.boom');
    if (!p.ok) throw new Error('prepare failed');
    const r = p.query.evaluate({ input: { zero: 0 }, strictBuiltinErrors: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.location?.file).toBe('elsewhere/policies/t.rego');
  });

  it('is refused when a builtin it calls is missing from the registry of the reading run', () => {
    const fresh = compiled();
    const stored = deserialize(serialize(storeCompiled(fresh.policy, [fresh.query])));
    expect(restoreCompiled(stored, (f) => f, new Map())).toBeUndefined();
  });
});
