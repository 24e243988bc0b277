// String builtins: searching, slicing, case, trimming, splitting and replacing text.
// Positions and lengths count code points, as OPA counts Go runes, never UTF-16 units.
import { Decimal, SetValue, normalizeBig } from '../../value.ts';
import type { Value } from '../../value.ts';
import { BuiltinTypeError, builtinError } from '../builtin.ts';
import type { BuiltinDef } from '../builtin.ts';
import { goQuote } from './go-quote.ts';
import { elementError, notInteger, numberOperand, objectOperand, stringOperand, wrongType } from '../operands.ts';

function isAscii(s: string): boolean {
  return /^[\x00-\x7f]*$/.test(s);
}

/** An integer operand as a JS number (positions and counts never need more). */
function intOperand(name: string, pos: number, v: Value): number {
  const n = numberOperand(name, pos, v);
  if (typeof n === 'bigint') return Number(n);
  if (!Number.isInteger(n)) throw notInteger(name, pos);
  return n;
}

/** Strings of an array or set operand; a plain string counts as a one-element collection. */
function stringsOperand(name: string, pos: number, v: Value): string[] {
  if (typeof v === 'string') return [v];
  const items = Array.isArray(v) ? v : v instanceof SetValue ? v.sorted() : undefined;
  if (!items) throw wrongType(name, pos, 'one of {string, set, array}', v);
  return items.map((x) => {
    if (typeof x !== 'string') throw elementError(name, pos, v, x, 'string');
    return x;
  });
}

function concat([d, coll]: Value[]): Value {
  const delim = stringOperand('concat', 1, d!);
  let items: Value[];
  if (Array.isArray(coll)) items = coll;
  else if (coll instanceof SetValue) items = coll.sorted();
  else throw wrongType('concat', 2, 'one of {set, array}', coll!);
  for (const x of items) if (typeof x !== 'string') throw elementError('concat', 2, coll, x, 'string');
  return (items as string[]).join(delim);
}

function twoStrings(name: string, test: (a: string, b: string) => Value): BuiltinDef {
  return {
    name,
    arity: 2,
    fn: ([a, b]) => test(stringOperand(name, 1, a!), stringOperand(name, 2, b!)),
  };
}

function oneString(name: string, f: (s: string) => Value): BuiltinDef {
  return { name, arity: 1, fn: ([a]) => f(stringOperand(name, 1, a!)) };
}

function formatInt([x, b]: Value[]): Value {
  const n = numberOperand('format_int', 1, x!);
  const base = numberOperand('format_int', 2, b!);
  const radix = Number(base);
  if (radix !== 2 && radix !== 8 && radix !== 10 && radix !== 16) {
    throw new BuiltinTypeError('format_int: operand 2 must be one of {2, 8, 10, 16}');
  }
  // Go truncates toward zero before formatting.
  const int = typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
  return int.toString(radix);
}

function searchOperands(name: string, a: Value, b: Value): [string, string] {
  const base = stringOperand(name, 1, a);
  const search = stringOperand(name, 2, b);
  if (search === '') throw builtinError(name, 'empty search character');
  return [base, search];
}

function codePointIndex(s: string, unitIndex: number): number {
  if (isAscii(s)) return unitIndex;
  let n = 0;
  for (let i = 0; i < unitIndex; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < unitIndex) i++;
    n++;
  }
  return n;
}

function indexOf([a, b]: Value[]): Value {
  const [base, search] = searchOperands('indexof', a!, b!);
  const i = base.indexOf(search);
  return i < 0 ? -1 : codePointIndex(base, i);
}

function indexOfN([a, b]: Value[]): Value {
  const [base, search] = searchOperands('indexof_n', a!, b!);
  const out: Value[] = [];
  // Every start position counts, so matches may overlap ("aaa" holds "aa" at 0 and 1).
  for (let i = base.indexOf(search); i >= 0; i = base.indexOf(search, i + 1)) out.push(codePointIndex(base, i));
  return out;
}

function substring([a, b, c]: Value[]): Value {
  const s = stringOperand('substring', 1, a!);
  const start = intOperand('substring', 2, b!);
  const length = intOperand('substring', 3, c!);
  if (start < 0) throw builtinError('substring', 'negative offset');
  const chars = isAscii(s) ? s : Array.from(s);
  if (start >= chars.length) return '';
  const end = length < 0 ? chars.length : Math.min(chars.length, start + length);
  return typeof chars === 'string' ? chars.slice(start, end) : chars.slice(start, end).join('');
}

