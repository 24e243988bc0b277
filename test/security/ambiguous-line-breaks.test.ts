// A line break that YAML readers disagree on (bare CR, NEL, LS, PS) could make routewise read a
// different manifest than every other reader of the file; outside quotes it is refused.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import { runCli } from '../cli/run-cli.ts';

const example = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'bank-hybrid', 'routewise.yaml'), 'utf8');

function load(text: string) {
  return loadDocument('routewise.yaml', new TextEncoder().encode(text));
}

describe('line breaks readers disagree on', () => {
  for (const [name, char] of [
    ['a bare carriage return', '\r'],
    ['NEL', '\u0085'],
    ['LS', '\u2028'],
    ['PS', '\u2029'],
  ] as const) {
    it(`refuses ${name} in a comment, where it would hide the next key from routewise only`, () => {
      const text = example.replace('  mlopsEngineers: 3', `  mlopsEngineers: 3 #${char}  mlopsEngineers: 0`);
      const result = load(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const line = example.split('\n').findIndex((l) => l.startsWith('  mlopsEngineers: 3')) + 1;
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'yaml-ambiguous-line-break', position: { file: 'routewise.yaml', line, column: 22 } }),
      ]);
    });

    it(`refuses ${name} between values, and accepts it inside a quoted string`, () => {
      const outside = load(`apiVersion: routewise/v1${char}kind: LLMDeployment\n`);
      expect(outside.ok).toBe(false);
      const inside = load(`apiVersion: routewise/v1\nkind: LLMDeployment\nmetadata:\n  name: "a${char}b"\n  owner: 'c${char}d'\n`);
      expect(inside.ok).toBe(true);
    });
  }

  it('accepts Windows line ends', () => {
    const result = load(example.replace(/\n/g, '\r\n'));
    expect(result.ok).toBe(true);
  });

  it('hides no regulated class behind a comment: check stops with exit 2 at the character', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-cr-'));
    const file = join(dir, 'routewise.yaml');
    writeFileSync(file, example.replace('    category: public', '    category: public #\r    category: health'));
    const run = runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/routewise\.yaml:22:23/);
    expect(run.stdout + run.stderr).toContain('yaml-ambiguous-line-break');
  });
});
