// `routewise check` with nothing to judge (no manifest here, a path or glob that matches nothing):
// one line naming what is missing and what to do, exit 2, and no report about a phantom manifest.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('routewise check with nothing to judge', () => {
  it('in a folder without a manifest, says so and points at routewise init', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-empty-'));
    const r = runCli(['check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^routewise: no manifest \(routewise\.yaml, .*\) in the current directory\n/);
    expect(r.stderr).toMatch(/hint: .*routewise init/);
    expect(r.stderr).not.toMatch(/\(arguments\)|1 manifest|at .*\.js/);
  });

  it('names every path and glob that matched nothing, even with a machine format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-empty-'));
    const r = runCli(['check', 'missing.yaml', 'services/*/routewise.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/routewise: no such file or directory: missing\.yaml/);
    expect(r.stderr).toMatch(/routewise: no files match `services\/\*\/routewise\.yaml`/);
  });

  it('still judges the manifests it found when another path is missing, and exits 2', () => {
    const r = runCli(['check', 'examples/bank-hybrid', 'missing.yaml', '--now', '2026-11-27']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/examples\/bank-hybrid\/routewise\.yaml {2}pass/);
    expect(r.stdout).toMatch(/no such file or directory: missing\.yaml/);
  });
});
