// `routewise check` on a manifest with an indentation slip: the code frame points at the slipped
// line, the message says what is wrong with it and the hint gives the column to use (exit 2).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('routewise check on a YAML indentation slip', () => {
  it('points at the slipped line and says how far to indent it', () => {
    const example = readFileSync('examples/startup-cloud-api/routewise.yaml', 'utf8').split('\n');
    const at = example.findIndex((l) => /^ {6}model: /.test(l));
    expect(at).toBeGreaterThan(0);
    example[at] = example[at]!.slice(1);
    const dir = mkdtempSync(join(tmpdir(), 'rw-slip-'));
    writeFileSync(join(dir, 'routewise.yaml'), example.join('\n'));
    const r = runCli(['check', '--now', '2026-11-27'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      `routewise.yaml:${at + 1}:6  error  yaml-syntax  invalid YAML: this line is indented 5 spaces, which fits none of the keys above it`,
    );
    expect(r.stdout).toMatch(new RegExp(`> +${at + 1} \\|      model: `));
    expect(r.stdout).toMatch(/hint: indent it 6 spaces, like the other keys of the same mapping/);
  });
});