/**
 * Case mapping one code point at a time, as Go's unicode.ToLower/ToUpper do: a code point
 * whose JS mapping expands to several (ß -> SS) keeps Go's single-rune result.
 */
function mapCase(s: string, upper: boolean): string {
  if (isAscii(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    if (m.length === ch.length || Array.from(m).length === 1) out += m;
    else out += upper ? ch : String.fromCodePoint(m.codePointAt(0)!);
  }
  return out;
}

function split([a, b]: Value[]): Value {
  const s = stringOperand('split', 1, a!);
  const delim = stringOperand('split', 2, b!);
  if (delim === '') return Array.from(s);
  return s.split(delim);
}

/** Go's strings.SplitN: at most n pieces, the last holding the unsplit rest. */
function splitN(s: string, delim: string, n: number): string[] {
  if (delim === '') {
    const chars = Array.from(s);
    if (chars.length <= n) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(delim);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + delim.length);
  }
  out.push(rest);
  return out;
}

function stringsSplitN([a, b, c]: Value[]): Value {
  const s = stringOperand('strings.split_n', 1, a!);
  const delim = stringOperand('strings.split_n', 2, b!);
  const n = intOperand('strings.split_n', 3, c!);
  if (n === 0) return [];
  if (n > 0) return splitN(s, delim, n);
  // A negative limit keeps the last |n| fields.
  const all = delim === '' ? Array.from(s) : s.split(delim);
  return all.slice(Math.max(0, all.length + n));
}

/**
 * Replaces several keys in one left-to-right pass, as Go's strings.Replacer does: at each
 * position the first key in the given order that matches wins, replaced text is never
 * rescanned, and an empty key matches between every two code points.
 */
export function replaceAll(s: string, pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 1 && pairs[0]![0] !== '') return s.split(pairs[0]![0]).join(pairs[0]![1]);
  let out = '';
  let last = 0;
  let prevEmpty = false;
  for (let i = 0; i <= s.length; ) {
    let hit: readonly [string, string] | undefined;
    for (const p of pairs) {
      if (p[0] === '' && prevEmpty) continue;
      if (s.startsWith(p[0], i)) {
        hit = p;
        break;
      }
    }
    prevEmpty = hit !== undefined && hit[0] === '';
    if (hit) {
      out += s.slice(last, i) + hit[1];
      i += hit[0].length;
      last = i;
      continue;
    }
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return out + s.slice(last);
}

function replace([a, b, c]: Value[]): Value {
  const s = stringOperand('replace', 1, a!);
  const old = stringOperand('replace', 2, b!);
  const by = stringOperand('replace', 3, c!);
  return replaceAll(s, [[old, by]]);
}

function replaceN([a, b]: Value[]): Value {
  const patterns = objectOperand('strings.replace_n', 1, a!);
  const s = stringOperand('strings.replace_n', 2, b!);
  const pairs: [string, string][] = [];
  for (const [k, v] of patterns.sortedEntries()) {
    if (typeof k !== 'string') throw new BuiltinTypeError('strings.replace_n: operand 1 non-string key found in pattern object');
    if (typeof v !== 'string') {
      throw new BuiltinTypeError('strings.replace_n: operand 1 non-string value found in pattern object');
    }
    pairs.push([k, v]);
  }
  return pairs.length === 0 ? s : replaceAll(s, pairs);
}

function trimLeftSet(s: string, cut: Set<string>): string {
  const chars = Array.from(s);
  let i = 0;
  while (i < chars.length && cut.has(chars[i]!)) i++;
  return chars.slice(i).join('');
}

function trimRightSet(s: string, cut: Set<string>): string {
  const chars = Array.from(s);
  let j = chars.length;
  while (j > 0 && cut.has(chars[j - 1]!)) j--;
  return chars.slice(0, j).join('');
}

/** Go's unicode.IsSpace: ASCII spaces, NEL, NBSP and the Unicode space separators. */
function isGoSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}

