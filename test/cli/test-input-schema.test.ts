// `routewise test` checks rules against the policy input's schema, as `check` will when it loads
// them; Rego written for another input opts out with --no-input-schema.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'routewise-test-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function policy(name: string, rules: string, tests: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'rules.rego'), `package org\n\n${rules}\n`);
  writeFileSync(join(d, 'rules_test.rego'), `package org_test\n\nimport data.org\n\n${tests}\n`);
  return d;
}

describe('routewise test and the policy input schema', () => {
  it('refuses a rule that reads a field the policy input does not have, naming the fields it has', () => {
    const d = policy(
      'typo',
      'deny contains {"id": "ORG-1", "message": t.id} if {\n  some t in input.targets\n  t.typ == "cloud-api"\n}',
      'test_denies if count(org.deny) == 1 with input as {"targets": [{"id": "a", "typ": "cloud-api"}]}',
    );
    const r = runCli(['test', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules\.rego:5:3: rego_type_error: undefined ref: t\.typ \(input\.targets\[_\] has no key "typ"; it has .*\btype\b/);
    expect(r.stderr).toMatch(/hint: .*--no-input-schema/);
  });

  it('runs Rego written for another input with --no-input-schema', () => {
    const d = policy('other', 'allow if input.user.role == "admin"', 'test_admin if org.allow with input as {"user": {"role": "admin"}}');
    expect(runCli(['test', d]).code).toBe(2);
    const r = runCli(['test', d, '--no-input-schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS: 1\/1/);
  });
});
