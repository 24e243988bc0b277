// `routewise test --run REGEX`: a pattern that matches no test says so and shows what names look
// like, rather than "no tests found", which sends people looking for misnamed files.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const ACME = 'examples/custom-policies/acme';

describe('routewise test --run', () => {
  it('runs only the tests whose full name matches', () => {
    const r = runCli(['test', ACME, '--run', 'approved_provider_passes', '-v']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/test_approved_provider_passes/);
    expect(r.stdout).not.toMatch(/test_unapproved_provider_is_denied/);
    expect(r.stdout).toMatch(/PASS: 1\/1/);
  });

  it('says when the pattern matches none of the tests, with an example full name', () => {
    const r = runCli(['test', ACME, '--run', 'no_such_test']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'no test matches --run no_such_test; it is matched against full names such as data.acme.providers_test.test_unapproved_provider_is_denied (3 tests in these files)\n',
    );
  });

  it('refuses a pattern that is not a regular expression', () => {
    const r = runCli(['test', ACME, '--run', '(']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('routewise: --run ( is not a valid regular expression\n');
  });
});
