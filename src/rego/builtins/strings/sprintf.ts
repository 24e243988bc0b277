// sprintf with Go's fmt semantics over the Go values OPA hands to fmt.Sprintf, so output and
// misuse markers such as %!d(string=x) read exactly as OPA prints them.
import { toRegoText } from '../../value.ts';
import type { Value } from '../../value.ts';
import type { BuiltinDef } from '../builtin.ts';
import { formatFloat } from './format-float.ts';
import type { FloatVerb } from './format-float.ts';
import { canBackquote, goQuote, goQuoteRune } from './go-quote.ts';
import { arrayOperand, stringOperand } from '../operands.ts';

type GoArg =
  | { kind: 'int'; v: bigint }
  | { kind: 'big'; v: bigint }
  | { kind: 'float'; v: number }
  | { kind: 'string'; v: string };

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** As OPA converts values for fmt: integers to int (big.Int beyond int64), other numbers to float64, the rest to text. */
export function toGoArg(v: Value): GoArg {
  if (typeof v === 'string') return { kind: 'string', v };
  if (typeof v === 'bigint') return { kind: v >= INT64_MIN && v <= INT64_MAX ? 'int' : 'big', v };
  if (typeof v === 'number') return Number.isSafeInteger(v) ? { kind: 'int', v: BigInt(v) } : { kind: 'float', v };
  return { kind: 'string', v: toRegoText(v) };
}

/** The Go type name fmt prints in %!verb(type=value) and %!(EXTRA ...). */
function goTypeName(a: GoArg): string {
  return a.kind === 'int' ? 'int' : a.kind === 'big' ? '*big.Int' : a.kind === 'float' ? 'float64' : 'string';
}

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

function noFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
  };
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const TOO_LARGE = 1_000_000;

const LOWER_DIGITS = '0123456789abcdefx';
const UPPER_DIGITS = '0123456789ABCDEFX';

class Printer {
  out = '';
  f: Flags = noFlags();

