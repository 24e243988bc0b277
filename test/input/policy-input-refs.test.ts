// Policies are compiled against the policy input's schema: the built-in ones read only fields it
// has, and a custom rule's misspelt field is a compile error, down into the manifest as written.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';
import { POLICY_INPUT_SCHEMA } from '../../src/input/policy-input-schema.ts';
import { compile } from '../../src/rego/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function errors(rego: string): string[] {
  const r = compile([{ file: 'org.rego', text: rego }], { inputSchema: POLICY_INPUT_SCHEMA });
  return r.ok ? [] : r.errors.map((e) => e.message);
}

describe('policies against the policy input schema', () => {
  it('the built-in policies and the worked example read only fields the input has', () => {
    const files = readPolicyFiles([ROOT + 'policies', ROOT + 'examples/custom-policies/acme'], { tests: false, data: false, cwd: ROOT });
    const r = compile(files.modules, { inputSchema: POLICY_INPUT_SCHEMA });
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
    expect(files.modules.length).toBeGreaterThan(10);
  });

  it('a misspelt field of the normalised input or of the manifest as written is an error', () => {
    expect(errors('package org\n\nwarn contains 1 if input.budget.monthlyUSD > 1')).toEqual([
      'undefined ref: input.budget.monthlyUSD (input.budget has no key "monthlyUSD"; it has capexUsd, monthlyUsd, path)',
    ]);
    expect(errors('package org\n\nwarn contains 1 if input.manifest.project.name == "x"')[0]).toMatch(/^undefined ref: input\.manifest\.project \(input\.manifest has no key "project"; it has .*metadata/);
    expect(errors('package org\n\nwarn contains 1 if input.manifest.metadata.nmae == "x"')[0]).toMatch(/^undefined ref: input\.manifest\.metadata\.nmae \(input\.manifest\.metadata has no key "nmae"; it has .*name/);
    expect(errors('package org\n\nwarn contains t.id if { some t in input.targets; t.hardware.gpu > 8 }')[0]).toMatch(/^undefined ref: t\.hardware\.gpu \(input\.targets\[_\]\.hardware has no key "gpu"; it has .*gpus/);
  });
});
