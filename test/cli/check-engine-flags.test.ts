// `--bundle` and `--engine wasm` go together: a bundle given without the wasm engine is an error
// (exit 2), never ignored while the built-in rules pass the manifest in its place.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('routewise check --engine and --bundle', () => {
  it('refuses --bundle without --engine wasm', () => {
    const r = runCli(['check', 'examples/bank-hybrid', '--bundle', 'org-policies.tar.gz', '--now', '2026-11-27']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('routewise: --bundle is read only by --engine wasm; add --engine wasm, or drop --bundle\n');
  });

  it('refuses --engine wasm without --bundle as bad usage, not as a policy that failed to load', () => {
    const r = runCli(['check', 'examples/bank-hybrid', '--engine', 'wasm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('routewise: --engine wasm needs --bundle FILE (a bundle .tar.gz or a policy.wasm)\n');
  });
});
