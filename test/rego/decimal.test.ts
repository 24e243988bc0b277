import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, compareDecimals, toDecimal } from '../../src/rego/decimal.ts';
import { parseRegoNumber } from '../../src/rego/parser.ts';
import { compare, keyOf, stringify } from '../../src/rego/value.ts';

/** Orders by scaling both to the smaller exponent: slow, obviously right, for small exponents. */
function naive(a: Decimal, b: Decimal): number {
  const e = Math.min(a.exp, b.exp);
  const x = a.coef * 10n ** BigInt(a.exp - e);
  const y = b.coef * 10n ** BigInt(b.exp - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -60, max: 60 })).map(([c, e]) => Decimal.of(c, e));

describe('decimals', () => {
  it('read JSON number text exactly, normalised', () => {
    expect(Decimal.parse('3.50')).toEqual(Decimal.of(35n, -1));
    expect(Decimal.parse('-1.5e3')).toEqual(Decimal.of(-15n, 2));
    expect(Decimal.parse('0.000')).toEqual(Decimal.of(0n, 0));
    expect(Decimal.parse('1e400')!.toString()).toBe('1e+400');
    for (const bad of ['', '1.', '.5', '1e', '+1', '0x10', 'Infinity', '1e99999999999']) expect(Decimal.parse(bad)).toBeUndefined();
  });

  it('order exactly, agreeing with a slow reference', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(compareDecimals(a, b)).toBe(naive(a, b));
        expect(a.equals(b)).toBe(naive(a, b) === 0);
      }),
      { numRuns: 500 },
    );
  });

  it('print as they read back', () => {
    fc.assert(
      fc.property(decimal, (d) => {
        expect(Decimal.parse(d.toString().replace('e+', 'e'))!.equals(d)).toBe(true);
      }),
    );
    expect(Decimal.of(1234567890123456789n, -19).toString()).toBe('0.1234567890123456789');
    expect(Decimal.of(-1n, -400).toString()).toBe('-1e-400');
  });

  it('take floats as the shortest decimal that reads back as them', () => {
    expect(toDecimal(0.1)).toEqual(Decimal.of(1n, -1));
    expect(toDecimal(1e21)).toEqual(Decimal.of(1n, 21));
    expect(toDecimal(12n)).toEqual(Decimal.of(12n, 0));
  });
});

describe('number literals', () => {
  it('stay JS numbers or bigints when those hold them exactly', () => {
    expect(parseRegoNumber('3.5')).toBe(3.5);
    expect(parseRegoNumber('1e2')).toBe(100);
    expect(parseRegoNumber('0.10')).toBe(0.1);
    expect(parseRegoNumber('1e400')).toBe(10n ** 400n);
  });

  it('become decimals when a float64 would lose them, ordered by the numbers they denote', () => {
    const tiny = parseRegoNumber('1e-400');
    const long = parseRegoNumber('0.1234567890123456789');
    expect(tiny).toBeInstanceOf(Decimal);
    expect(long).toBeInstanceOf(Decimal);
    expect(compare(tiny, 0)).toBe(1);
    expect(compare(parseRegoNumber('-1e-400'), 0)).toBe(-1);
    expect(compare(long, parseRegoNumber('0.1234567890123456788'))).toBe(1);
    expect(compare(long, 0.12345678901234568)).toBe(-1);
    expect(compare(parseRegoNumber('1e1000000'), Infinity)).toBe(-1);
    expect(keyOf(tiny)).toBe(keyOf(parseRegoNumber('10e-401')));
    expect(keyOf(tiny)).not.toBe(keyOf(0));
    expect(stringify([tiny, long])).toBe('[1e-400,0.1234567890123456789]');
  });
});
