// `routewise test` runs whole policy libraries written the way public ones are: helper packages,
// imports after rules, body-less functions, deny collected with data.x[_].deny, an http.send
// no test calls, a linter built on rego.parse_module and walk; v1, and v0 with --v0-compatible.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const LIBS = 'test/fixtures/rego-libraries';

function passes(args: string[]): { passed: number; total: number } {
  const r = runCli(['test', ...args, '--no-input-schema', '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const { tests } = JSON.parse(r.stdout) as { tests: { status: string }[] };
  return { passed: tests.filter((t) => t.status === 'pass').length, total: tests.length };
}

describe('routewise test on policy libraries', () => {
  it('runs every test of a Kubernetes admission library (v1)', () => {
    expect(passes([`${LIBS}/k8s-admission`])).toEqual({ passed: 14, total: 14 });
  });

  it('runs every test of a cloud check library that collects deny across packages and holds an uncalled http.send', () => {
    expect(passes([`${LIBS}/cloud-checks`])).toEqual({ passed: 5, total: 5 });
  });

  it('runs a linter written in Rego over rego.parse_module with walk', () => {
    expect(passes([`${LIBS}/rego-linter`])).toEqual({ passed: 5, total: 5 });
  });

  it('runs a v0 library of the same shape under --v0-compatible', () => {
    expect(passes([`${LIBS}/k8s-admission-v0`, '--v0-compatible'])).toEqual({ passed: 4, total: 4 });
  });

  it("prints OPA's coverage report with --format json, the overall figure with text, and enforces --threshold", () => {
    const r = runCli(['test', `${LIBS}/cloud-checks`, '--no-input-schema', '--coverage', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { coverage: number; files: Record<string, { not_covered?: { start: { row: number } }[] }> };
    expect(report.coverage).toBeGreaterThan(50);
    // The uncalled function's line is reported as not covered.
    const identity = Object.entries(report.files).find(([f]) => f.endsWith('identity.rego'))![1];
    expect(identity.not_covered?.map((r) => r.start.row)).toContain(10);
    const text = runCli(['test', `${LIBS}/cloud-checks`, '--no-input-schema', '--coverage']);
    expect(text.stdout).toContain(`| Overall Coverage | ${report.coverage.toFixed(2)} |`);
    expect(text.stdout).toContain('PASS: 5/5');
    const strict = runCli(['test', `${LIBS}/cloud-checks`, '--no-input-schema', '--coverage', '--threshold', '100']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^Code coverage threshold not met: got [\d.]+ instead of 100.00/);
  });
});
