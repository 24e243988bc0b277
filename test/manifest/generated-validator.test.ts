import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('generated validator', () => {
  it('is up to date with schemas/manifest.v1.schema.json', () => {
    // Exits non-zero (and execFileSync throws) when the committed modules differ from a fresh generation.
    const run = () => execFileSync(process.execPath, [join(root, 'scripts', 'generate-validator.mjs'), '--check'], { cwd: root, stdio: 'pipe' });
    expect(run).not.toThrow();
  }, 30_000);
});