  private writePadding(n: number): void {
    if (n <= 0) return;
    this.out += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  /** Writes s padded to the width on the left, or on the right with '-'. */
  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.out += s;
      return;
    }
    const n = this.f.wid - runeCount(s);
    if (this.f.minus) {
      this.out += s;
      this.writePadding(n);
    } else {
      this.writePadding(n);
      this.out += s;
    }
  }

  private withoutZero(fn: () => void): void {
    const zero = this.f.zero;
    this.f.zero = false;
    fn();
    this.f.zero = zero;
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    return Array.from(s).slice(0, this.f.prec).join('');
  }

  badVerb(verb: string, arg: GoArg): void {
    if (arg.kind === 'big') {
      this.out += `%!${verb}(big.Int=${arg.v})`;
      return;
    }
    this.out += `%!${verb}(${goTypeName(arg)}=`;
    this.printArg(arg, 'v');
    this.out += ')';
  }

  printArg(arg: GoArg, verb: string): void {
    switch (arg.kind) {
      case 'int':
        return this.fmtInt(arg, verb);
      case 'big':
        return this.fmtBig(arg, verb);
      case 'float':
        return this.fmtFloat(arg, verb);
      case 'string':
        return this.fmtString(arg, verb);
    }
  }

  private fmtInt(arg: GoArg & { kind: 'int' }, verb: string): void {
    switch (verb) {
      case 'v':
      case 'd':
        return this.fmtInteger(arg.v, 10, verb, LOWER_DIGITS);
      case 'b':
        return this.fmtInteger(arg.v, 2, verb, LOWER_DIGITS);
      case 'o':
      case 'O':
        return this.fmtInteger(arg.v, 8, verb, LOWER_DIGITS);
      case 'x':
        return this.fmtInteger(arg.v, 16, verb, LOWER_DIGITS);
      case 'X':
        return this.fmtInteger(arg.v, 16, verb, UPPER_DIGITS);
      case 'c':
        return this.pad(String.fromCodePoint(validRune(arg.v)));
      case 'q':
        return this.pad(goQuoteRune(validRune(arg.v), this.f.plus));
      case 'U':
        return this.fmtUnicode(arg.v);
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtInteger(v: bigint, base: number, verb: string, digits: string): void {
    const negative = v < 0n;
    const u = negative ? -v : v;
    // Two ways to ask for leading zeros, %.3d and %03d; an explicit precision wins.
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        this.withoutZero(() => this.writePadding(this.f.wid));
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.widPresent) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let s = u.toString(base);
    if (digits === UPPER_DIGITS) s = s.toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    if (this.f.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8 && s[0] !== '0') s = '0' + s;
      else if (base === 16) s = '0' + digits[16] + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.f.plus) s = '+' + s;
    else if (this.f.space) s = ' ' + s;
    this.withoutZero(() => this.pad(s));
  }

  private fmtUnicode(v: bigint): void {
    const u = v < 0n ? v + (1n << 64n) : v;
    let s = u.toString(16).toUpperCase();
    const prec = this.f.precPresent && this.f.prec > 4 ? this.f.prec : 4;
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    s = 'U+' + s;
    if (this.f.sharp && u <= 0x10ffffn) {
      const ch = String.fromCodePoint(Number(u));
      if (u < 0xd800n || u > 0xdfffn) {
        if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) s += ` '${ch}'`;
      }
    }
    this.withoutZero(() => this.pad(s));
  }

  /** math/big's own Format: its flags and padding rules differ slightly from fmt's ints. */
  private fmtBig(arg: GoArg & { kind: 'big' }, verb: string): void {
    let base: number;
    switch (verb) {
      case 'b':
        base = 2;
        break;
      case 'o':
      case 'O':
        base = 8;
        break;
      case 'd':
      case 's':
      case 'v':
        base = 10;
        break;
      case 'x':
      case 'X':
        base = 16;
        break;
      default:
        return this.badVerb(verb, arg);
    }
    const x = arg.v;
    const sign = x < 0n ? '-' : this.f.plus || this.f.plusV ? '+' : this.f.space ? ' ' : '';
    let prefix = '';
    if (this.f.sharp || this.f.sharpV) {
      prefix = verb === 'b' ? '0b' : verb === 'o' ? '0' : verb === 'x' ? '0x' : verb === 'X' ? '0X' : '';
    }
    if (verb === 'O') prefix = '0o';
    let digits = (x < 0n ? -x : x).toString(base);
    if (verb === 'X') digits = digits.toUpperCase();
    let zeros = 0;
    if (this.f.precPresent && digits.length < this.f.prec) zeros = this.f.prec - digits.length;
    const length = sign.length + prefix.length + zeros + digits.length;
    let left = 0;
    let right = 0;
    if (this.f.widPresent && length < this.f.wid) {
      const d = this.f.wid - length;
      if (this.f.minus) right = d;
      else if (this.f.zero && !this.f.precPresent) zeros = d;
      else left = d;
    }
    this.out += ' '.repeat(left) + sign + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right);
  }

  private fmtFloat(arg: GoArg & { kind: 'float' }, verb: string): void {
    let fverb: FloatVerb;
    let prec: number;
    switch (verb) {
      case 'v':
        fverb = 'g';
        prec = -1;
        break;
      case 'b':
      case 'g':
      case 'G':
        fverb = verb;
        prec = -1;
        break;
      case 'f':
      case 'e':
      case 'E':
        fverb = verb;
        prec = 6;
        break;
      case 'F':
        fverb = 'f';
        prec = 6;
        break;
      default:
        return this.badVerb(verb, arg);
    }
    if (this.f.precPresent) prec = this.f.prec;
    let num = formatFloat(arg.v, fverb, prec);
    num = num[0] === '-' || num[0] === '+' ? num : '+' + num;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.withoutZero(() => this.pad(num));
      return;
    }
    if (this.f.sharp && fverb !== 'b') num = forceDecimalPoint(num, fverb, prec);
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && !this.f.minus && this.f.widPresent && this.f.wid > num.length) {
        this.out += num[0]!;
        this.writePadding(this.f.wid - num.length);
        this.out += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private fmtString(arg: GoArg & { kind: 'string' }, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) return this.fmtQ(arg.v);
        return this.pad(this.truncate(arg.v));
      case 's':
        return this.pad(this.truncate(arg.v));
      case 'x':
        return this.fmtHex(arg.v, LOWER_DIGITS);
      case 'X':
        return this.fmtHex(arg.v, UPPER_DIGITS);
      case 'q':
        return this.fmtQ(arg.v);
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) return this.pad('`' + s + '`');
    this.pad(goQuote(s, this.f.plus));
  }

  /** Hex of the string's UTF-8 bytes; ' ' separates bytes and '#' adds 0x prefixes. */
  private fmtHex(s: string, digits: string): void {
    let bytes = Array.from(new TextEncoder().encode(s));
    if (this.f.precPresent && this.f.prec < bytes.length) bytes = bytes.slice(0, this.f.prec);
    if (bytes.length === 0) {
      if (this.f.widPresent) this.writePadding(this.f.wid);
      return;
    }
    const prefix = '0' + digits[16];
    let body = this.f.sharp && !this.f.space ? prefix : '';
    bytes.forEach((b, i) => {
      if (this.f.space && i > 0) body += ' ';
      if (this.f.space && this.f.sharp) body += prefix;
      body += digits[b >> 4]! + digits[b & 15]!;
    });
    const padding = this.f.widPresent ? this.f.wid - body.length : 0;
    if (!this.f.minus) this.writePadding(padding);
    this.out += body;
    if (this.f.minus) this.writePadding(padding);
  }
}

function validRune(v: bigint): number {
  if (v < 0n || v > 0x10ffffn || (v >= 0xd800n && v <= 0xdfffn)) return 0xfffd;
  return Number(v);
}

