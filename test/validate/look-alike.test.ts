// Look-alike characters from other scripts in ids and enum values are named, with their code
// point and the Latin letter they imitate, instead of being turned into hyphens.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foreignCharacterHint, foreignCharacters, withLatinLetters } from '../../src/validate/look-alike.ts';
import { runCli } from '../cli/run-cli.ts';

const CYRILLIC_A = '\u0430';

describe('foreign characters', () => {
  it('names a Cyrillic a in `clаude` and the Latin letter it looks like', () => {
    const hint = foreignCharacterHint(`cl${CYRILLIC_A}ude`);
    expect(hint).toBe(`\`${CYRILLIC_A}\` (U+0430, Cyrillic small letter a) looks like the Latin \`a\` but is not it; retype it as \`claude\``);
  });

  it('names a character it does not know by its code point only, and suggests no retyping', () => {
    expect(foreignCharacterHint('caf\u00e9')).toBe('`\u00e9` (U+00E9) is not ASCII');
  });

  it('maps fullwidth letters to the ASCII they stand for', () => {
    expect(withLatinLetters('\uff47pt-4o')).toBe('gpt-4o');
  });

  it('lists each character once, in order', () => {
    expect(foreignCharacters(`${CYRILLIC_A}b${CYRILLIC_A}\u03bf`).map((f) => f.codePoint)).toEqual(['U+0430', 'U+03BF']);
  });

  it('says nothing about plain ASCII', () => {
    expect(foreignCharacterHint('claude-3-5-sonnet')).toBeUndefined();
  });
});

describe('routewise check on a manifest with a look-alike letter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'routewise-look-alike-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('points at the id and names the character instead of suggesting `cl-ude`', () => {
    const example = readFileSync(new URL('../../examples/startup-cloud-api/routewise.yaml', import.meta.url), 'utf8');
    const name = /name: (\S+)/.exec(example)![1]!;
    const file = join(dir, 'routewise.yaml');
    writeFileSync(file, example.replace(`name: ${name}`, `name: cl${CYRILLIC_A}ude-helper`));
    const r = runCli(['check', file, '--now', '2026-11-27']);
    expect(r.code).toBe(2);
    const out = r.stdout + r.stderr;
    expect(out).toContain('U+0430');
    expect(out).toContain('Cyrillic small letter a');
    expect(out).toContain('`claude-helper`');
    expect(out).not.toContain('cl-ude');
  });
});
