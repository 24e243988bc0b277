// A misspelt required key (`dataClases` for `dataClasses`) is one mistake: `check` reports it once,
// at the key as written, with the close match; a required key that is truly absent is still named.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const EXAMPLE = readFileSync('examples/startup-cloud-api/routewise.yaml', 'utf8');

function manifest(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rw-misspelt-'));
  writeFileSync(join(dir, 'routewise.yaml'), text);
  return dir;
}

describe('a misspelt required key', () => {
  it('is reported once, as an unknown key with the close match', () => {
    const text = EXAMPLE.replace(/^(\s+)owner:/m, '$1ownr:');
    expect(text).not.toBe(EXAMPLE);
    const r = runCli(['check', '--now', '2026-11-27'], { cwd: manifest(text) });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/routewise\.yaml:\d+:\d+ {2}error {2}schema-additional-property {2}unknown property `ownr` in metadata/);
    expect(r.stdout).toMatch(/hint: did you mean `owner`\?/);
    expect(r.stdout).not.toMatch(/missing required property `owner`/);
    expect(r.stdout).toMatch(/1 manifest, 0 errors, 0 warnings, 1 problem: failed/);
  });

  it('still counts as missing when the unknown key is no typo of it', () => {
    const text = EXAMPLE.replace(/^(\s+)owner:/m, '$1team:');
    const r = runCli(['check', '--now', '2026-11-27'], { cwd: manifest(text) });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/missing required property `owner` in metadata/);
    expect(r.stdout).toMatch(/unknown property `team` in metadata/);
  });
});
