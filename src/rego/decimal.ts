// Exact decimal numbers, for Rego number literals that a float64 cannot hold (1e-400,
// 0.1234567890123456789): OPA orders literals by the numbers they denote, not by the nearest
// float. Integers stay bigint and everything a float64 holds exactly stays a JS number, so a
// Decimal is never equal to either; arithmetic works on its nearest float.

const SYNTAX = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/;

/** Exponents beyond this are refused rather than computed with (no real policy needs 10^1e9). */
const MAX_EXPONENT = 1_000_000_000;

export class Decimal {
  /** The number coef × 10^exp; coef has no trailing zeros (zero is 0 × 10^0). */
  private constructor(
    readonly coef: bigint,
    readonly exp: number,
  ) {}

  static of(coef: bigint, exp: number): Decimal {
    if (coef === 0n) return new Decimal(0n, 0);
    while (coef % 10n === 0n) {
      coef /= 10n;
      exp++;
    }
    return new Decimal(coef, exp);
  }

  /** A JSON number's text as an exact decimal; undefined for anything else. */
  static parse(text: string): Decimal | undefined {
    const m = SYNTAX.exec(text);
    if (!m) return undefined;
    const fraction = m[3] ?? '';
    const exp = Number(m[4] ?? '0') - fraction.length;
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return undefined;
    const coef = BigInt(m[2]! + fraction);
    return Decimal.of(m[1] === '-' ? -coef : coef, exp);
  }

  /** The shortest decimal that reads back as this float (as JS prints it), exactly. */
  static fromFloat(n: number): Decimal {
    return Decimal.parse(String(n).replace('e+', 'e'))!;
  }

  get sign(): number {
    return this.coef < 0n ? -1 : this.coef > 0n ? 1 : 0;
  }

  isInteger(): boolean {
    return this.exp >= 0;
  }

  /** Digits of the integer part; used to keep integers exact as bigint only while they are sane in size. */
  integerDigits(): number {
    return this.coef === 0n ? 1 : absDigits(this.coef) + this.exp;
  }

  toBigInt(): bigint {
    if (this.exp < 0) throw new RangeError('not an integer');
    return this.coef * 10n ** BigInt(this.exp);
  }

  /** The nearest float64 (0 or an infinity beyond its range). */
  toNumber(): number {
    return Number(this.toString());
  }

  equals(other: Decimal): boolean {
    return this.coef === other.coef && this.exp === other.exp;
  }

  /** Plain notation for moderate exponents, else scientific: `0.1234567890123456789`, `1e-400`. */
  toString(): string {
    const negative = this.coef < 0n;
    const digits = (negative ? -this.coef : this.coef).toString();
    const adjusted = digits.length - 1 + this.exp;
    let body: string;
    if (adjusted >= -7 && adjusted < 21) {
      if (this.exp >= 0) body = digits + '0'.repeat(this.exp);
      else if (-this.exp < digits.length) body = digits.slice(0, digits.length + this.exp) + '.' + digits.slice(digits.length + this.exp);
      else body = '0.' + '0'.repeat(-this.exp - digits.length) + digits;
    } else {
      body = (digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits) + 'e' + (adjusted > 0 ? '+' : '') + adjusted;
    }
    return negative ? '-' + body : body;
  }
}

function absDigits(n: bigint): number {
  return (n < 0n ? -n : n).toString().length;
}

/** Orders two decimals exactly, without building powers of ten as large as their exponents. */
export function compareDecimals(a: Decimal, b: Decimal): number {
  if (a.sign !== b.sign) return a.sign < b.sign ? -1 : 1;
  if (a.sign === 0) return 0;
  // Same sign: compare magnitudes by their leading digit's power of ten first.
  const ma = absDigits(a.coef) + a.exp;
  const mb = absDigits(b.coef) + b.exp;
  let magnitude: number;
  if (ma !== mb) {
    magnitude = ma < mb ? -1 : 1;
  } else {
    // Equal leading powers: the exponents differ by less than the digits, so aligning is cheap.
    const e = Math.min(a.exp, b.exp);
    const x = (a.coef < 0n ? -a.coef : a.coef) * 10n ** BigInt(a.exp - e);
    const y = (b.coef < 0n ? -b.coef : b.coef) * 10n ** BigInt(b.exp - e);
    magnitude = x < y ? -1 : x > y ? 1 : 0;
  }
  return a.sign > 0 ? magnitude : -magnitude;
}

/** Any Rego number as an exact decimal, for comparing with a Decimal. */
export function toDecimal(n: number | bigint | Decimal): Decimal {
  if (n instanceof Decimal) return n;
  if (typeof n === 'bigint') return Decimal.of(n, 0);
  return Decimal.fromFloat(n);
}
