// A JSON manifest read with JSON.parse gives exactly what reading it as YAML gives: the same
// data, the same problems, the same positions.
import fc from '../fast-check.ts';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import type { DocumentPath, LoadedDocument } from '../../src/load/loaded-document.ts';
import { plainJsonData } from '../../src/load/plain-json.ts';
import type { SourcePosition } from '../../src/problems/problem.ts';

const encode = (text: string) => new TextEncoder().encode(text);

function pathsOf(value: unknown, path: DocumentPath = []): DocumentPath[] {
  const out: DocumentPath[] = [path, [...path, 'no-such-key'], [...path, 99]];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...pathsOf(item, [...path, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...path, key]));
  }
  return out;
}

/** The result without the file name, which differs between the two readings. */
function outcome(result: ReturnType<typeof loadDocument>) {
  const at = (position: SourcePosition | undefined) => [position?.line, position?.column];
  if (!result.ok) return { problems: result.problems.map((p) => ({ ...p, position: at(p.position) })) };
  const doc: LoadedDocument = result.value;
  return { data: doc.data, positions: pathsOf(doc.data).map((p) => [p, at(doc.positionOf(p)), at(doc.valuePositionOf(p))]) };
}

/** JSON text that JSON.parse accepts must load as it would through the YAML parser. */
function expectSameAsYaml(text: string): void {
  JSON.parse(text);
  const json = outcome(loadDocument('m.json', encode(text)));
  // Under a .yaml name the same text goes straight to the YAML parser.
  const yaml = outcome(loadDocument('m.yaml', encode(text)));
  expect(json, text).toEqual(yaml);
  expect(JSON.stringify(json), text).toBe(JSON.stringify(yaml));
}

describe('JSON manifests', () => {
  it.each([
    ['nested objects and lists', '{\n  "a": {"b": [1, -0, 2.5, true, null, "x"]},\n  "c": []\n}\n'],
    ['escapes', '{"a": "\\u00e9\\n\\"q\\" \\\\ \\/ \\ud83d\\ude00"}'],
    ['Windows line ends', '{\r\n  "a": 1\r\n}\r\n'],
    ['exponents', '{"a": 1e3, "b": 1E-3, "c": 1e-400}'],
  ])('reads %s with JSON.parse', (_name, text) => {
    expect(plainJsonData(text, JSON.parse(text))).toBeDefined();
    expectSameAsYaml(text);
  });

  it.each([
    ['a key written twice', '{"a": 1, "b": {"c": 2}, "a": 3}'],
    ['a key written twice with different escapes', '{"a": 1, "\\u0061": 2}'],
    ['an integer too large to be exact', '{"a": 123456789012345678901}'],
    ['a number too large to be finite', '{"a": 1e999}'],
    ['tabs between tokens', '{\n\t"a": 1\n}'],
    ['a list at the top', '[1, 2]'],
    ['a __proto__ key', '{"__proto__": {"x": 1}}'],
  ])('leaves %s to the YAML parser', (_name, text) => {
    expect(plainJsonData(text, JSON.parse(text))).toBeUndefined();
    expectSameAsYaml(text);
  });

  it('agrees with the YAML parser on generated JSON', () => {
    let taken = 0;
    const key = fc.oneof(fc.constantFrom('a', 'b', 'id', '__proto__', ''), fc.string({ maxLength: 4 }));
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(1e21, 2 ** 53, -0, 0.1));
    const layout = fc.constantFrom(undefined, 2, 4);
    const entries = fc.array(fc.tuple(key, value), { maxLength: 5 });
    fc.assert(
      fc.property(entries, layout, (pairs, indent) => {
        // Written by hand so that a key can repeat, which JSON.stringify would not allow.
        const pad = indent === undefined ? '' : `\n${' '.repeat(indent)}`;
        const text = `{${pairs.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${JSON.stringify(v, null, indent)}`).join(',')}${indent === undefined ? '' : '\n'}}`;
        if (plainJsonData(text, JSON.parse(text)) !== undefined) taken++;
        expectSameAsYaml(text);
      }),
      { numRuns: 500 },
    );
    // Most generated objects are plain; a reading that took none would prove nothing. Eight seeds
    // took 146-187 of 500, so the floor sits far below chance.
    expect(taken).toBeGreaterThan(75);
  });
});
