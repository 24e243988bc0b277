// The compiler answers any policy with a compiled policy or error values, never an exception:
// mutated copies of the built-in rules go through every check, the policy input schema's included.
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPolicyFiles } from '../../../src/policy/policy-files.ts';
import { POLICY_INPUT_SCHEMA } from '../../../src/input/policy-input-schema.ts';
import { compile } from '../../../src/rego/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SEEDS = readPolicyFiles([ROOT + 'policies'], { tests: false, data: false, cwd: ROOT }).modules;

const TOKENS = [
  'input.', 'input.workloads[_]', '.volme', '.volume', '.type', '[_]', '[0]', '[i]', ' == "cloud_api"', ' != 1', ' > "5"', ' in {"a"}',
  'some w in input.targets; ', 'every x in input.reaches { x.via }', 'contains(', 'count(', 'x := ', ' with input as {}', ')', '(',
  '{', '}', '[', ']', ';', '\n', 'not ', 'data.', 'w.', '"', ':=', '=',
];

const mutated = fc
  .record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    edits: fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 10 }), cut: fc.boolean(), token: fc.constantFrom(...TOKENS) }), { minLength: 1, maxLength: 5 }),
  })
  .map(({ seed, edits }) => {
    const base = SEEDS[seed]!;
    let text = base.text;
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = e.cut ? text.slice(0, at) + text.slice(at + e.len) : text.slice(0, at) + e.token + text.slice(at);
    }
    return { file: base.file, text };
  });

describe('compiler robustness', () => {
  it('compiles the seeds cleanly against the policy input schema', () => {
    expect(SEEDS.length).toBeGreaterThan(5);
    const r = compile(SEEDS, { inputSchema: POLICY_INPUT_SCHEMA });
    expect(r.ok).toBe(true);
  });

  it('answers mutated policies with a result or located errors, never an exception', () => {
    let failed = 0;
    fc.assert(
      fc.property(mutated, (m) => {
        for (const options of [{}, { inputSchema: POLICY_INPUT_SCHEMA }]) {
          const r = compile([m], options);
          if (r.ok) continue;
          failed++;
          for (const e of r.errors) {
            expect(e.code).toMatch(/^rego_/);
            expect(e.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
    // Most edits break something: the property saw errors, not only clean compiles.
    expect(failed).toBeGreaterThan(0);
  });
});
