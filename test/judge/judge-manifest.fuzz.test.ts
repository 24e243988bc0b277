// The whole judgement of one manifest (load, validate, build the input, evaluate the built-in
// rules, locate findings) answers any bytes with findings or located problems, never an exception.
import fc from '../fast-check.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';
import { POLICY_INPUT_SCHEMA } from '../../src/input/policy-input-schema.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const files = readPolicyFiles([ROOT + 'policies'], { tests: false, data: true, cwd: ROOT });
const created = createRegoEngine({ sources: files.modules, data: files.data, inputSchema: POLICY_INPUT_SCHEMA });
if (!created.ok) throw new Error('the built-in policies must compile');
const engine = created.value;

const SEEDS = readdirSync(ROOT + 'examples', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('routewise.yaml'))
  .map((f) => readFileSync(ROOT + 'examples/' + f, 'utf8'));

const PIECES = ['\n', '  ', '- ', ': ', 'id: x', 'to: nowhere', 'regulated: true', 'category: health', '{', '[', '"', "'", '&a', '*a', '<<: *a', '#', '\t', '1e400', '-1', 'null', '~', '---', '|', '>'];

/** A valid example with a few edits: cut a span, insert a piece, or repeat a span. */
const edited = fc
  .record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    edits: fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 20 }), kind: fc.nat({ max: 2 }), piece: fc.constantFrom(...PIECES) }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ seed, edits }) => {
    let s = SEEDS[seed]!;
    for (const e of edits) {
      const at = e.at % (s.length + 1);
      if (e.kind === 0) s = s.slice(0, at) + s.slice(at + e.len);
      else if (e.kind === 1) s = s.slice(0, at) + e.piece + s.slice(at);
      else s = s.slice(0, at) + s.slice(at, at + e.len) + s.slice(at);
    }
    return new TextEncoder().encode(s);
  });

function judged(bytes: Uint8Array): 'findings' | 'problems' {
  const out = judgeManifest('m/routewise.yaml', bytes, { engine, today: '2026-11-27' });
  for (const p of out.problems) {
    expect(p.code.length).toBeGreaterThan(0);
    expect(p.message.length).toBeGreaterThan(0);
    if (p.position) expect(p.position.line).toBeGreaterThanOrEqual(1);
  }
  for (const f of out.findings) expect(f.id).toMatch(/^[A-Z]+-[A-Z0-9]+-\d+$/);
  return out.problems.length > 0 ? 'problems' : 'findings';
}

describe('judging a manifest', () => {
  it('answers edited examples with findings or located problems', () => {
    expect(SEEDS.length).toBeGreaterThan(5);
    const seen = new Set<string>();
    fc.assert(
      fc.property(edited, (bytes) => {
        seen.add(judged(bytes));
      }),
      { numRuns: 250 },
    );
    // Both kinds of outcome were reached, so the edits test more than the loader's first check.
    expect([...seen].sort()).toEqual(['findings', 'problems']);
  });

  it('answers arbitrary bytes with problems', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        judged(bytes);
      }),
      { numRuns: 200 },
    );
  });
});
