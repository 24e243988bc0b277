import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument, MAX_ALIAS_COUNT } from '../../src/load/load-document.ts';
import type { LoadedDocument } from '../../src/load/loaded-document.ts';
import type { Problem } from '../../src/problems/problem.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'manifests');

function loadFixture(name: string) {
  const file = join(fixtures, name);
  return loadDocument(file, readFileSync(file));
}

function loadText(file: string, text: string) {
  return loadDocument(file, new TextEncoder().encode(text));
}

function problemsOf(result: ReturnType<typeof loadDocument>): Problem[] {
  if (result.ok) throw new Error('expected problems, got a document');
  return result.problems;
}

function documentOf(result: ReturnType<typeof loadDocument>): LoadedDocument {
  if (!result.ok) throw new Error(`expected a document, got ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** [code, line, column] of each problem, for compact assertions. */
function where(problems: Problem[]) {
  return problems.map((p) => [p.code, p.position?.line, p.position?.column]);
}

describe('loadDocument', () => {
  it('reads a YAML manifest into plain data, keeping dates as strings', () => {
    const doc = documentOf(loadFixture('hybrid-claims.yaml'));
    expect(doc.data.apiVersion).toBe('routewise/v1');
    expect((doc.data.timeline as Record<string, unknown>).launchBy).toBe('2027-03-01');
    expect(doc.text.startsWith('apiVersion:')).toBe(true);
    expect(doc.file.endsWith('hybrid-claims.yaml')).toBe(true);
  });

  it('keeps dates as strings under a YAML 1.1 directive too', () => {
    const doc = documentOf(loadText('m.yaml', '%YAML 1.1\n---\nlaunchBy: 2027-03-01\nflag: yes\n'));
    expect(doc.data).toEqual({ launchBy: '2027-03-01', flag: 'yes' });
  });

  it('reads JSON with the same data as the equivalent YAML', () => {
    const json = documentOf(loadFixture('cloud-api-minimal.json'));
    const yaml = documentOf(loadFixture('cloud-api-minimal.yaml'));
    expect(json.data).toEqual(yaml.data);
  });

  it('reports positions for paths in a JSON file', () => {
    const doc = documentOf(loadFixture('cloud-api-minimal.json'));
    expect(doc.valuePositionOf(['workloads', 0, 'volume', 'pattern'])).toMatchObject({ line: 11, column: 57 });
    expect(doc.positionOf(['deployment', 'targets', 0, 'provider'])).toMatchObject({ line: 16, column: 82 });
  });

  it('ignores a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a: 1\n')]);
    expect(documentOf(loadDocument('m.yaml', bytes)).data).toEqual({ a: 1 });
  });

  it('keeps a __proto__ key as data rather than changing the prototype', () => {
    const doc = documentOf(loadText('m.yaml', '__proto__:\n  polluted: true\n'));
    expect(Object.getPrototypeOf(doc.data)).toBe(Object.prototype);
    expect(Object.keys(doc.data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('positions of paths', () => {
  const doc = documentOf(
    loadText('m.yaml', 'metadata:\n  name: demo\n  owner:\nlist:\n  - id: a\n    tags: [x, y]\n  - id: b\nshared: &s\n  k: v\nuse: *s\n'),
  );

  it('points at the key for a mapping entry and at the value with valuePositionOf', () => {
    expect(doc.positionOf(['metadata', 'name'])).toEqual({ file: 'm.yaml', line: 2, column: 3 });
    expect(doc.valuePositionOf(['metadata', 'name'])).toEqual({ file: 'm.yaml', line: 2, column: 9 });
  });

  it('points at sequence items, in block and flow style', () => {
    expect(doc.positionOf(['list', 1])).toMatchObject({ line: 7, column: 5 });
    expect(doc.positionOf(['list', 0, 'tags', 1])).toMatchObject({ line: 6, column: 15 });
  });

  it('falls back to the nearest existing node for a path that does not exist', () => {
    expect(doc.positionOf(['list', 0, 'missing'])).toMatchObject({ line: 5, column: 5 });
    expect(doc.positionOf(['list', 9])).toMatchObject({ line: 4, column: 1 });
    expect(doc.positionOf(['nothing', 'here'])).toMatchObject({ line: 1, column: 1 });
  });

  it('points at the key when an entry has no value', () => {
    expect(doc.valuePositionOf(['metadata', 'owner'])).toMatchObject({ line: 3, column: 9 });
    expect(doc.positionOf(['metadata', 'owner'])).toMatchObject({ line: 3, column: 3 });
  });

  it('follows aliases to the anchored node', () => {
    expect(doc.positionOf(['use', 'k'])).toMatchObject({ line: 9, column: 3 });
  });
});

describe('files that are not a manifest', () => {
  it('reports a duplicate key at the second occurrence', () => {
    const problems = problemsOf(loadFixture('invalid/duplicate-key.yaml'));
    expect(where(problems)).toEqual([['yaml-duplicate-key', 6, 3]]);
    expect(problems[0]!.message).toContain('`owner`');
  });

  it('reports several documents at the start of the second', () => {
    const problems = problemsOf(loadFixture('invalid/two-documents.yaml'));
    expect(where(problems)).toEqual([['yaml-multiple-documents', 3, 1]]);
    expect(problems[0]!.message).toContain('2 YAML documents');
  });

  it('reports the first YAML syntax error with its position', () => {
    const problems = problemsOf(loadFixture('invalid/syntax-error.yaml'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('yaml-syntax');
    expect(problems[0]!.position).toMatchObject({ line: 6, column: 1 });
    expect(problems[0]!.hint).toBeTruthy();
  });

  it('reports tabs used for indentation', () => {
    expect(where(problemsOf(loadText('m.yaml', 'metadata:\n\tname: x\n')))).toEqual([['yaml-syntax', 2, 1]]);
  });

  it('reports nesting too deep to read instead of overflowing the stack', () => {
    const problems = problemsOf(loadText('m.yaml', `a: ${'['.repeat(100_000)}`));
    expect(problems.map((p) => p.code)).toEqual(['yaml-too-deep']);
    expect(problems[0]!.position?.line).toBe(1);
  });

  it('reports a top-level list', () => {
    const problems = problemsOf(loadFixture('invalid/list-at-top.yaml'));
    expect(where(problems)).toEqual([['manifest-not-a-mapping', 1, 1]]);
    expect(problems[0]!.message).toContain('not a list');
  });

  it('reports a top-level scalar', () => {
    expect(where(problemsOf(loadText('m.yaml', '\n\n  just text\n')))).toEqual([['manifest-not-a-mapping', 3, 3]]);
  });

  it.each(['invalid/empty.yaml', 'invalid/comments-only.yaml'])('reports %s as empty', (name) => {
    expect(where(problemsOf(loadFixture(name)))).toEqual([['file-empty', 1, 1]]);
  });

  it('reports a document holding only null as empty', () => {
    expect(where(problemsOf(loadText('m.yaml', '---\n~\n')))).toEqual([['file-empty', 1, 1]]);
  });

  it('reports bytes that are not UTF-8 at the offending byte', () => {
    const problems = problemsOf(loadFixture('invalid/latin1.yaml'));
    expect(where(problems)).toEqual([['file-not-utf8', 4, 12]]);
    expect(problems[0]!.message).toContain('0xe9');
  });

  it('reports UTF-16 text', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00]);
    expect(where(problemsOf(loadDocument('m.yaml', bytes)))).toEqual([['file-not-utf8', 1, 1]]);
  });

  it('reports a NUL byte as a binary file at its position', () => {
    expect(where(problemsOf(loadFixture('invalid/binary.yaml')))).toEqual([['file-binary', 2, 7]]);
  });

  it('refuses files over 1 MB before parsing them', () => {
    const bytes = new TextEncoder().encode(`a: "${'x'.repeat(1024 * 1024)}"\n`);
    const problems = problemsOf(loadDocument('big.yaml', bytes));
    expect(where(problems)).toEqual([['file-too-large', 1, 1]]);
    expect(problems[0]!.message).toContain(String(bytes.length));
  });

  it('accepts a file of exactly 1 MB', () => {
    const text = `a: "${'x'.repeat(1024 * 1024 - 6)}"\n`;
    expect(new TextEncoder().encode(text).length).toBe(1024 * 1024);
    expect(loadText('big.yaml', text).ok).toBe(true);
  });

  it('stops alias expansion beyond the limit', () => {
    const problems = problemsOf(loadFixture('invalid/alias-bomb.yaml'));
    expect(where(problems)).toEqual([['yaml-too-many-aliases', 4, 10]]);
  });

  it('reports more alias nodes than the limit even when each expands little', () => {
    const lines = ['a: &a x', ...Array.from({ length: MAX_ALIAS_COUNT + 1 }, (_, i) => `k${i}: *a`)];
    const problems = problemsOf(loadText('m.yaml', lines.join('\n')));
    expect(where(problems)).toEqual([['yaml-too-many-aliases', MAX_ALIAS_COUNT + 2, 7]]);
  });

  it('accepts a few aliases', () => {
    expect(documentOf(loadText('m.yaml', 'a: &a [1, 2]\nb: *a\n')).data).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('reports an alias without an anchor', () => {
    expect(where(problemsOf(loadText('m.yaml', 'a: 1\nb: *nowhere\n')))).toEqual([['yaml-unknown-alias', 2, 4]]);
  });

  it('reports JSON syntax that YAML would have accepted', () => {
    const problems = problemsOf(loadFixture('invalid/trailing-comma.json'));
    expect(where(problems)).toEqual([['json-syntax', 4, 1]]);
  });

  it('reports integers too large to be exact', () => {
    const problems = problemsOf(loadText('m.yaml', 'tokensPerMonth: 123456789012345678901\n'));
    expect(where(problems)).toEqual([['yaml-number-too-large', 1, 17]]);
  });

  it('reports infinite numbers', () => {
    expect(where(problemsOf(loadText('m.yaml', 'a: .inf\nb: 1e999\n')))).toEqual([
      ['yaml-number-not-finite', 1, 4],
      ['yaml-number-not-finite', 2, 4],
    ]);
  });

  it('reports tags other than the plain data types', () => {
    const problems = problemsOf(loadText('m.yaml', 'a: !!binary aGVsbG8=\nb: !!str fine\n'));
    expect(problems.map((p) => [p.code, p.position?.line])).toEqual([['yaml-unsupported-tag', 1]]);
  });

  it('reports keys that are lists or mappings', () => {
    expect(where(problemsOf(loadText('m.yaml', '? [a, b]\n: c\n')))).toEqual([['yaml-complex-key', 1, 3]]);
  });

  it('names the file in every position', () => {
    const problems = problemsOf(loadText('deploy/routewise.yaml', 'a: 1\na: 2\n'));
    expect(problems[0]!.position?.file).toBe('deploy/routewise.yaml');
  });
});
