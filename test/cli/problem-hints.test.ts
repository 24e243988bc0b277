// Problems printed to the terminal: a hint shared by several problems in a row is printed once,
// and `test`/`eval` give hints about their own situation (v0 syntax, the query), not `check`'s.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

function policyDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rw-hints-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const UNSAFE = `package acme.unsafe

deny contains finding if {
\tt.type == "cloud-api"
\tfinding := {"id": "ACME-003", "message": sprintf("target %s", [t.id])}
}
`;

describe('problem hints', () => {
  it('prints a hint shared by several compile errors once, after the last', () => {
    const dir = policyDir({ 'unsafe.rego': UNSAFE });
    const r = runCli(['check', '--policy', dir, 'examples/bank-hybrid']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unsafe\.rego:4:2: rego_unsafe_var_error: var t is unsafe/);
    expect(r.stderr.match(/hint:/g)).toHaveLength(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^ {2}hint: fix the policy/);
  });

  it('routewise test suggests --v0-compatible for a v0 rule, and does not send people to routewise test', () => {
    const dir = policyDir({ 'p.rego': 'package p\n\ndeny[msg] {\n\tmsg := "x"\n}\n' });
    const r = runCli(['test', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/p\.rego:3:1: rego_parse_error: `if` keyword is required before rule body\n {2}hint: .*pass --v0-compatible/);
    expect(r.stderr).not.toMatch(/routewise test <dir>/);
  });

  it('routewise eval blames the query, not a policy, for an error in the query', () => {
    const parse = runCli(['eval', 'data.foo[']);
    expect(parse.code).toBe(2);
    expect(parse.stderr).toMatch(/^query:1:10: rego_parse_error: /);
    expect(parse.stderr).not.toMatch(/policy/);
    const unsafe = runCli(['eval', 'y']);
    expect(unsafe.code).toBe(2);
    expect(unsafe.stderr).toMatch(/query:1:1: rego_unsafe_var_error: var y is unsafe\n {2}hint: a variable in the query must be bound/);
    const typed = runCli(['eval', 'count(1)']);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/query:1:1: rego_type_error: count: operand 1 must be/);
    const strict = runCli(['eval', '--strict-builtin-errors', 'count(to_number("1"))']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/query:1:1: eval_type_error: count: /);
    expect(strict.stderr).not.toMatch(/a policy failed/);
  });

  it('a missing path for test or eval is named with a hint that fits any command', () => {
    const r = runCli(['test', 'no-such-folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('path-not-found: no-such-folder: no such file or directory\n  hint: check the path: a folder, or a .rego, .json or .yaml file\n');
  });
});
