import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../src/rego/simple-yaml.ts';

/** What the full parser makes of a block, as METADATA reads it; undefined when it reports errors. */
function fullParse(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
}

/** The simple reader must either decline a block or read it exactly as the full parser does. */
function expectAgreement(text: string): boolean {
  const simple = parseSimpleYaml(text);
  if (simple === undefined) return false;
  expect(fullParse(text), JSON.stringify(text)).toStrictEqual(simple);
  return true;
}

const KEYS = ['title', 'description', 'custom', 'id', 'severity', 'a', 'x-y', 'k_1', 'true', 'Null', 'yes', '__proto__', '1a', 'a b', 'a:b', '<<', '?x', '-a', '"q"'];
const SCALARS = [
  'Regulated data stays in region',
  'RW-DATA-001',
  'error',
  'yes',
  'no',
  'on',
  'true',
  'False',
  'null',
  'NULL',
  'nan',
  'inf',
  'a: b',
  'a:b',
  'a :b',
  'a:',
  'a #b',
  'a#b',
  'C# and F#',
  'a, b [c] {d}',
  'costs $50,000 to $300,000 (servers)',
  'use `team.mlopsEngineers`',
  'one. two',
  'x -- y',
  'x --- y',
  'x ... y',
  'x & y * z ! w | v > u',
  'x % y @ z',
  'é ü ß 中文',
  '"quoted"',
  '"with: colon # and hash"',
  '"esc \\" aped"',
  '"back\\\\slash"',
  '"unclosed',
  '""',
  "'single'",
  "'it''s'",
  "''",
  "'a' b",
  '"a" b',
  '~',
  '1',
  '0x1F',
  '0o17',
  '1e3',
  '.inf',
  '-1',
  '+1',
  '.5',
  '[1, 2]',
  '{a: 1}',
  '- item',
  '&anchor x',
  '*alias',
  '!!str x',
  '!tag x',
  '%x',
  '@x',
  '`x`',
  '>',
  '>-',
  '|',
  '|-',
  '>+',
  '>2',
  '>- # comment',
  '|-  ',
  'tab\there',
  'trailing ',
  'Ab',
  'A',
];

const GOOD_KEYS = ['title', 'description', 'custom', 'id', 'severity', 'remediation', 'guidance', 'owner', 'a', 'b', 'x-y', 'k_1'];
const GOOD_SCALARS = ['Regulated data stays in region', 'RW-DATA-001', 'error', 'a, b [c] {d}', 'costs $50,000 (servers)', '"with: colon # and hash"', "'single'", 'é ü'];
const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...GOOD_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });
const scalarValue = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...GOOD_SCALARS) }, { weight: 1, arbitrary: fc.constantFrom(...SCALARS) });
const text = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('Route this data class', '`when.dataClasses` placed: before # x', "it's \"quoted\"") },
  { weight: 1, arbitrary: fc.constantFrom(...SCALARS, '  indented more', '') },
);

/** An entry of a METADATA-shaped mapping with scalar values, as lines relative to its indentation. */
const leafEntry: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(key, scalarValue).map(([k, v]) => [`${k}: ${v}`]) },
  { weight: 1, arbitrary: key.map((k) => [`${k}:`]) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(key, fc.constantFrom('>-', '>', '|', '|-', '>+'), fc.integer({ min: 1, max: 3 }), fc.array(text, { minLength: 1, maxLength: 3 }))
      .map(([k, header, by, body]) => [`${k}: ${header}`, ...body.map((b) => ' '.repeat(by) + b)]),
  },
);

/** An entry opening a more indented mapping of the given entries. */
const mappingEntry = (inner: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> =>
  fc
    .tuple(key, fc.integer({ min: 1, max: 3 }), fc.array(inner, { minLength: 1, maxLength: 3 }))
    .map(([k, by, children]) => [`${k}:`, ...children.flat().map((l) => ' '.repeat(by) + l)]);

const entry = fc.oneof(
  { weight: 4, arbitrary: leafEntry },
  { weight: 2, arbitrary: mappingEntry(leafEntry) },
  { weight: 1, arbitrary: mappingEntry(fc.oneof(leafEntry, mappingEntry(leafEntry))) },
);

/** Blocks in the shapes policies write, some with one line slipped: replaced, inserted or shifted. */
const block = fc
  .tuple(
    fc.nat(2),
    fc.array(entry, { minLength: 1, maxLength: 4 }),
    fc.option(fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'shift'), fc.constantFrom('', ' ', '#', ' # c', '---', '- a', '? a', 'a:  b', '\t', 'x: y\t', ...SCALARS)), { freq: 2 }),
  )
  .map(([indent, entries, slip]) => {
    const lines = entries.flat().map((l) => ' '.repeat(indent) + l);
    if (slip !== null) {
      const [at, how, junk] = slip;
      const i = at % lines.length;
      if (how === 'replace') lines[i] = junk;
      else if (how === 'insert') lines.splice(i, 0, junk);
      else lines[i] = ' ' + lines[i];
    }
    return lines.join('\n');
  });

describe('the simple METADATA YAML reader', () => {
  it('reads the blocks policies write as the full parser does', () => {
    const block = [
      ' title: Regulated data must not reach cloud LLM APIs',
      ' description: >-',
      '   Medical, financial, payment-card and other regulated data sent to a third-party LLM API leaves',
      '   your control (a BAA for HIPAA, a DPA for GDPR; never for PCI DSS): keep it on models you run.',
      ' custom:',
      '   id: RW-DATA-001',
      '   severity: error',
      '   remediation: |',
      '     Route this data class to a self-hosted target,',
      '     or sign the missing agreement.',
      '   guidance: "1. Less sensitive data can go to cloud APIs, under terms that protect it."',
      '   owner:',
      ' entrypoint: true',
    ].join('\n');
    expect(parseSimpleYaml(block)).toBeUndefined();
    const withoutBoolean = block.replace('\n entrypoint: true', '');
    expect(expectAgreement(withoutBoolean)).toBe(true);
    expect(parseSimpleYaml(withoutBoolean)).toMatchObject({
      custom: { id: 'RW-DATA-001', owner: null, remediation: 'Route this data class to a self-hosted target,\nor sign the missing agreement.\n' },
    });
  });

  it('declines what it does not read: booleans, numbers, lists, flow collections, escapes, duplicates', () => {
    for (const text of [' entrypoint: true', ' n: 1', ' authors:\n - Jane', ' organizations: [acme]', ' t: "a\\tb"', ' a: x\n a: y', ' a: x\n  continued', '']) {
      expect(parseSimpleYaml(text), text).toBeUndefined();
    }
  });

  it('never disagrees with the full parser on generated blocks', () => {
    let read = 0;
    fc.assert(
      fc.property(block, (text) => {
        if (expectAgreement(text)) read++;
      }),
      { numRuns: 4000 },
    );
    // The generated blocks must exercise the reader, not only its refusals.
    expect(read).toBeGreaterThan(400);
  });

  it('reads every METADATA block of the built-in policies as the full parser does', () => {
    const root = fileURLToPath(new URL('../../policies/', import.meta.url));
    let blocks = 0;
    for (const file of globSync('**/*.rego', { cwd: root })) {
      const lines = readFileSync(root + file, 'utf8').split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (lines[i]!.trim() !== '# METADATA') continue;
        const body: string[] = [];
        while (lines[i + 1]?.startsWith('#')) body.push(lines[++i]!.slice(1));
        expect(expectAgreement(body.join('\n')), `${file}:${i}`).toBe(true);
        blocks++;
      }
    }
    expect(blocks).toBeGreaterThan(10);
  });
});
