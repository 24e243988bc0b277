import { describe, expect, it } from 'vitest';
import { compile, prepare, toJS, type CompiledPolicy, type EvalOptions } from '../../../src/rego/index.ts';
import { independentNodes, keptOne } from '../../../src/rego/eval/shared-values.ts';
import type { RuleNode } from '../../../src/rego/compiler/ir.ts';

function policyOf(text: string): CompiledPolicy {
  const c = compile([{ file: 'p.rego', text }], { regoVersion: 'v1' });
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.policy;
}

function nodeAt(root: RuleNode, path: string): RuleNode {
  let n = root;
  for (const key of path.split('.')) n = n.children.get(key)!;
  return n;
}

/** Which rules of package p may keep their values between evaluations. */
function independent(text: string): string[] {
  const policy = policyOf(text);
  const marks = independentNodes(policy.root);
  const p = nodeAt(policy.root, 'p');
  return [...p.children.values()].filter((n) => marks[n.id] === 1).map((n) => n.key).sort();
}

function evaluator(policy: CompiledPolicy, query: string): (options: EvalOptions) => { ok: boolean; value?: unknown; error?: string } {
  const p = prepare(policy, query);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return (options) => {
    const out = p.query.evaluate(options);
    if (!out.ok) return { ok: false, error: out.errors[0]!.message };
    return { ok: true, value: out.results[0] ? toJS(out.results[0].bindings['x']!) : undefined };
  };
}

// An expensive table built from data alone: about 20,000 steps to compute.
const TABLE = `package p
table := {n: d | some n in numbers.range(1, data.size); d := n * 2}
doubled := table[input.n]
`;

