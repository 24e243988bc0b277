// `check --v0-compatible` runs organisation policies written in Rego v0 next to the built-in
// (v1) rules; without the flag the same policy is a parse error (exit 2), never ignored.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const ARGS = ['check', 'examples/startup-cloud-api', '--policy', 'test/fixtures/v0-org/policy', '--now', '2026-11-27', '--format', 'json'];

describe('routewise check --v0-compatible', () => {
  it('runs a v0 organisation rule next to the built-in rules', () => {
    const r = runCli([...ARGS, '--v0-compatible']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { manifests: { findings: { id: string; message: string }[]; rulesEvaluated: string[] }[] };
    const m = report.manifests[0]!;
    expect(m.findings.map((f) => [f.id, f.message])).toEqual([['org.legacy.deny', 'target openai-mini uses a provider the organisation has not approved']]);
    expect(m.rulesEvaluated).toEqual(expect.arrayContaining(['org.legacy.deny', 'RW-DATA-001']));
  });

  it('refuses the same policy without the flag, at its place', () => {
    const r = runCli(ARGS);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('test/fixtures/v0-org/policy/legacy.rego:4');
  });
});
