// `routewise check --format name=path`: the report file's folder is created when missing, and a
// path that cannot be written is a one-line usage error (exit 2), never an internal error.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const NOW = ['--now', '2026-11-27'];

describe('routewise check report files', () => {
  it('creates the folders of a report path that does not exist yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-reports-'));
    const sarif = join(dir, 'reports', 'routewise', 'out.sarif');
    const r = runCli(['check', 'examples/bank-hybrid', '--format', `sarif=${sarif}`, '--format', 'text', ...NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 manifest, 0 errors, 0 warnings, 1 info: passed/);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
  });

  it('reports a path under a file as a usage error naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-reports-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = runCli(['check', 'examples/bank-hybrid', '--format', `sarif=${join(file, 'out.sarif')}`, ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^routewise: cannot write the report .*a-file\/out\.sarif \(part of the path is a file, not a folder\)/);
    expect(r.stderr).not.toMatch(/internal error|Please report/);
  });

  it('reports a folder given as the report file as a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-reports-'));
    const r = runCli(['check', 'examples/bank-hybrid', '--format', `junit=${dir}`, ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the report .* \(it is a directory\)/);
    expect(existsSync(join(dir, 'junit'))).toBe(false);
  });
});
