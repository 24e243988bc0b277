import { describe, expect, it } from 'vitest';
import { failure, run, value } from './run-rego.ts';

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

describe('builtins that reach outside, replaced in tests', () => {
  const policy = `package p
allow if "admin" in http.send({"method": "GET", "url": "https://roles.example", "body": input}).body.roles
`;
  const tests = `package p
mock_send(req) := {"body": {"roles": ["admin"]}} if req.body.name == "alice"
else := {"body": {"roles": []}}

test_alice if allow with http.send as mock_send with input.name as "alice"
test_bob if not allow with http.send as mock_send with input.name as "bob"
test_value if allow with http.send as {"body": {"roles": ["admin"]}} with input as {}
`;

  it('runs a test suite that replaces http.send with a function or a value', () => {
    expect(value([policy, tests], 'x := data.p.test_alice')).toBe(true);
    expect(value([policy, tests], 'x := data.p.test_bob')).toBe(true);
    expect(value([policy, tests], 'x := data.p.test_value')).toBe(true);
  });

  it('stops with an error, never a quiet undefined, when a call is not replaced', () => {
    expect(failure([policy, tests], 'x := data.p.allow', { input: { name: 'alice' } })).toBe(
      'eval_builtin_error: http.send is not available in routewise: policies cannot reach the network or the file system (tests may replace it with `with http.send as <function or value>`)',
    );
  });

  it('refuses to compile calls in a policy set that never replaces them', () => {
    expect(failure(policy, 'x := data.p.allow')).toMatch(/^rego_type_error: undefined function http\.send: .* tests may replace it with `with http\.send as/);
    expect(failure('package p\nip := net.lookup_ip_addr("example.com")', 'x := data.p.ip')).toMatch(/^rego_type_error: undefined function net\.lookup_ip_addr/);
  });
});
