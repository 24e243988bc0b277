import fc from '../fast-check.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, prepare, toJS } from '../../src/rego/index.ts';
import { aboutUsdText } from '../../src/input/money-text.ts';

const FORMAT = fileURLToPath(new URL('../../policies/lib/format.rego', import.meta.url));

/** format.about_usd of the built-in library, run by the Rego engine. */
function regoAboutUsd(): (x: number) => unknown {
  const compiled = compile([{ file: 'format.rego', text: readFileSync(FORMAT, 'utf8') }], { regoVersion: 'v1' });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  const q = prepare(compiled.policy, 'x := data.routewise.lib.format.about_usd(input.v)');
  if (!q.ok) throw new Error(JSON.stringify(q.errors));
  return (x) => {
    const out = q.query.evaluate({ input: { v: x }, data: {} });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const row = out.results[0];
    return row ? toJS(row.bindings.x!) : undefined;
  };
}

describe('amounts written ahead for the cost messages', () => {
  const rego = regoAboutUsd();

  it('write what format.about_usd writes at the edges of each rounding unit', () => {
    const edges = [0, 0.4, 0.5, 0.49999, 1, 7.2, 437.5, 999, 999.4, 999.5, 999.99, 1000, 1004.9, 1005, 9994.9, 9995, 9999.99, 10000, 50968.75, 59525.73, 99949, 99950, 100000, 999499, 999500, 1234567, 9999999, 1e7, 123456789.5, 1e9, 5e10, 998999999999, -0.3, -0.5, -5, -999.5, -1234.5];
    for (const x of edges) expect(aboutUsdText(x), String(x)).toBe(rego(x));
  });

  it('write what format.about_usd writes for any amount below a trillion', () => {
    const amount = fc.oneof(
      fc.double({ min: -1e6, max: 998e9, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1_000_000, max: 998_000_000_000 }),
      fc.integer({ min: 0, max: 2_000_000 }).map((n) => n / 100),
    );
    fc.assert(fc.property(amount, (x) => aboutUsdText(x) === rego(x)), { numRuns: 3000 });
  });

  it('leave amounts of a trillion or more, and missing amounts, to the rules', () => {
    expect(aboutUsdText(1e12)).toBeNull();
    expect(aboutUsdText(Number.POSITIVE_INFINITY)).toBeNull();
    expect(aboutUsdText(null)).toBeNull();
  });
});