/** The '#' flag: always print a decimal point, and keep %g's trailing zeros. */
function forceDecimalPoint(num: string, verb: FloatVerb, prec: number): string {
  let digits = verb === 'g' || verb === 'G' ? (prec === -1 ? 6 : prec) : 0;
  let tail = '';
  let body = num;
  const e = body.search(/[eEpP]/);
  if (e >= 0) {
    tail = body.slice(e);
    body = body.slice(0, e);
  }
  let sawNonzero = false;
  for (const ch of body.slice(1)) {
    if (ch === '.') continue;
    if (ch !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!body.includes('.')) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  if (digits > 0) body += '0'.repeat(digits);
  return body + tail;
}

function parseNum(s: string, start: number): { num: number; ok: boolean; next: number } {
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < s.length && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (num > TOO_LARGE) return { num: 0, ok: false, next: s.length };
    num = num * 10 + (s.charCodeAt(i) - 48);
    ok = true;
  }
  return { num, ok, next: i };
}

/** Go's fmt.Sprintf over already converted arguments. */
export function goSprintf(format: string, args: GoArg[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  // An explicit argument index like [2]; sets goodArgNum false when it is out of range.
  const argNumber = (i: number): { i: number; found: boolean } => {
    if (i >= end || format[i] !== '[') return { i, found: false };
    reordered = true;
    const close = format.indexOf(']', i + 1);
    if (close < 0 || end - i < 3) {
      goodArgNum = false;
      return { i: i + 1, found: false };
    }
    const { num, ok, next } = parseNum(format, i + 1);
    if (!ok || next !== close) {
      goodArgNum = false;
      return { i: close + 1, found: false };
    }
    if (num - 1 >= 0 && num - 1 < args.length) {
      argNum = num - 1;
      return { i: close + 1, found: true };
    }
    goodArgNum = false;
    return { i: close + 1, found: true };
  };

  const intFromArg = (): { n: number; ok: boolean } => {
    if (argNum >= args.length) return { n: 0, ok: false };
    const a = args[argNum++]!;
    if (a.kind !== 'int' || a.v > BigInt(TOO_LARGE) || a.v < -BigInt(TOO_LARGE)) return { n: 0, ok: false };
    return { n: Number(a.v), ok: true };
  };

  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      p.out += format.slice(i);
      break;
    }
    p.out += format.slice(i, pct);
    i = pct + 1;
    p.f = noFlags();
    const f = p.f;

    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = !f.minus;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          f.zero = false;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          break flags;
      }
    }

    let r = argNumber(i);
    i = r.i;
    afterIndex = r.found;

    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg();
      f.wid = w.n;
      f.widPresent = w.ok;
      if (!w.ok) p.out += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const w = parseNum(format, i);
      f.wid = w.num;
      f.widPresent = w.ok;
      i = w.next;
      if (afterIndex && f.widPresent) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === '*') {
        i++;
        const w = intFromArg();
        f.prec = w.n;
        f.precPresent = w.ok;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!w.ok) p.out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const w = parseNum(format, i);
        f.prec = w.ok ? w.num : 0;
        f.precPresent = true;
        i = w.next;
      }
    }

    if (!afterIndex) {
      r = argNumber(i);
      i = r.i;
      afterIndex = r.found;
    }

    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }

    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;

    if (verb === '%') {
      p.out += '%';
    } else if (!goodArgNum) {
      p.out += `%!${verb}(BADINDEX)`;
    } else if (argNum >= args.length) {
      p.out += `%!${verb}(MISSING)`;
    } else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum]!, verb);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = noFlags();
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((a, k) => {
      if (k > 0) p.out += ', ';
      p.out += goTypeName(a) + '=';
      p.printArg(a, 'v');
    });
    p.out += ')';
  }
  return p.out;
}

function sprintf([f, a]: Value[]): Value {
  const format = stringOperand('sprintf', 1, f!);
  const args = arrayOperand('sprintf', 2, a!);
  const goArgs = args.map(toGoArg);
  return plainSprintf(format, goArgs) ?? goSprintf(format, goArgs);
}

/**
 * The common case without goSprintf's parsing: only bare %s and %v of text, %d and %v of
 * integers, and %%, one argument per verb. Anything else (flags, widths, other verbs, a
 * mismatch Go marks in the output) is undefined, for goSprintf.
 */
function plainSprintf(format: string, args: GoArg[]): string | undefined {
  let out = '';
  let i = 0;
  let n = 0;
  for (;;) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    const verb = format.charCodeAt(pct + 1);
    i = pct + 2;
    if (verb === 0x25) {
      out += '%';
      continue;
    }
    const a = args[n++];
    if (a === undefined) return undefined;
    if (a.kind === 'string' && (verb === 0x73 || verb === 0x76)) out += a.v;
    else if (a.kind === 'int' && (verb === 0x64 || verb === 0x76)) out += a.v.toString();
    else return undefined;
  }
  return n === args.length ? out : undefined;
}

export const builtins: BuiltinDef[] = [{ name: 'sprintf', arity: 2, fn: sprintf }];
