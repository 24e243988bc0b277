// Whatever valid manifest routewise is given, the input it builds matches the policy input
// schema, which the compiler trusts when it rejects refs and comparisons: valid manifests made by
// deleting parts of the examples and changing their values must all build schema-valid inputs.
import fc from '../fast-check.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { buildPolicyInput } from '../../src/input/build.ts';
import { loadDocument } from '../../src/load/load-document.ts';
import { validateManifest } from '../../src/validate/validate-manifest.ts';

const root = join(import.meta.dirname, '..', '..');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, path), 'utf8'));
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
ajvFormats.default(ajv, ['date']);
ajv.addSchema(readJson('schemas/manifest.v1.schema.json'));
const validateInput = ajv.compile(readJson('schemas/policy-input.v1.schema.json'));

const seeds = [...globSync('examples/**/routewise.yaml', { cwd: root }), ...globSync('test/fixtures/manifests/**/*.yaml', { cwd: root })]
  .sort()
  .flatMap((file) => {
    const loaded = loadDocument(file, readFileSync(join(root, file)));
    return loaded.ok && validateManifest(loaded.value).ok ? [loaded.value.data] : [];
  });

type Edit = { path: number[]; kind: 'delete' | 'tweak'; n: number };

/** Applies one edit at a node picked by walking the document with the path's numbers. */
function apply(doc: unknown, edit: Edit): void {
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node = doc;
  for (const step of edit.path) {
    if (node === null || typeof node !== 'object') break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown> | unknown[];
    key = keys[step % keys.length]!;
    node = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === undefined || key === undefined) return;
  if (edit.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (typeof node === 'number' || typeof node === 'boolean') {
    // Values keep their type, so more edited manifests stay valid.
    (parent as Record<string | number, unknown>)[key] = typeof node === 'number' ? edit.n : !node;
  }
}

const edits = fc.array(
  fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), kind: fc.constantFrom<Edit['kind']>('delete', 'tweak'), n: fc.integer({ min: 0, max: 5000 }) }),
  { minLength: 1, maxLength: 2 },
);

describe('inputs built from any valid manifest', () => {
  it('match the policy input schema', () => {
    expect(seeds.length).toBeGreaterThan(5);
    let valid = 0;
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), edits, (seed, list) => {
        const doc = structuredClone(seeds[seed]);
        for (const e of list) apply(doc, e);
        const loaded = loadDocument('m/routewise.json', new TextEncoder().encode(JSON.stringify(doc)));
        if (!loaded.ok) return;
        const manifest = validateManifest(loaded.value);
        if (!manifest.ok) return;
        valid++;
        const input = buildPolicyInput(manifest.value, { today: '2026-11-27', knownRuleIds: ['RW-DATA-001'] });
        const ok = validateInput(input);
        expect(ok ? [] : validateInput.errors).toEqual([]);
      }),
      { numRuns: 400 },
    );
    // Enough edits keep the manifest valid for the property to say something.
    expect(valid).toBeGreaterThan(100);
  });
});
