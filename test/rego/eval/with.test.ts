import { describe, expect, it } from 'vitest';
import { run, value } from './run-rego.ts';

describe('with', () => {
  const mod = `package p
import data.lib
allow if input.user.role == "admin"
limit := data.config.max
double(x) := 2 * x
quad(x) := double(double(x))
n := count(input.xs)
stamp := time.now_ns()
`;

  it('replaces input and parts of input', () => {
    expect(value(mod, 'x := data.p.allow with input as {"user": {"role": "admin"}}')).toBe(true);
    expect(value(mod, 'x := data.p.allow with input.user.role as "admin"', { input: { user: { role: "dev" } } })).toBe(true);
    expect(run(mod, 'data.p.allow', { input: { user: { role: 'dev' } } })).toEqual([]);
  });

  it('replaces base and virtual documents', () => {
    expect(value(mod, 'x := data.p.limit with data.config.max as 7', { data: { config: { max: 3 } } })).toBe(7);
    expect(value(mod, 'x := data.p.quad(1) with data.p.double as 5')).toBe(5);
  });

  it('mocks functions and builtins, restoring them afterwards', () => {
    expect(value(mod, 'x := data.p.n with count as 42', { input: { xs: [1] } })).toBe(42);
    expect(value(mod, 'y := data.p.n with count as 42; x := data.p.n', { input: { xs: [1] } })).toBe(1);
    expect(value(`${mod}\nfake(x) := 100`, 'x := data.p.quad(1) with data.p.double as data.p.fake')).toBe(100);
  });
});
