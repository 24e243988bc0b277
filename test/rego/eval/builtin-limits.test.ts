// The time limit holds inside builtins that loop over their input, and routewise's own size caps
// on builtins are errors of the evaluation (never a quiet undefined that keeps a rule from firing).
import { describe, expect, it } from 'vitest';
import { failure, value } from './run-rego.ts';

/** A layered graph where every node of a layer links to both nodes of the next: 2^layers paths. */
function layeredGraph(layers: number): Record<string, string[]> {
  const g: Record<string, string[]> = {};
  for (let i = 0; i < layers; i++) g[`a${i}`] = g[`b${i}`] = i + 1 < layers ? [`a${i + 1}`, `b${i + 1}`] : [];
  return g;
}

describe('the time limit inside builtins', () => {
  it('ends graph.reachable_paths over exponentially many paths with eval_cancel_error', () => {
    const mod = 'package p\nr := count(graph.reachable_paths(input.g, {"a0"}))';
    expect(value(mod, 'x := data.p.r', { input: { g: layeredGraph(6) } })).toBe(32);
    expect(failure(mod, 'x := data.p.r', { input: { g: layeredGraph(40) }, timeoutMs: 50 })).toBe('eval_cancel_error: evaluation timed out');
  });

  it('ends nested template ranges with eval_cancel_error', () => {
    const tpl = '{{range .a}}{{range $.a}}{{range $.a}}{{range $.a}}{{range $.a}}x{{end}}{{end}}{{end}}{{end}}{{end}}';
    const mod = `package p\nr := strings.render_template(${JSON.stringify(tpl)}, {"a": input.a})`;
    expect(value(mod, 'x := data.p.r', { input: { a: [1, 2] } })).toBe('x'.repeat(32));
    const a = Array.from({ length: 200 }, (_, i) => i);
    expect(failure(mod, 'x := data.p.r', { input: { a }, timeoutMs: 50 })).toBe('eval_cancel_error: evaluation timed out');
  });

  it('ends walk over a deep document with eval_cancel_error', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 3000; i++) deep = { k: deep, v: [1, 2, 3] };
    const mod = 'package p\nr := count([p | walk(input, [p, _])])';
    expect(value(mod, 'x := data.p.r', { input: { k: { k: 1 } } })).toBe(3);
    expect(failure(mod, 'x := data.p.r', { input: deep, timeoutMs: 20 })).toBe('eval_cancel_error: evaluation timed out');
  });

  it('ends a loop of glob and regex calls over long text with eval_cancel_error', () => {
    const mod = 'package p\nr := count([i | some i in numbers.range(1, 100000); glob.match("*a*a*a*a*b", [], input.s); regex.match("^(a+)+$", input.s)])';
    expect(failure(mod, 'x := data.p.r', { input: { s: 'a'.repeat(20_000) }, timeoutMs: 50 })).toBe('eval_cancel_error: evaluation timed out');
  });
});

describe('builtin caps', () => {
  // Non-strict builtin errors are undefined in OPA; a cap of routewise's own is not OPA's error,
  // so it ends the evaluation instead of leaving a deny rule silently undefined.
  it('ends numbers.range past its size with eval_limit_error', () => {
    expect(failure('package p\nr := count(numbers.range(1, 100000000))', 'x := data.p.r')).toMatch(/^eval_limit_error: numbers.range: range too large/);
    expect(failure('package p\nr := numbers.range_step(0, 1e12, 2)', 'x := data.p.r')).toMatch(/^eval_limit_error: numbers.range_step: range too large/);
  });

  it('ends net.cidr_expand past its size with eval_limit_error', () => {
    expect(failure('package p\nr := net.cidr_expand("10.0.0.0/8")', 'x := data.p.r')).toMatch(/^eval_limit_error: net.cidr_expand: CIDR 10.0.0.0\/8 has more than 1048576 addresses/);
    expect(value('package p\nr := count(net.cidr_expand("10.0.0.0/30"))', 'x := data.p.r')).toBe(4);
  });

  it('ends bits.lsh past its shift with eval_limit_error', () => {
    expect(failure('package p\nr := bits.lsh(1, 2000000)', 'x := data.p.r')).toMatch(/^eval_limit_error: bits.lsh: shift count too large/);
  });

  it('makes a deny rule over a capped builtin an error, not a missing finding', () => {
    const mod = 'package p\ndeny contains "wide" if { some ip in net.cidr_expand(input.cidr); ip == "10.0.0.1" }';
    expect(failure(mod, 'x := data.p.deny', { input: { cidr: '10.0.0.0/8' } })).toMatch(/^eval_limit_error/);
    expect(value(mod, 'x := data.p.deny', { input: { cidr: '10.0.0.0/24' } })).toEqual(['wide']);
  });
});
