import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../../src/rego/builtins/numbers/numbers.ts';
import { caller, makeContext, text } from '../call-builtin.ts';

const call = caller(builtins);
const big = (s: string) => BigInt(s);

describe('arithmetic operators', () => {
  it('adds, subtracts and multiplies small integers as numbers', () => {
    expect(call('plus', 2, 3)).toBe(5);
    expect(call('minus', 2, 3)).toBe(-1);
    expect(call('mul', 6, 7)).toBe(42);
  });

  it('keeps integers beyond 2^53 exact', () => {
    expect(call('plus', big('9007199254740993'), 0)).toBe(big('9007199254740993'));
    expect(call('plus', big('18446744073709551617'), 1)).toBe(big('18446744073709551618'));
    expect(call('minus', big('18446744073709551617'), 1)).toBe(big('18446744073709551616'));
    expect(call('mul', big('18446744073709551617'), 2)).toBe(big('36893488147419103234'));
    expect(call('minus', big('-18446744073709551617'), 1)).toBe(big('-18446744073709551618'));
    expect(call('plus', big('9223372036854775807'), 1)).toBe(big('9223372036854775808'));
  });

  it('promotes small integers to bigints when the result leaves the safe range', () => {
    expect(call('mul', 2147483647, 2147483647)).toBe(big('4611686014132420609'));
    expect(call('mul', -2147483648, -2147483648)).toBe(big('4611686018427387904'));
    expect(call('plus', Number.MAX_SAFE_INTEGER, 2)).toBe(big('9007199254740993'));
  });

  it('brings bigint results back to numbers when they fit', () => {
    expect(call('minus', big('9007199254740993'), 2)).toBe(9007199254740991);
  });

  it('uses floating point once an operand is not an integer', () => {
    expect(call('plus', 1.5, 2.5)).toBe(4);
    expect(call('plus', 1, 2.5)).toBe(3.5);
    expect(call('mul', 2.5, 2)).toBe(5);
  });

  it('reports non-numbers with the operand position', () => {
    expect(() => call('plus', 1, 'a')).toThrow(new BuiltinTypeError('plus: operand 2 must be number but got string'));
    expect(() => call('mul', null, 1)).toThrow('mul: operand 1 must be number but got null');
  });
});

describe('minus on sets', () => {
  it('takes the difference of two sets', () => {
    expect(text(call('minus', new Set([1, 2, 'c']), new Set(['c', 1])))).toBe('{2}');
  });

  it('names the expected type from the first operand', () => {
    expect(() => call('minus', new Set([1]), 1)).toThrow('minus: operand 2 must be set but got number');
    expect(() => call('minus', 1, new Set([1]))).toThrow('minus: operand 2 must be number but got set');
    expect(() => call('minus', 'a', 1)).toThrow('minus: operand 1 must be one of {number, set} but got string');
  });
});

describe('div', () => {
  it('is exact on integers when the divisor divides the dividend', () => {
    expect(call('div', 6, 3)).toBe(2);
    expect(call('div', -6, 3)).toBe(-2);
    expect(call('div', big('36893488147419103234'), 2)).toBe(big('18446744073709551617'));
  });

  it('gives a float quotient otherwise', () => {
    expect(call('div', 1, 4)).toBe(0.25);
    expect(call('div', 0, 5)).toBe(0);
  });

  it('fails on a zero divisor, integer or float', () => {
    expect(() => call('div', 1, 0)).toThrow(new BuiltinFailure('div: divide by zero'));
    expect(() => call('div', 1, 0.0)).toThrow(BuiltinFailure);
  });
});

describe('rem', () => {
  it('takes the sign of the dividend', () => {
    expect(call('rem', -17, 5)).toBe(-2);
    expect(call('rem', 17, -5)).toBe(2);
    expect(call('rem', -4, 2)).toBe(0);
    expect(Object.is(call('rem', -4, 2), -0)).toBe(false);
  });

  it('accepts integral floats and big divisors', () => {
    expect(call('rem', 4.0, 3)).toBe(1);
    expect(call('rem', 10, big('18446744073709551616'))).toBe(10);
    expect(call('rem', 100, big('-18446744073709551616'))).toBe(100);
    expect(call('rem', big('18446744073709551617'), big('18446744073709551616'))).toBe(1);
  });

  it('rejects floats and zero divisors as builtin errors', () => {
    expect(() => call('rem', 1.1, 1)).toThrow(new BuiltinFailure('rem: modulo on floating-point number'));
    expect(() => call('rem', 1, 0)).toThrow(new BuiltinFailure('rem: modulo by zero'));
  });
});

