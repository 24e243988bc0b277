// `routewise init` end to end: writes a manifest that checks clean, and never overwrites without --force.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('routewise init', () => {
  it('writes a starter that passes check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-'));
    const init = runCli(['init', '--name', 'claims-bot', '--owner', 'claims-team', '--strategy', 'hybrid', '--category', 'health'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(readFileSync(join(dir, 'routewise.yaml'), 'utf8')).toContain('name: claims-bot');
    const check = runCli(['check', '--now', '2026-11-27'], { cwd: dir });
    expect(check.stdout).toMatch(/0 errors, 0 warnings/);
    expect(check.code).toBe(0);
  });

  it('keeps an existing file unless --force is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-'));
    writeFileSync(join(dir, 'routewise.yaml'), 'mine\n');
    const r = runCli(['init', '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists; pass --force/);
    expect(readFileSync(join(dir, 'routewise.yaml'), 'utf8')).toBe('mine\n');
    const forced = runCli(['init', '--yes', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'routewise.yaml'), 'utf8')).toContain('apiVersion: routewise/v1');
  });
});
