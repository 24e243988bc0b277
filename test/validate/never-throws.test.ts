// Whatever bytes arrive, loading and validating produce a manifest or problems, never an exception.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from '../fast-check.ts';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildPolicyInput } from '../../src/input/build.ts';
import { loadDocument } from '../../src/load/load-document.ts';
import type { Problem } from '../../src/problems/problem.ts';
import { validateManifest } from '../../src/validate/validate-manifest.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'manifests');
const good = readFileSync(join(fixtures, 'hybrid-claims.yaml'), 'utf8');

function expectWellFormed(problems: Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.code).toMatch(/^[a-z0-9-]+$/);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.position?.line).toBeGreaterThanOrEqual(1);
    expect(problem.position?.column).toBeGreaterThanOrEqual(1);
  }
}

/** Runs the whole pipeline; every outcome must be data. */
function pipeline(file: string, bytes: Uint8Array): void {
  const doc = loadDocument(file, bytes);
  if (!doc.ok) return expectWellFormed(doc.problems);
  const manifest = validateManifest(doc.value);
  if (!manifest.ok) return expectWellFormed(manifest.problems);
  buildPolicyInput(manifest.value, { today: '2026-11-27', knownRuleIds: [] });
}

const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', ' ', '  ', '- ', ': ', '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '---\n', '"', "'", '#', '|', '>', '\t', '? '),
      fc.constantFrom('apiVersion', 'kind', 'metadata', 'dataClasses', 'id', 'to', 'routing', 'default', 'true', '1e9', '2027-02-30'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** The good manifest with one value replaced, added or removed somewhere. */
const mutatedManifest = fc
  .tuple(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('replace', 'remove', 'add'))
  .map(([pick, keyPick, value, action]) => {
    const data = JSON.parse(JSON.stringify(loadOk(good).data)) as unknown;
    const containers: Record<string | number, unknown>[] = [];
    const collect = (node: unknown) => {
      if (node && typeof node === 'object') {
        containers.push(node as Record<string | number, unknown>);
        Object.values(node).forEach(collect);
      }
    };
    collect(data);
    const target = containers[pick % containers.length]!;
    const keys = Object.keys(target);
    const key = keys.length > 0 ? keys[keyPick % keys.length]! : 'extra';
    if (action === 'remove') delete target[key];
    else if (action === 'add') target[Array.isArray(target) ? target.length : `${key}x`] = value;
    else target[key] = value;
    return data;
  });

function loadOk(text: string) {
  const doc = loadDocument('routewise.yaml', new TextEncoder().encode(text));
  if (!doc.ok) throw new Error('fixture does not load');
  return doc.value;
}

describe('the manifest pipeline', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => pipeline('routewise.yaml', bytes)), { numRuns: 500 });
  });

  it('never throws on arbitrary text, as YAML or as JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean(), (text, json) =>
        pipeline(json ? 'routewise.json' : 'routewise.yaml', new TextEncoder().encode(text)),
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on YAML-like fragments', () => {
    fc.assert(fc.property(yamlish, (text) => pipeline('routewise.yaml', new TextEncoder().encode(text))), { numRuns: 1000 });
  });

  it('never throws on manifests with one value changed', () => {
    fc.assert(
      fc.property(mutatedManifest, fc.boolean(), (data, asJson) => {
        const text = asJson ? JSON.stringify(data, null, 2) : stringify(data);
        pipeline(asJson ? 'routewise.json' : 'routewise.yaml', new TextEncoder().encode(text));
      }),
      { numRuns: 150 },
    );
  });
});
