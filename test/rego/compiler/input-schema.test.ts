import { describe, expect, it } from 'vitest';
import { compile, type SchemaNode } from '../../../src/rego/index.ts';

const manifest: SchemaNode = {
  $id: 'https://example.test/manifest.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { const: 'RoutewiseManifest' },
    project: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } },
  },
};

const schema: SchemaNode = {
  $id: 'https://example.test/input.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    manifest: { $ref: 'https://example.test/manifest.json' },
    workloads: { type: 'array', items: { $ref: '#/$defs/workload' } },
    today: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    budget: { type: ['object', 'null'], additionalProperties: false, properties: { monthlyUsd: { type: 'number' } } },
  },
  $defs: {
    workload: {
      type: 'object',
      additionalProperties: false,
      properties: { id: { type: 'string' }, volume: { type: 'object', additionalProperties: false, properties: { tokensPerMonth: { type: 'number' } } } },
    },
  },
};

function check(rules: string): string[] {
  const r = compile([{ file: 'p.rego', text: `package p\n\n${rules}\n` }], { inputSchema: { root: schema, documents: [manifest] } });
  return r.ok ? [] : r.errors.map((e) => `${e.location?.row}:${e.location?.col}: ${e.code}: ${e.message}`);
}

describe('refs into the input checked against its schema', () => {
  it('accept every path the schema has', () => {
    expect(
      check(`deny contains w.id if {
  some w in input.workloads
  w.volume.tokensPerMonth > input.budget.monthlyUsd
  input.labels.anything == input.today
  input.manifest.project.name != ""
}`),
    ).toEqual([]);
  });

  it('reject a misspelt key, naming the keys that exist there', () => {
    expect(check('deny contains 1 if input.budget.monthlyUSD > 1')).toEqual([
      '3:20: rego_type_error: undefined ref: input.budget.monthlyUSD (input.budget has no key "monthlyUSD"; it has monthlyUsd)',
    ]);
    expect(check('deny contains 1 if input.manifest.project.nmae')).toEqual([
      '3:20: rego_type_error: undefined ref: input.manifest.project.nmae (input.manifest.project has no key "nmae"; it has name)',
    ]);
  });

  it('follow locals bound to parts of the input', () => {
    expect(check('deny contains w.id if { some w in input.workloads; w.volume.tokens > 1 }')).toEqual([
      '3:52: rego_type_error: undefined ref: w.volume.tokens (input.workloads[_].volume has no key "tokens"; it has tokensPerMonth)',
    ]);
    expect(check('deny contains x.id if { x := input.workloads[_]; x.volum }')).toEqual([
      '3:50: rego_type_error: undefined ref: x.volum (input.workloads[_] has no key "volum"; it has id, volume)',
    ]);
    expect(check('deny contains 1 if { every w in input.workloads { w.oops } }')).toEqual([
      '3:51: rego_type_error: undefined ref: w.oops (input.workloads[_] has no key "oops"; it has id, volume)',
    ]);
    expect(check('n := count([w | some w in input.workloads; w.bad])')).toEqual([
      '3:44: rego_type_error: undefined ref: w.bad (input.workloads[_] has no key "bad"; it has id, volume)',
    ]);
    expect(check('deny contains 1 if { some i; input.workloads[i].vol }')).toEqual([
      '3:30: rego_type_error: undefined ref: input.workloads[i].vol (input.workloads[_] has no key "vol"; it has id, volume)',
    ]);
  });

  it('reject keys on arrays and scalars', () => {
    expect(check('deny contains 1 if input.workloads.id')).toEqual([
      '3:20: rego_type_error: undefined ref: input.workloads.id (input.workloads is an array: index it with a number, or iterate it with [_])',
    ]);
    expect(check('deny contains 1 if input.today.year')).toEqual(['3:20: rego_type_error: undefined ref: input.today.year (input.today is a string, which has no keys)']);
  });

  it('leave alone what the schema leaves open, and what it cannot see', () => {
    expect(check('deny contains 1 if input.labels.team == "a"')).toEqual([]);
    expect(check('f(w) := w.anything\n\ndeny contains 1 if f(input.workloads[0])')).toEqual([]);
    expect(check('deny contains 1 if { x := {"a": 1}; x.b }')).toEqual([]);
    expect(check('deny contains 1 if data.p.q.r\n\nq := {}')).toEqual([]);
  });

  it('reject comparisons with literals the value can never equal', () => {
    expect(check('deny contains 1 if { some w in input.workloads; w.kind == "batch" }')).toEqual([
      '3:49: rego_type_error: undefined ref: w.kind (input.workloads[_] has no key "kind"; it has id, volume)',
    ]);
    expect(check('deny contains 1 if input.workloads[_].id == 7')).toEqual([
      '3:20: rego_type_error: input.workloads[_].id == 7 never holds: input.workloads[_].id is a string',
    ]);
    expect(check('deny contains 1 if { x := input.manifest.kind; x != "Manifest" }')).toEqual([
      '3:48: rego_type_error: x != "Manifest" always holds: input.manifest.kind is one of "RoutewiseManifest"',
    ]);
    expect(check('deny contains 1 if { some w in input.workloads; w.volume.tokensPerMonth > "5" }')).toEqual([
      '3:49: rego_type_error: w.volume.tokensPerMonth > "5" compares values of different types: input.workloads[_].volume.tokensPerMonth is a number',
    ]);
    expect(check('deny contains 1 if input.manifest.kind in {"RoutewiseManifest", "Other"}')).toEqual([
      '3:20: rego_type_error: "Other" can never be input.manifest.kind: input.manifest.kind is one of "RoutewiseManifest"',
    ]);
    // Comparisons that can go either way are left alone.
    expect(check('deny contains 1 if { some w in input.workloads; w.volume.tokensPerMonth > 5.5; w.id == "a"; input.budget == null }')).toEqual([]);
  });

  it('reject builtin calls on parts of the input of a type the builtin does not take', () => {
    expect(check('deny contains 1 if { some w in input.workloads; contains(w.volume, "x") }')).toEqual([
      '3:49: rego_type_error: contains: operand 1 must be string but got object (w.volume is input.workloads[_].volume in the policy input)',
    ]);
    expect(check('deny contains 1 if { some w in input.workloads; startswith(w.id, 5) }')).toEqual(['3:49: rego_type_error: startswith: operand 2 must be string but got number']);
    expect(check('deny contains 1 if { some w in input.workloads; count(w.volume.tokensPerMonth) > 1 }')).toEqual([
      '3:49: rego_type_error: count: operand 1 must be one of {array, object, set, string} but got number (w.volume.tokensPerMonth is input.workloads[_].volume.tokensPerMonth in the policy input)',
    ]);
    // A string has a count: types that fit pass.
    expect(check('deny contains 1 if count(input.today) > 1')).toEqual([]);
    // Types the schema leaves open (a union, or no schema at all) are left to run time.
    expect(check('deny contains 1 if { some w in input.workloads; upper(input.budget) == w.id; startswith(input.labels.x, "a") }')).toEqual([]);
  });

  it('leave alone rules that declare an input schema of their own in METADATA', () => {
    expect(check('# METADATA\n# schemas:\n#   - input: schema.other\ndeny contains 1 if input.nope\n\nwarn contains 1 if input.nope')).toEqual([
      '8:20: rego_type_error: undefined ref: input.nope (input has no key "nope"; it has budget, labels, manifest, today, workloads)',
    ]);
    const r = compile([{ file: 'p.rego', text: '# METADATA\n# scope: package\n# schemas:\n#   - input: schema.other\npackage p\n\ndeny contains 1 if input.nope\n' }], {
      inputSchema: { root: schema, documents: [manifest] },
    });
    expect(r.ok).toBe(true);
  });

  it('skip the modules it is told to trust', () => {
    const rego = 'package p\n\ndeny contains 1 if input.nope';
    const r = compile([{ file: 'trusted.rego', text: rego }], { inputSchema: { root: schema, documents: [manifest], trusted: new Set(['trusted.rego']) } });
    expect(r.ok).toBe(true);
  });

  it('check nothing without a schema', () => {
    const r = compile([{ file: 'p.rego', text: 'package p\n\ndeny contains 1 if input.nope' }]);
    expect(r.ok).toBe(true);
  });
});
