// `routewise eval` output for scripts, as `opa eval` gives it.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('routewise eval output formats', () => {
  it('prints nothing for an undefined query with --format values, exit 0', () => {
    const r = runCli(['eval', '-f', 'values', 'x := [][0]']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('prints a table of bindings with --format pretty', () => {
    const r = runCli(['eval', '-f', 'pretty', 'x := ["a", "b"][i]']);
    expect(r.stdout).toBe('+---+-----+\n| i |  x  |\n+---+-----+\n| 0 | "a" |\n| 1 | "b" |\n+---+-----+\n');
  });

  it("prints OPA's errors document on stdout with --format json, and the problem on stderr, exit 2", () => {
    const r = runCli(['eval', '--strict-builtin-errors', 'x := 1 / 0']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ errors: [{ message: 'div: divide by zero', code: 'eval_builtin_error', location: { file: 'query', row: 1, col: 6 } }] });
    expect(r.stderr).toMatch(/eval_builtin_error: div: divide by zero/);
  });
});
