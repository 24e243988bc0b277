// The usual YAML slips in a manifest are reported at the line that holds the slip, saying what it
// is and the indentation to use, rather than where the parser happened to notice trouble.
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';

const MANIFEST = `apiVersion: routewise/v1
kind: LLMDeployment
metadata:
  name: claims
  owner: claims-team
  description: |
    Summarises claims
    for the adjusters
dataClasses:
  - id: claims
    category: internal
deployment:
  strategy: cloud-api
  targets:
    - id: gpt
      type: cloud-api
      model: gpt-4o
      provider: openai
`;

function firstProblem(text: string) {
  const r = loadDocument('routewise.yaml', new TextEncoder().encode(text));
  if (r.ok) throw new Error('expected a YAML problem');
  const p = r.problems[0]!;
  return { code: p.code, line: p.position?.line, column: p.position?.column, message: p.message, hint: p.hint };
}

function edit(line: number, replace: (text: string) => string): string {
  const lines = MANIFEST.split('\n');
  lines[line - 1] = replace(lines[line - 1]!);
  return lines.join('\n');
}

describe('YAML slips', () => {
  it('the fixture itself loads', () => {
    expect(loadDocument('routewise.yaml', new TextEncoder().encode(MANIFEST)).ok).toBe(true);
  });

  it('a key one space left of its siblings', () => {
    expect(firstProblem(edit(17, (t) => t.slice(1)))).toEqual({
      code: 'yaml-syntax',
      line: 17,
      column: 6,
      message: 'invalid YAML: this line is indented 5 spaces, which fits none of the keys above it',
      hint: 'indent it 6 spaces, like the other keys of the same mapping',
    });
  });

  it('a key indented under a key that already has a value', () => {
    expect(firstProblem(edit(18, (t) => `  ${t}`))).toMatchObject({
      line: 18,
      column: 9,
      message: 'invalid YAML: this line is indented deeper than `model:` above it, which already has a value',
      hint: 'indent it 6 spaces, like the other keys of the same mapping',
    });
  });

  it('the first key of a block off by one, blamed instead of the sibling the parser stops at', () => {
    expect(firstProblem(edit(4, (t) => ` ${t}`))).toMatchObject({
      line: 4,
      message: 'invalid YAML: this line is indented 3 spaces, unlike the lines after it',
      hint: 'indent it 2 spaces, like the other keys of the same mapping',
    });
  });

  it('a top-level key pushed right, found past the blank line the parser names', () => {
    const text = edit(12, (t) => ` ${t}`).replace('category: internal\n', 'category: internal\n\n');
    expect(firstProblem(text)).toMatchObject({ line: 13, column: 2, hint: 'start it at the beginning of the line, like the other top-level keys' });
  });

  it('a list item out of line with the dashes of its list', () => {
    expect(firstProblem(edit(15, (t) => ` ${t}`))).toMatchObject({ line: 15, hint: 'indent it 4 spaces, like the other keys of the same mapping' });
  });

  it('a key without its colon', () => {
    expect(firstProblem(edit(13, () => '  strategy cloud-api'))).toMatchObject({
      line: 13,
      column: 3,
      message: 'invalid YAML: `strategy cloud-api` is not a `key: value` pair',
      hint: 'write a colon and a space after the key, e.g. `strategy: hybrid`',
    });
  });

  it('an unclosed quote, at the quote rather than at the end of the file', () => {
    expect(firstProblem(edit(17, () => '      model: "gpt-4o'))).toMatchObject({
      line: 17,
      column: 14,
      message: 'invalid YAML: this double quote is never closed',
    });
  });

  it('a tab used for indentation', () => {
    expect(firstProblem(edit(18, (t) => `\t${t.trimStart()}`))).toMatchObject({
      line: 18,
      column: 1,
      message: 'invalid YAML: a tab is used for indentation; YAML allows only spaces',
      hint: 'replace the tab with spaces',
    });
  });

  it('text inside a block scalar is never taken for a key without a colon', () => {
    const p = firstProblem(edit(9, (t) => ` ${t}`));
    expect(p.line).toBe(9);
    expect(p.message).not.toMatch(/Summarises|adjusters/);
  });
});
