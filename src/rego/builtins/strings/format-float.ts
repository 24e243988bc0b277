// Go's strconv.FormatFloat for float64: %e, %f, %g (shortest or fixed precision) and %b,
// rounding the exact binary value half-to-even as Go does, where JS's toFixed rounds ties up.

/** A non-negative decimal: 0.d1d2d3... x 10^dp, with no leading or trailing zero digits. */
interface Decimal {
  d: string;
  dp: number;
}

/** The float's mantissa and binary exponent: |x| = mant * 2^exp. */
export function decompose(x: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant: frac, exp: -1074 };
  return { mant: frac | (1n << 52n), exp: biased - 1075 };
}

function trimZeros(d: Decimal): Decimal {
  let end = d.d.length;
  while (end > 0 && d.d[end - 1] === '0') end--;
  return end === 0 ? { d: '', dp: 0 } : { d: d.d.slice(0, end), dp: d.dp };
}

/** Every digit of |x|, exactly. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const { mant, exp } = decompose(x);
  if (exp >= 0) {
    const s = (mant << BigInt(exp)).toString();
    return trimZeros({ d: s, dp: s.length });
  }
  const s = (mant * 5n ** BigInt(-exp)).toString();
  return trimZeros({ d: s, dp: s.length + exp });
}

/** The shortest digits that read back as |x| (JS and Go agree on these). */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const [m, e] = Math.abs(x).toExponential().split('e');
  return trimZeros({ d: m!.replace('.', ''), dp: Number(e) + 1 });
}

/** Rounds to `nd` significant digits, ties to even (the digits are exact, so a lone 5 is a tie). */
function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const next = a.d[nd]!;
  const tie = next === '5' && nd + 1 === a.d.length;
  const up = tie ? nd > 0 && Number(a.d[nd - 1]) % 2 === 1 : next >= '5';
  if (!up) return trimZeros({ d: a.d.slice(0, nd), dp: a.dp });
  for (let i = nd - 1; i >= 0; i--) {
    if (a.d[i] !== '9') return { d: a.d.slice(0, i) + String(Number(a.d[i]) + 1), dp: a.dp };
  }
  return { d: '1', dp: a.dp + 1 };
}

function digitAt(a: Decimal, i: number): string {
  return i >= 0 && i < a.d.length ? a.d[i]! : '0';
}

function fmtE(a: Decimal, prec: number, e: 'e' | 'E'): string {
  let out = a.d.length === 0 ? '0' : a.d[0]!;
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(a, i);
  }
  const exp = a.d.length === 0 ? 0 : a.dp - 1;
  const abs = Math.abs(exp);
  return out + e + (exp < 0 ? '-' : '+') + (abs < 10 ? '0' : '') + String(abs);
}

function fmtF(a: Decimal, prec: number): string {
  let out = '';
  if (a.dp > 0) {
    for (let i = 0; i < a.dp; i++) out += digitAt(a, i);
  } else {
    out = '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(a, a.dp + i - 1);
  }
  return out;
}

/** Go's 'b' format: decimal mantissa, 'p', binary exponent (`4503599627370496p-52`). */
function fmtB(x: number): string {
  const { mant, exp } = decompose(x);
  return `${x < 0 || Object.is(x, -0) ? '-' : ''}${mant}p${exp >= 0 ? '+' : ''}${exp}`;
}

export type FloatVerb = 'e' | 'E' | 'f' | 'g' | 'G' | 'b';

/**
 * strconv.FormatFloat(x, verb, prec, 64). `prec` -1 asks for the shortest digits that
 * round-trip; infinities print as +Inf/-Inf and NaN as NaN, as Go prints them.
 */
export function formatFloat(x: number, verb: FloatVerb, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (verb === 'b') return fmtB(x);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const shortest = prec < 0;
  let a: Decimal;
  if (shortest) {
    a = shortestDecimal(x);
    if (verb === 'e' || verb === 'E') prec = Math.max(a.d.length - 1, 0);
    else if (verb === 'f') prec = Math.max(a.d.length - a.dp, 0);
    else prec = a.d.length;
  } else {
    a = exactDecimal(x);
    if (verb === 'e' || verb === 'E') a = round(a, prec + 1);
    else if (verb === 'f') a = round(a, a.dp + prec);
    else {
      if (prec === 0) prec = 1;
      a = round(a, prec);
    }
  }
  if (verb === 'e' || verb === 'E') return sign + fmtE(a, prec, verb);
  if (verb === 'f') return sign + fmtF(a, prec);
  // %g: exponent form when the exponent is below -4 or at least the precision.
  let eprec = prec;
  if (eprec > a.d.length && a.d.length >= a.dp) eprec = a.d.length;
  if (shortest) eprec = 6;
  const exp = a.dp - 1;
  if (a.d.length !== 0 && (exp < -4 || exp >= eprec)) {
    if (prec > a.d.length) prec = a.d.length;
    return sign + fmtE(a, prec - 1, verb === 'g' ? 'e' : 'E');
  }
  if (prec > a.dp) prec = a.d.length;
  return sign + fmtF(a, Math.max(prec - a.dp, 0));
}