function trimSpace(s: string): string {
  const chars = Array.from(s);
  let i = 0;
  let j = chars.length;
  while (i < j && isGoSpace(chars[i]!)) i++;
  while (j > i && isGoSpace(chars[j - 1]!)) j--;
  return chars.slice(i, j).join('');
}

function anyMatch(name: string, test: (s: string, affix: string) => boolean) {
  return ([a, b]: Value[]): Value => {
    const strs = stringsOperand(name, 1, a!);
    const affixes = stringsOperand(name, 2, b!);
    return strs.some((s) => affixes.some((x) => test(s, x)));
  };
}

function count(s: string, sub: string): number {
  if (sub === '') return Array.from(s).length + 1;
  return s.split(sub).length - 1;
}

/** Go's strconv.ParseFloat grammar (decimal and hexadecimal forms); returns undefined when malformed. */
function parseGoFloat(s: string): number | undefined {
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  const hex = /^([+-]?)0[xX]((?:[0-9a-fA-F]_?)*)(?:\.((?:[0-9a-fA-F]_?)*))?[pP]([+-]?\d+)$/.exec(s);
  if (!hex || hex[2]! + (hex[3] ?? '') === '') return undefined;
  const int = hex[2]!.replace(/_/g, '');
  const frac = (hex[3] ?? '').replace(/_/g, '');
  const mantissa = Number.parseInt((int + frac) || '0', 16);
  const v = mantissa * 2 ** (Number(hex[4]) - 4 * frac.length);
  return hex[1] === '-' ? -v : v;
}

function toNumber([x]: Value[]): Value {
  const v = x!;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof Decimal) return v;
  if (typeof v !== 'string') throw wrongType('to_number', 1, 'one of {null, boolean, number, string}', v);
  if (/^[+-]?\d+$/.test(v)) return normalizeBig(BigInt(v));
  const word = v.replace(/^[+-]+/, '').toLowerCase();
  if (word === 'inf' || word === 'infinity' || word === 'nan') {
    throw wrongType('to_number', 1, 'valid number string', v);
  }
  const n = parseGoFloat(v);
  if (n === undefined) throw builtinError('to_number', `strconv.ParseFloat: parsing ${goQuote(v)}: invalid syntax`);
  if (!Number.isFinite(n)) throw builtinError('to_number', `strconv.ParseFloat: parsing ${goQuote(v)}: value out of range`);
  return Object.is(n, -0) ? 0 : n;
}

export const builtins: BuiltinDef[] = [
  { name: 'concat', arity: 2, fn: concat },
  twoStrings('contains', (a, b) => a.includes(b)),
  twoStrings('startswith', (a, b) => a.startsWith(b)),
  twoStrings('endswith', (a, b) => a.endsWith(b)),
  { name: 'format_int', arity: 2, fn: formatInt },
  { name: 'indexof', arity: 2, fn: indexOf },
  { name: 'indexof_n', arity: 2, fn: indexOfN },
  oneString('lower', (s) => mapCase(s, false)),
  oneString('upper', (s) => mapCase(s, true)),
  { name: 'replace', arity: 3, fn: replace },
  { name: 'strings.replace_n', arity: 2, fn: replaceN },
  { name: 'split', arity: 2, fn: split },
  { name: 'strings.split_n', arity: 3, fn: stringsSplitN },
  { name: 'substring', arity: 3, fn: substring },
  twoStrings('trim', (s, c) => trimRightSet(trimLeftSet(s, new Set(c)), new Set(c))),
  twoStrings('trim_left', (s, c) => trimLeftSet(s, new Set(c))),
  twoStrings('trim_right', (s, c) => trimRightSet(s, new Set(c))),
  twoStrings('trim_prefix', (s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  twoStrings('trim_suffix', (s, p) => (p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s)),
  oneString('trim_space', trimSpace),
  { name: 'strings.any_prefix_match', arity: 2, fn: anyMatch('strings.any_prefix_match', (s, p) => s.startsWith(p)) },
  { name: 'strings.any_suffix_match', arity: 2, fn: anyMatch('strings.any_suffix_match', (s, p) => s.endsWith(p)) },
  oneString('strings.reverse', (s) => Array.from(s).reverse().join('')),
  twoStrings('strings.count', count),
  { name: 'to_number', arity: 1, fn: toNumber },
];