describe('values shared between evaluations', () => {
  it('marks rules that read only data and functions of their arguments, and nothing that reads input, the clock or with', () => {
    const marks = independent(`package p
import rego.v1
limits := {k: v | some k, v in data.settings}
names := {n | some n in object.keys(limits)}
key(name) := lower(name)
fits(region) if key(region) in names
asked := input.region
asked_fits if fits(asked)
uses_input_through_function(x) := input.y[x]
caller := uses_input_through_function(1)
now := time.now_ns()
random := rand.intn("seed", 10)
printed if print("hello")
mocked if {
  key("A") with input as {}
}
base_only := data.settings.limit
`);
    expect(marks).toEqual(['base_only', 'fits', 'key', 'limits', 'names']);
  });

  it('treats a dynamic data ref as reading every rule under the node it leaves', () => {
    const c = compile(
      [
        { file: 'p.rego', text: 'package p\npick := data.q[data.which]\npure_pick := data.s[data.which]\nother := data.r[data.which]\nwhole := data.s\n' },
        { file: 'q.rego', text: 'package q\na := 1\nb := input.x\n' },
        { file: 's.rego', text: 'package s\na := 1\nb := data.limit\n' },
      ],
      { regoVersion: 'v1' },
    );
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const marks = independentNodes(c.policy.root);
    const p = nodeAt(c.policy.root, 'p');
    // data.r has no rules: a key no rule defines leads into base data.
    expect([...p.children.values()].filter((n) => marks[n.id] === 1).map((n) => n.key).sort()).toEqual(['other', 'pure_pick', 'whole']);
  });

  it('computes an input-independent rule once for many inputs over the same data', () => {
    const policy = policyOf(TABLE);
    const run = evaluator(policy, 'x := data.p.doubled');
    const data = { size: 10_000 };
    // The first evaluation shares nothing (a single check would only pay for finding what to share).
    expect(run({ input: { n: 2 }, data, maxSteps: 1_000_000 })).toEqual({ ok: true, value: 4 });
    expect(run({ input: { n: 3 }, data, maxSteps: 1_000_000 })).toEqual({ ok: true, value: 6 });
    // The table is kept: later inputs need a handful of steps, far under the table's cost.
    expect(run({ input: { n: 7 }, data, maxSteps: 100 })).toEqual({ ok: true, value: 14 });
    expect(run({ input: { n: 9_999 }, data, maxSteps: 100 })).toEqual({ ok: true, value: 19_998 });
  });

  it('computes it again for other data, even with equal contents', () => {
    const policy = policyOf(TABLE);
    const run = evaluator(policy, 'x := data.p.doubled');
    const first = { size: 10_000 };
    expect(run({ input: { n: 3 }, data: first, maxSteps: 1_000_000 }).ok).toBe(true);
    expect(run({ input: { n: 4 }, data: first, maxSteps: 1_000_000 }).ok).toBe(true);
    expect(run({ input: { n: 5 }, data: first, maxSteps: 100 }).ok).toBe(true);
    const again = run({ input: { n: 3 }, data: { size: 10_000 }, maxSteps: 100 });
    expect(again.ok).toBe(false);
    expect(again.error).toMatch(/limit|steps/i);
    expect(run({ input: { n: 2 }, data: { size: 2 }, maxSteps: 1_000_000 })).toEqual({ ok: true, value: 4 });
    expect(run({ input: { n: 5 }, data: { size: 2 }, maxSteps: 1_000_000 })).toEqual({ ok: true, value: undefined });
  });

  it('never keeps a value that reads input, directly or through a function or rule', () => {
    const policy = policyOf(`package p
scaled(n) := n * input.factor
total := scaled(data.base)
label := concat("-", [data.prefix, input.name])
`);
    const run = evaluator(policy, 'x := [data.p.total, data.p.label]');
    const data = { base: 10, prefix: 'svc' };
    expect(run({ input: { factor: 2, name: 'a' }, data })).toEqual({ ok: true, value: [20, 'svc-a'] });
    expect(run({ input: { factor: 3, name: 'b' }, data })).toEqual({ ok: true, value: [30, 'svc-b'] });
  });

  it('keeps results of data-only functions called with scalars, and gives each call its own answer', () => {
    const policy = policyOf(`package p
heavy(n) := count({m | some m in numbers.range(1, n)})
x := heavy(input.n)
`);
    const run = evaluator(policy, 'x := data.p.x');
    const data = {};
    expect(run({ input: { n: 1 }, data })).toEqual({ ok: true, value: 1 });
    expect(run({ input: { n: 5_000 }, data, maxSteps: 1_000_000 })).toEqual({ ok: true, value: 5_000 });
    expect(run({ input: { n: 5_000 }, data, maxSteps: 100 })).toEqual({ ok: true, value: 5_000 });
    expect(run({ input: { n: 6 }, data, maxSteps: 1_000 })).toEqual({ ok: true, value: 6 });
  });

  it('reads the clock in each evaluation', () => {
    const policy = policyOf('package p\nnow := time.now_ns()\n');
    const run = evaluator(policy, 'x := data.p.now');
    const data = {};
    expect(run({ data, nowNs: 1_000n })).toEqual({ ok: true, value: 1_000 });
    expect(run({ data, nowNs: 2_000n })).toEqual({ ok: true, value: 2_000 });
  });

  it('prints in each evaluation', () => {
    const policy = policyOf('package p\nshown if print("checked", data.n)\n');
    const run = evaluator(policy, 'x := data.p.shown');
    const data = { n: 1 };
    const lines: string[] = [];
    run({ data, print: (l) => lines.push(l) });
    run({ data, print: (l) => lines.push(l) });
    expect(lines).toHaveLength(2);
  });

  it('does not let a value computed under with reach later evaluations', () => {
    const policy = policyOf(`package p
limit := data.settings.limit
`);
    const withQuery = evaluator(policy, 'x := data.p.limit with data.settings.limit as 99');
    const plain = evaluator(policy, 'x := data.p.limit');
    const data = { settings: { limit: 5 } };
    expect(withQuery({ data })).toEqual({ ok: true, value: 99 });
    expect(plain({ data })).toEqual({ ok: true, value: 5 });
    expect(withQuery({ data })).toEqual({ ok: true, value: 99 });
  });

  it('keeps strict and lenient builtin errors apart', () => {
    const policy = policyOf('package p\nbad := to_number(data.text)\n');
    const run = evaluator(policy, 'x := data.p.bad');
    const data = { text: 'not a number' };
    expect(run({ data })).toEqual({ ok: true, value: undefined });
    const strict = run({ data, strictBuiltinErrors: true });
    expect(strict.ok).toBe(false);
  });
});

describe('the memo of shared function results', () => {
  it('starts over once it holds too many results, so a long run does not grow without bound', () => {
    const shared = { values: [], fnValues: [new Map([['a', 1]])], kept: 0, independent: new Uint8Array(1) };
    for (let i = 0; i < 50_000; i++) keptOne(shared);
    expect(shared.fnValues).toHaveLength(1);
    keptOne(shared);
    expect(shared.fnValues).toHaveLength(0);
    expect(shared.kept).toBe(0);
  });
});
