// `--bundle` runs a bundle next to the Rego rules without any other flag; `--engine` stays
// accepted for one minor version with a deprecation note on stderr; nothing is silently ignored.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('routewise check --bundle and the deprecated --engine', () => {
  it('reads --bundle without --engine (a bundle it cannot read is an error, exit 2)', () => {
    const r = runCli(['check', 'examples/bank-hybrid', '--bundle', 'org-policies.tar.gz', '--now', '2026-11-27']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('org-policies.tar.gz: cannot read the bundle file');
    expect(r.stderr).not.toContain('deprecated');
  });

  it('accepts --engine wasm with a bundle, with a deprecation note on stderr', () => {
    const r = runCli(['check', 'examples/bank-hybrid', '--engine', 'wasm', '--bundle', 'org-policies.tar.gz', '--now', '2026-11-27']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'routewise: warning: --engine is deprecated and will be removed in the next minor version; --bundle alone runs a bundle next to the Rego rules, so drop --engine wasm',
    );
  });

  it('accepts --engine rego as before, with the deprecation note', () => {
    const r = runCli(['check', 'examples/bank-hybrid', '--engine', 'rego', '--now', '2026-11-27']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--engine is deprecated');
  });

  it('refuses --engine wasm without --bundle as bad usage, not as a policy that failed to load', () => {
    const r = runCli(['check', 'examples/bank-hybrid', '--engine', 'wasm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('routewise: --engine wasm needs --bundle FILE (a bundle .tar.gz or a policy.wasm)\n');
  });

  it('refuses --no-builtin when nothing else brings a rule: exit 2, never a pass', () => {
    const r = runCli(['check', 'examples/bank-hybrid', '--no-builtin', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('"rulesEvaluated": []');
    expect(r.stderr).toContain('no rule could run');
  });
});
