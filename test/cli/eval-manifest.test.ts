// `routewise eval --manifest FILE` evaluates a query on the policy input `check` builds from the
// manifest, so a rule can be debugged on what it really sees; `-i` with a manifest says so.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const HYBRID = 'examples/violations/hybrid/routewise.yaml';

describe('routewise eval --manifest', () => {
  it('gives the rules the same input as check, so they report the same findings', () => {
    const r = runCli(['eval', '-d', 'policies', '--manifest', HYBRID, '--now', '2026-11-27', 'data.routewise.rules.hybrid.deny', '-f', 'values']);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { id: string }[][])[0]!.map((f) => f.id).sort();
    const check = runCli(['check', HYBRID, '--now', '2026-11-27', '--format', 'json']);
    const fromCheck = (JSON.parse(check.stdout).manifests[0].findings as { id: string; severity: string }[])
      .filter((f) => f.id.startsWith('RW-HYB-') && f.severity === 'error')
      .map((f) => f.id)
      .sort();
    expect(ids).toEqual(fromCheck);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('exposes the normalised input itself, resolved routes included', () => {
    const r = runCli(['eval', '--manifest', HYBRID, '--now', '2026-11-27', '{t | some r in input.reaches; t := r.target}', '-f', 'values']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([['dc-llama', 'openai-gpt']]);
  });

  it('notes that -i passes a manifest as written, and points at --manifest', () => {
    const r = runCli(['eval', '-d', 'policies', '-i', HYBRID, 'data.routewise.rules.hybrid.deny', '-f', 'values']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([[]]);
    expect(r.stderr).toBe(
      `routewise: note: ${HYBRID} is a manifest, passed as written; rules see the policy input built from it (docs/policy-input.md): use --manifest ${HYBRID}\n`,
    );
  });

  it('reports an invalid manifest with its place, and misused flags, with exit 2', () => {
    const bad = runCli(['eval', '--manifest', 'test/fixtures/manifests/invalid/schema-errors.yaml', 'input']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^test\/fixtures\/manifests\/invalid\/schema-errors\.yaml:\d+:\d+: schema-/);
    expect(runCli(['eval', '-i', HYBRID, '--manifest', HYBRID, 'input']).stderr).toBe('routewise: give either -i FILE or --manifest FILE, not both\n');
    expect(runCli(['eval', '--now', '2026-11-27', 'input']).code).toBe(2);
  });

  it('sees the built-in rules and settings with --manifest alone, without -d', () => {
    const withD = runCli(['eval', '-d', 'policies', '--manifest', HYBRID, '--now', '2026-11-27', 'data.routewise.rules.hybrid.deny', '-f', 'values']);
    const alone = runCli(['eval', '--manifest', HYBRID, '--now', '2026-11-27', 'data.routewise.rules.hybrid.deny', '-f', 'values']);
    expect(alone.stderr).toBe('');
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout)).toEqual(JSON.parse(withD.stdout));
    const settings = runCli(['eval', '--manifest', HYBRID, '--now', '2026-11-27', 'data.routewise.config.minWeeksOnPrem', '-f', 'values']);
    expect(JSON.parse(settings.stdout)).toEqual([12]);
  });

  it('keeps the built-in rules in v1 when organisation policies are read as v0', () => {
    const r = runCli(['eval', '--v0-compatible', '-d', 'test/fixtures/v0-org/policy', '--manifest', 'examples/startup-cloud-api/routewise.yaml', '--now', '2026-11-27', 'count(data.org.legacy.deny) + count(data.routewise.rules.dataflow.deny)', '-f', 'values']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([1]);
  });
});