describe('rounding', () => {
  it('rounds half away from zero', () => {
    expect(call('round', 2.5)).toBe(3);
    expect(call('round', -2.5)).toBe(-3);
    expect(call('round', 2.4)).toBe(2);
    expect(call('round', 0.49999999999999994)).toBe(0);
    expect(call('round', -5)).toBe(-5);
  });

  it('floors and ceils', () => {
    expect(call('floor', 1.5)).toBe(1);
    expect(call('floor', -1.001)).toBe(-2);
    expect(call('floor', 99.99999)).toBe(99);
    expect(call('ceil', 1.01)).toBe(2);
    expect(call('ceil', -1.5)).toBe(-1);
    expect(call('ceil', big('18446744073709551617'))).toBe(big('18446744073709551617'));
  });

  it('takes absolute values exactly', () => {
    expect(call('abs', -5)).toBe(5);
    expect(call('abs', -2.5)).toBe(2.5);
    expect(call('abs', big('-9223372036854775808'))).toBe(big('9223372036854775808'));
  });
});

describe('numbers.range and numbers.range_step', () => {
  it('counts up or down inclusively', () => {
    expect(text(call('numbers.range', -2, 3))).toBe('[-2, -1, 0, 1, 2, 3]');
    expect(text(call('numbers.range', 2, -3))).toBe('[2, 1, 0, -1, -2, -3]');
    expect(text(call('numbers.range', 0, 0))).toBe('[0]');
  });

  it('steps, stopping at the last value inside the bounds', () => {
    expect(text(call('numbers.range_step', 0, 10, 2))).toBe('[0, 2, 4, 6, 8, 10]');
    expect(text(call('numbers.range_step', 0, -10, 2))).toBe('[0, -2, -4, -6, -8, -10]');
    expect(text(call('numbers.range_step', 10, 3, 2))).toBe('[10, 8, 6, 4]');
    expect(text(call('numbers.range_step', 2, 5, 2))).toBe('[2, 4]');
  });

  it('handles bounds beyond the safe range exactly', () => {
    const from = big('9007199254740992');
    expect(call('numbers.range', from, from + 2n)).toEqual([from, from + 1n, from + 2n]);
  });

  it('rejects non-positive steps and non-integers', () => {
    expect(() => call('numbers.range_step', 0, 10, -2)).toThrow(
      new BuiltinFailure('numbers.range_step: step must be a positive number above zero'),
    );
    expect(() => call('numbers.range', 1.5, 3)).toThrow(
      new BuiltinTypeError('numbers.range: operand 1 must be integer number but got floating-point number'),
    );
    expect(() => call('numbers.range', 1, 'x')).toThrow('numbers.range: operand 2 must be integer but got string');
  });
});

describe('rand.intn', () => {
  it('returns the same number for the same arguments within one evaluation', () => {
    const ctx = makeContext('evaluation-1');
    const c = caller(builtins, ctx);
    const first = c('rand.intn', 'k', 1000);
    expect(typeof first).toBe('number');
    expect(first as number).toBeGreaterThanOrEqual(0);
    expect(first as number).toBeLessThan(1000);
    expect(c('rand.intn', 'k', 1000)).toBe(first);
    expect(c('rand.intn', 'k', -1000)).toBe(first);
  });

  it('varies with the key and the evaluation seed', () => {
    const values = new Set<unknown>();
    for (let i = 0; i < 20; i++) values.add(caller(builtins, makeContext(`seed-${i}`))('rand.intn', 'k', 1_000_000));
    expect(values.size).toBeGreaterThan(15);
  });

  it('returns 0 for n = 0', () => {
    expect(call('rand.intn', 'k', 0)).toBe(0);
  });
});

describe('integral doubles beyond 2^53', () => {
  it('count as the integer they print as', () => {
    expect(call('plus', 1e30, 1)).toBe(10n ** 30n + 1n);
    expect(call('mul', 1e30, 1e30)).toBe(10n ** 60n);
    expect(call('rem', 1e16, 3)).toBe(1);
    expect(call('minus', 1.5e20, 1)).toBe(149999999999999999999n);
  });

  it('still mix with fractions as floating point', () => {
    expect(call('plus', 1e30, 0.5)).toBe(1e30);
  });
});
