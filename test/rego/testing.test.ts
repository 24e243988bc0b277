import { describe, expect, it } from 'vitest';
import { compile } from '../../src/rego/index.ts';
import { runTests } from '../../src/rego/testing.ts';

const policy = (() => {
  const c = compile([
    { file: 'p.rego', text: 'package p\nallow if input.ok' },
    {
      file: 'p_test.rego',
      text: `package p_test
import data.p
test_allows if p.allow with input as {"ok": true}
test_denies if not p.allow with input as {"ok": false}
test_wrong if p.allow with input as {}
test_prints if { print("checked", 1); true }
test_breaks if to_number("x") == 1
todo_later if false`,
    },
  ]);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.policy;
})();

describe('runTests', () => {
  it('reports pass, fail, error and skip per test rule', () => {
    const results = runTests(policy, { strictBuiltinErrors: true });
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['test_allows', 'pass'],
      ['test_denies', 'pass'],
      ['test_wrong', 'fail'],
      ['test_prints', 'pass'],
      ['test_breaks', 'error'],
      ['todo_later', 'skip'],
    ]);
    const broken = results.find((r) => r.name === 'test_breaks')!;
    expect(broken.message).toMatch(/eval_builtin_error/);
    expect(results[0]).toMatchObject({ package: 'p_test', file: 'p_test.rego', row: 3 });
  });

  it('collects print output per test', () => {
    const [r] = runTests(policy, { run: /test_prints/ });
    expect(r!.printed).toEqual(['checked 1']);
  });
});
