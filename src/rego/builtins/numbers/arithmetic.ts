// Number arithmetic as Rego defines it: exact on integers of any size, floating point otherwise.
// Integers inside the safe range stay JS numbers; larger ones are bigints (see normalizeBig).
import { normalizeBig } from '../../value.ts';

export type Num = number | bigint;

/** Numbers that denote an integer, which Rego computes with exactly. */
export function isExactInt(n: Num): boolean {
  return typeof n === 'bigint' || Number.isInteger(n);
}

/**
 * An integer as a bigint. An integral double beyond 2^53 (a literal such as 1e30, or a big
 * JSON number) is taken as the decimal it prints as, since that is the number its author wrote:
 * 1e30 is 10^30, not the binary neighbour 1000000000000000019884624838656.
 */
function big(n: Num): bigint {
  if (typeof n === 'bigint') return n;
  if (Number.isSafeInteger(n)) return BigInt(n);
  return decimalToBig(String(n));
}

function decimalToBig(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e\+?(\d+))?$/.exec(text);
  if (!m) return BigInt(Math.trunc(Number(text)));
  const [, sign, whole, fraction = '', exp = '0'] = m;
  const digits = BigInt(whole! + fraction) * 10n ** BigInt(Number(exp) - fraction.length);
  return sign ? -digits : digits;
}

function float(n: Num): number {
  return typeof n === 'bigint' ? Number(n) : n;
}

function exactOr(
  a: Num,
  b: Num,
  small: (x: number, y: number) => number,
  exact: (x: bigint, y: bigint) => bigint,
): Num {
  if (!isExactInt(a) || !isExactInt(b)) return noNegativeZero(small(float(a), float(b)));
  if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    const r = noNegativeZero(small(a, b));
    if (Number.isSafeInteger(r)) return r;
  }
  return normalizeBig(exact(big(a), big(b)));
}

export function add(a: Num, b: Num): Num {
  return exactOr(a, b, (x, y) => x + y, (x, y) => x + y);
}

export function sub(a: Num, b: Num): Num {
  return exactOr(a, b, (x, y) => x - y, (x, y) => x - y);
}

export function mul(a: Num, b: Num): Num {
  return exactOr(a, b, (x, y) => x * y, (x, y) => x * y);
}

export class DivideByZero extends Error {}

/** Exact when both are integers and the divisor divides the dividend; a float quotient otherwise. */
export function div(a: Num, b: Num): Num {
  if (isExactInt(b) ? big(b) === 0n : float(b) === 0) throw new DivideByZero();
  if (isExactInt(a) && isExactInt(b)) {
    const x = big(a);
    const y = big(b);
    if (x !== 0n && x % y === 0n) return normalizeBig(x / y);
  }
  return noNegativeZero(float(a) / float(b));
}

/** Rego has one zero; JS arithmetic can produce -0 (e.g. -4 % 2), which would print oddly elsewhere. */
function noNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}

/** Remainder with the sign of the dividend, on integers only: `undefined` signals a float operand. */
export function rem(a: Num, b: Num): Num | undefined {
  if (!isExactInt(a) || !isExactInt(b)) return undefined;
  if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    if (b === 0) throw new DivideByZero();
    return noNegativeZero(a % b);
  }
  const y = big(b);
  if (y === 0n) throw new DivideByZero();
  return normalizeBig(big(a) % y);
}

export function abs(n: Num): Num {
  if (typeof n === 'bigint') return normalizeBig(n < 0n ? -n : n);
  return Math.abs(n);
}

/** Half away from zero, as OPA rounds. */
export function round(n: Num): Num {
  if (typeof n === 'bigint' || Number.isInteger(n)) return n;
  const t = Math.trunc(n);
  // n - t is exact for doubles, so the half-way test cannot be skewed by rounding.
  const frac = n - t;
  if (Math.abs(frac) >= 0.5) return t + Math.sign(n);
  return noNegativeZero(t);
}

export function ceil(n: Num): Num {
  if (typeof n === 'bigint') return n;
  return noNegativeZero(Math.ceil(n));
}

export function floor(n: Num): Num {
  if (typeof n === 'bigint') return n;
  return noNegativeZero(Math.floor(n));
}

/** Sum of numbers: exact while every term is an integer, floating point once any is not. */
export function sumOf(ns: readonly Num[]): Num {
  if (ns.every(isExactInt)) {
    let acc = 0n;
    let small = 0;
    let useBig = false;
    for (const n of ns) {
      if (!useBig && typeof n === 'number' && Number.isSafeInteger(n)) {
        const s = small + n;
        if (Number.isSafeInteger(s)) {
          small = s;
          continue;
        }
      }
      if (!useBig) {
        acc = BigInt(small);
        useBig = true;
      }
      acc += big(n);
    }
    return useBig ? normalizeBig(acc) : small;
  }
  let f = 0;
  for (const n of ns) f += float(n);
  return f;
}

export function productOf(ns: readonly Num[]): Num {
  if (ns.every(isExactInt)) {
    let acc: Num = 1;
    for (const n of ns) acc = mul(acc, n);
    return acc;
  }
  let f = 1;
  for (const n of ns) f *= float(n);
  return f;
}
