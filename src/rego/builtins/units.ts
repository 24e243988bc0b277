// units.parse and units.parse_bytes: amounts with SI (k, M, G...) and binary (Ki, Mi...) suffixes,
// computed exactly with rationals as OPA does, with OPA's error texts.
import { normalizeBig } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { builtinError } from './builtin.ts';
import { stringOperand } from './operands.ts';

/** A non-negative denominator rational; enough arithmetic for scaling amounts. */
interface Rational {
  num: bigint;
  den: bigint;
}

const MAX_EXPONENT_DIGITS = 6;

class ExponentTooLarge extends Error {}

/**
 * Splits "10.5e3Mi" into its number and unit parts. A letter e/E belongs to the number only
 * when a digit or sign follows it, so "10e" is ten exa and "1e3" is a thousand.
 */
function splitAmount(s: string): [string, string] {
  const isNumChar = (c: string): boolean => (c >= '0' && c <= '9') || c === '.' || c === '+' || c === '-';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === 'e' || c === 'E') {
      const next = s[i + 1];
      if (next === undefined || !(isDigit(next) || next === '+' || next === '-')) return [s.slice(0, i), s.slice(i)];
      if (next === '+' || next === '-') i++;
      let end = i + 1;
      while (end < s.length && isDigit(s[end]!)) end++;
      if (end - (i + 1) > MAX_EXPONENT_DIGITS) throw new ExponentTooLarge();
      continue;
    }
    if (!isNumChar(c)) return [s.slice(0, i), s.slice(i)];
  }
  return [s, ''];
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Parses a decimal literal with optional sign and exponent ("-3.5E2", ".5", "5.") exactly. */
function parseRational(s: string): Rational | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  let num = BigInt((m[2] || '0') + frac);
  let den = 10n ** BigInt(frac.length);
  const exp = m[4] ? Number(m[4]) : 0;
  if (exp > 0) num *= 10n ** BigInt(exp);
  else if (exp < 0) den *= 10n ** BigInt(-exp);
  if (m[1] === '-') num = -num;
  return { num, den };
}

/** A rational as a Value: exact integer when whole, else a float rounded to 10 decimals like OPA. */
function rationalValue(r: Rational): Value {
  if (r.num % r.den === 0n) return normalizeBig(r.num / r.den);
  const neg = r.num < 0n;
  const abs = neg ? -r.num : r.num;
  const scaled = (abs * 10n ** 10n * 2n + r.den) / (2n * r.den);
  const digits = scaled.toString().padStart(11, '0');
  return Number(`${neg ? '-' : ''}${digits.slice(0, -10)}.${digits.slice(-10)}`);
}

const KILO = 1000n;
const KIBI = 1024n;
const SI_POWERS = ['k', 'm', 'g', 't', 'p', 'e'];

/** Multiplier for units.parse units; the first letter keeps its case so m (milli) differs from M (mega). */
function unitScale(unit: string): Rational | undefined {
  if (unit === '') return { num: 1n, den: 1n };
  if (unit === 'm') return { num: 1n, den: 1000n };
  const normalized = unit.length > 1 ? unit[0] + unit.slice(1).toLowerCase() : unit;
  const binary = normalized.length === 2 && normalized[1] === 'i';
  if (normalized.length > (binary ? 2 : 1)) return undefined;
  const letter = normalized[0]!;
  if (letter === 'M' || letter === 'm') {
    if (letter === 'm' && !binary) return undefined;
    return { num: binary ? KIBI ** 2n : KILO ** 2n, den: 1n };
  }
  const power = SI_POWERS.indexOf(letter.toLowerCase());
  if (power < 0) return undefined;
  return { num: (binary ? KIBI : KILO) ** BigInt(power + 1), den: 1n };
}

/** Multiplier for units.parse_bytes units, already lower-cased: k, kb, ki, kib, ... */
function byteScale(unit: string): Rational | undefined {
  if (unit === '') return { num: 1n, den: 1n };
  const m = /^([kmgtpe])(b|i|ib)?$/.exec(unit);
  if (!m) return undefined;
  const power = BigInt(SI_POWERS.indexOf(m[1]!) + 1);
  return { num: m[2] === 'i' || m[2] === 'ib' ? KIBI ** power : KILO ** power, den: 1n };
}

/**
 * Number times unit, exactly. `noun` is how the builtin's errors name what it reads:
 * '' for units.parse ("no amount provided"), 'byte ' for units.parse_bytes.
 */
function parseAmount(name: string, s: string, noun: string, scaleOf: (unit: string) => Rational | undefined): Rational {
  if (s.includes(' ')) throw builtinError(name, 'spaces not allowed in resource strings');
  let num: string;
  let unit: string;
  try {
    [num, unit] = splitAmount(s);
  } catch {
    throw builtinError(name, 'exponent too large');
  }
  if (num === '') throw builtinError(name, `no ${noun}amount provided`);
  const scale = scaleOf(unit);
  if (!scale) throw builtinError(name, `${noun}unit ${unit} not recognized`);
  const amount = parseRational(num);
  if (!amount) throw builtinError(name, `could not parse ${noun}amount to a number`);
  return { num: amount.num * scale.num, den: amount.den * scale.den };
}

function unitsParse(raw: string): Value {
  return rationalValue(parseAmount('units.parse', raw.replace(/"/g, ''), '', unitScale));
}

function unitsParseBytes(raw: string): Value {
  const bytes = parseAmount('units.parse_bytes', raw.toLowerCase().replace(/"/g, ''), 'byte ', byteScale);
  // Whole bytes only: the fraction is cut off toward zero.
  return normalizeBig(bytes.num / bytes.den);
}

export const builtins: BuiltinDef[] = [
  { name: 'units.parse', arity: 1, fn: ([a]) => unitsParse(stringOperand('units.parse', 1, a!)) },
  { name: 'units.parse_bytes', arity: 1, fn: ([a]) => unitsParseBytes(stringOperand('units.parse_bytes', 1, a!)) },
];
