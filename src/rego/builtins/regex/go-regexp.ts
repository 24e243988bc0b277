// Go RE2 patterns: checked with Go's rules (rejecting what Go rejects, in Go's words) and run
// on RE2's linear-time matcher; repeated matching follows Go's rules for empty matches.
import type { Matcher, RE2JS } from 're2js';
import { compileRe2, isRe2SyntaxError } from './re2.ts';

export class GoRegexpError extends Error {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

export interface GoRegexp {
  readonly re: RE2JS;
  /** Capture group names by group number (index 0, the whole match, has none). */
  readonly names: readonly (string | undefined)[];
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

const MAX_REPEAT = 1000;

function hex(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** A code point as JS pattern text, safe inside and outside classes in v mode. */
function lit(cp: number): string {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? String.fromCodePoint(cp) : hex(cp);
}

/** Other code points that equal cp under simple case folding (approximately Go's SimpleFold orbit). */
function caseVariants(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  const out = new Set<number>([cp]);
  for (const v of [ch.toLowerCase(), ch.toUpperCase(), ch.toUpperCase().toLowerCase(), ch.toLowerCase().toUpperCase()]) {
    const cps = Array.from(v);
    if (cps.length === 1) out.add(cps[0]!.codePointAt(0)!);
  }
  out.delete(cp);
  return [...out];
}

const PERL_CLASSES: Record<string, string> = {
  d: '0-9',
  s: '\\t\\n\\f\\r ',
  w: '0-9A-Za-z_',
};

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\u{0}-\\u{7f}',
  blank: '\\t ',
  cntrl: '\\u{0}-\\u{1f}\\u{7f}',
  digit: '0-9',
  graph: '\\u{21}-\\u{7e}',
  lower: 'a-z',
  print: '\\u{20}-\\u{7e}',
  punct: '\\u{21}-\\u{2f}\\u{3a}-\\u{40}\\u{5b}-\\u{60}\\u{7b}-\\u{7e}',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

function isAlnum(ch: string): boolean {
  return /^[0-9A-Za-z]$/.test(ch);
}

class Translator {
  private pos = 0;
  readonly names: (string | undefined)[] = [undefined];
  private readonly chars: string[];

  constructor(private readonly src: string) {
    this.chars = Array.from(src);
  }

  private peek(k = 0): string | undefined {
    return this.chars[this.pos + k];
  }

  private rest(from: number): string {
    return this.chars.slice(from).join('');
  }

  translate(): string {
    const out = this.alternation({ i: false, m: false, s: false, U: false }, 0);
    if (this.pos < this.chars.length) throw new GoRegexpError('unexpected )', this.src);
    return out;
  }

  /** Alternatives up to an unmatched ')' or the end. Flags set by (?x) last to the group's end. */
  private alternation(flags: Flags, depth: number): string {
    const branches: string[] = [];
    let current = '';
    let lastAtom: { start: number; text: string } | undefined;
    let lastRepeat: { start: number } | undefined;
    while (this.pos < this.chars.length) {
      const ch = this.peek()!;
      const start = this.pos;
      if (ch === ')') {
        if (depth === 0) throw new GoRegexpError('unexpected )', this.src);
        break;
      }
      if (ch === '|') {
        this.pos++;
        branches.push(current);
        current = '';
        lastAtom = undefined;
        lastRepeat = undefined;
        continue;
      }
      const rep = this.repetition();
      if (rep) {
        const opText = this.chars.slice(start, this.pos).join('');
        if (lastRepeat) {
          throw new GoRegexpError('invalid nested repetition operator', this.chars.slice(lastRepeat.start, this.pos).join(''));
        }
        if (!lastAtom) throw new GoRegexpError('missing argument to repetition operator', opText);
        const lazy = rep.lazy !== flags.U;
        current = current.slice(0, lastAtom.start) + `(?:${lastAtom.text})` + rep.quant + (lazy ? '?' : '');
        lastRepeat = { start };
        lastAtom = undefined;
        continue;
      }
      const atom = this.atom(flags, depth);
      lastRepeat = undefined;
      if (atom === null) {
        lastAtom = undefined;
        continue;
      }
      lastAtom = { start: current.length, text: atom };
      current += atom;
    }
    branches.push(current);
    return branches.join('|');
  }

  /** A repetition operator at the cursor, consumed; undefined when there is none. */
  private repetition(): { quant: string; lazy: boolean } | undefined {
    const ch = this.peek();
    let quant: string | undefined;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      quant = ch;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.rest(this.pos));
      if (!m) return undefined;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] === '' ? -1 : Number(m[3]);
      if (lo > MAX_REPEAT || hi > MAX_REPEAT || (hi >= 0 && hi < lo)) throw new GoRegexpError('invalid repeat count', m[0]);
      this.pos += m[0].length;
      quant = hi === lo ? `{${lo}}` : hi < 0 ? `{${lo},}` : `{${lo},${hi}}`;
    } else {
      return undefined;
    }
    let lazy = false;
    if (this.peek() === '?') {
      this.pos++;
      lazy = true;
    }
    return { quant, lazy };
  }

  /** One atom as JS text, or null for a flag setting that emits nothing. */
  private atom(flags: Flags, depth: number): string | null {
    const ch = this.peek()!;
    const start = this.pos;
    this.pos++;
    switch (ch) {
      case '(':
        return this.group(flags, depth, start);
      case '[':
        return this.charClass(flags, start);
      case '.':
        return flags.s ? '[\\s\\S]' : '[^\\n]';
      case '^':
        return flags.m ? '(?<![^\\n])' : '(?<![\\s\\S])';
      case '$':
        return flags.m ? '(?![^\\n])' : '(?![\\s\\S])';
      case '\\':
        return this.escape(flags, start);
      default:
        return this.literal(ch.codePointAt(0)!, flags);
    }
  }

  private literal(cp: number, flags: Flags): string {
    if (!flags.i) return lit(cp);
    const variants = caseVariants(cp);
    return variants.length === 0 ? lit(cp) : `[${[cp, ...variants].map(lit).join('')}]`;
  }

  private group(flags: Flags, depth: number, start: number): string | null {
    if (this.peek() !== '?') {
      this.names.push(undefined);
      return '(' + this.groupBody({ ...flags }, depth) + ')';
    }
    const head = this.rest(this.pos);
    const named = /^\?P?<([^>]*)>/.exec(head);
    if (named && (head.startsWith('?P<') || head.startsWith('?<')) && !head.startsWith('?<=') && !head.startsWith('?<!')) {
      const name = named[1]!;
      if (!/^[0-9A-Za-z_]+$/.test(name)) {
        throw new GoRegexpError('invalid named capture', this.chars.slice(start, this.pos + named[0].length).join(''));
      }
      if (this.names.includes(name)) {
        throw new GoRegexpError('duplicate capture group name', this.chars.slice(start, this.pos + named[0].length).join(''));
      }
      this.pos += Array.from(named[0]).length;
      this.names.push(name);
      return '(' + this.groupBody({ ...flags }, depth) + ')';
    }
    const flagSpec = /^\?([imsU]*(?:-[imsU]*)?)([:)])/.exec(head);
    if (!flagSpec || flagSpec[1]!.endsWith('-') || flagSpec[1] === '' && flagSpec[2] === ')') {
      throw new GoRegexpError('invalid or unsupported Perl syntax', this.chars.slice(start, this.pos + 2).join(''));
    }
    this.pos += flagSpec[0].length;
    const scoped = flagSpec[2] === ':' ? { ...flags } : flags;
    let on = true;
    for (const f of flagSpec[1]!) {
      if (f === '-') on = false;
      else scoped[f as keyof Flags] = on;
    }
    if (flagSpec[2] === ')') return null;
    return '(?:' + this.groupBody(scoped, depth) + ')';
  }

  private groupBody(flags: Flags, depth: number): string {
    const inner = this.alternation(flags, depth + 1);
    if (this.peek() !== ')') throw new GoRegexpError('missing closing )', this.src);
    this.pos++;
    return inner;
  }

  /** Parses an escape outside a class. */
  private escape(flags: Flags, start: number): string {
    const c = this.peek();
    if (c === undefined) throw new GoRegexpError('trailing backslash at end of expression', '');
    switch (c) {
      case 'A':
        this.pos++;
        return '(?<![\\s\\S])';
      case 'z':
        this.pos++;
        return '(?![\\s\\S])';
      case 'b':
        this.pos++;
        return '\\b';
      case 'B':
        this.pos++;
        return '\\B';
      case 'Q': {
        this.pos++;
        let end = this.chars.indexOf('\\', this.pos);
        while (end >= 0 && this.chars[end + 1] !== 'E') end = this.chars.indexOf('\\', end + 1);
        const text = this.chars.slice(this.pos, end < 0 ? this.chars.length : end);
        this.pos = end < 0 ? this.chars.length : end + 2;
        return text.map((t) => this.literal(t.codePointAt(0)!, flags)).join('');
      }
    }
    const cls = this.classEscape(start);
    if (cls !== undefined) return `[${cls}]`;
    return this.literal(this.charEscape(start), flags);
  }

  /** \d \s \w (and negations) and \p{..}; returns class-body text, or undefined. */
  private classEscape(start: number): string | undefined {
    const c = this.peek()!;
    const lower = c.toLowerCase();
    if (lower in PERL_CLASSES && (c === lower || c === c.toUpperCase())) {
      this.pos++;
      const body = PERL_CLASSES[lower]!;
      return c === lower ? body : `[^${body}]`;
    }
    if (c === 'p' || c === 'P') {
      this.pos++;
      let name: string;
      if (this.peek() === '{') {
        const close = this.chars.indexOf('}', this.pos);
        if (close < 0) throw new GoRegexpError('invalid character class range', this.rest(start));
        name = this.chars.slice(this.pos + 1, close).join('');
        this.pos = close + 1;
      } else {
        const n = this.peek();
        if (n === undefined) throw new GoRegexpError('invalid character class range', this.rest(start));
        name = n;
        this.pos++;
      }
      let negate = c === 'P';
      if (name.startsWith('^')) {
        negate = !negate;
        name = name.slice(1);
      }
      const expr = this.chars.slice(start, this.pos).join('');
      let prop: string;
      if (name === 'Any') prop = '\\u{0}-\\u{10ffff}';
      else if (GENERAL_CATEGORIES.has(name)) prop = `\\p{${name}}`;
      else if (/^[A-Z][A-Za-z_]*$/.test(name) && scriptExists(name)) prop = `\\p{Script=${name}}`;
      else throw new GoRegexpError('invalid character class range', expr);
      return negate ? `[^${prop}]` : prop;
    }
    return undefined;
  }

  /** A single-character escape (\n, \x41, \101, \.), consumed, as a code point. */
  private charEscape(start: number): number {
    const c = this.peek()!;
    this.pos++;
    switch (c) {
      case 'a':
        return 7;
      case 'f':
        return 12;
      case 't':
        return 9;
      case 'n':
        return 10;
      case 'r':
        return 13;
      case 'v':
        return 11;
      case 'x': {
        if (this.peek() === '{') {
          const close = this.chars.indexOf('}', this.pos);
          const digits = close < 0 ? '' : this.chars.slice(this.pos + 1, close).join('');
          if (!/^[0-9A-Fa-f]+$/.test(digits) || Number.parseInt(digits, 16) > 0x10ffff) {
            throw new GoRegexpError('invalid escape sequence', this.chars.slice(start, close < 0 ? this.chars.length : close + 1).join(''));
          }
          this.pos = close + 1;
          return Number.parseInt(digits, 16);
        }
        const two = this.chars.slice(this.pos, this.pos + 2).join('');
        if (!/^[0-9A-Fa-f]{2}$/.test(two)) {
          throw new GoRegexpError('invalid escape sequence', this.chars.slice(start, this.pos + 2).join(''));
        }
        this.pos += 2;
        return Number.parseInt(two, 16);
      }
    }
    if (c >= '0' && c <= '7') {
      // A lone non-zero digit would be a backreference, which Go does not support.
      if (c !== '0' && !/^[0-7]$/.test(this.peek() ?? '')) {
        throw new GoRegexpError('invalid escape sequence', this.chars.slice(start, this.pos).join(''));
      }
      let v = Number(c);
      for (let k = 1; k < 3 && /^[0-7]$/.test(this.peek() ?? ''); k++) {
        v = v * 8 + Number(this.peek());
        this.pos++;
      }
      return v;
    }
    if (c.codePointAt(0)! < 0x80 && !isAlnum(c)) return c.codePointAt(0)!;
    throw new GoRegexpError('invalid escape sequence', this.chars.slice(start, this.pos).join(''));
  }

  private charClass(flags: Flags, start: number): string {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.pos++;
    }
    const items: string[] = [];
    let first = true;
    const missing = () => new GoRegexpError('missing closing ]', this.rest(start));
    while (first || this.peek() !== ']') {
      if (this.peek() === undefined) throw missing();
      first = false;
      if (this.peek() === '[' && this.peek(1) === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(this.rest(this.pos));
        if (m) {
          const body = POSIX_CLASSES[m[2]!];
          if (!body) throw new GoRegexpError('invalid character class range', m[0]);
          items.push(m[1] ? `[^${body}]` : body);
          this.pos += m[0].length;
          continue;
        }
      }
      if (this.peek() === '\\') {
        const escStart = this.pos;
        this.pos++;
        if (this.peek() === undefined) throw missing();
        const cls = this.classEscape(escStart);
        if (cls !== undefined) {
          items.push(cls.startsWith('[') ? cls : `[${cls}]`);
          continue;
        }
        this.pos = escStart;
      }
      const rangeStart = this.pos;
      const lo = this.classChar(missing);
      let hi = lo;
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.pos++;
        hi = this.classChar(missing);
        if (hi < lo) throw new GoRegexpError('invalid character class range', this.chars.slice(rangeStart, this.pos).join(''));
      }
      items.push(lo === hi ? lit(lo) : `${lit(lo)}-${lit(hi)}`);
      if (flags.i) items.push(...foldRange(lo, hi));
    }
    this.pos++;
    return `[${negate ? '^' : ''}${items.join('')}]`;
  }

  private classChar(missing: () => GoRegexpError): number {
    const c = this.peek();
    if (c === undefined) throw missing();
    if (c === '\\') {
      const escStart = this.pos;
      this.pos++;
      if (this.peek() === undefined) throw missing();
      return this.charEscape(escStart);
    }
    this.pos++;
    return c.codePointAt(0)!;
  }
}

/** Case variants of a class range that lie outside it; huge ranges are left alone. */
function foldRange(lo: number, hi: number): string[] {
  if (hi - lo > 5000) return [];
  const extra = new Set<number>();
  for (let cp = lo; cp <= hi; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    for (const v of caseVariants(cp)) if (v < lo || v > hi) extra.add(v);
  }
  return [...extra].map(lit);
}

const scriptCache = new Map<string, boolean>();

function scriptExists(name: string): boolean {
  let ok = scriptCache.get(name);
  if (ok === undefined) {
    try {
      new RegExp(`\\p{Script=${name}}`, 'v');
      ok = true;
    } catch {
      ok = false;
    }
    scriptCache.set(name, ok);
  }
  return ok;
}

export function compileGoRegexp(pattern: string): GoRegexp {
  // The translation is kept as the syntax check: it words each rejection as Go does.
  const t = new Translator(pattern);
  t.translate();
  let re: RE2JS;
  try {
    re = compileRe2(pattern);
  } catch (e) {
    if (!isRe2SyntaxError(e)) throw e;
    throw new GoRegexpError('invalid or unsupported Perl syntax', pattern);
  }
  return { re, names: t.names };
}

/** The leftmost match at or after `from`; what lies before `from` still counts for `\b` and `^`. */
function execAt(m: Matcher, s: string, from: number): Match | undefined {
  if (!m.find(from)) return undefined;
  const groups: (string | undefined)[] = [];
  for (let i = 1; i <= m.groupCount(); i++) {
    const start = m.start(i);
    groups.push(start < 0 ? undefined : s.slice(start, m.end(i)));
  }
  return { start: m.start(), end: m.end(), groups };
}

export function matches(g: GoRegexp, s: string): boolean {
  return g.re.matcher(s).find(0);
}

function nextWidth(s: string, pos: number): number {
  if (pos >= s.length) return 0;
  const c = s.charCodeAt(pos);
  return c >= 0xd800 && c <= 0xdbff && pos + 1 < s.length ? 2 : 1;
}

export interface Match {
  start: number;
  end: number;
  /** Group texts; undefined for groups that did not take part. */
  groups: (string | undefined)[];
}

/** Go's FindAll: successive non-overlapping matches, ignoring an empty match right after a match. */
export function findAll(g: GoRegexp, s: string, n: number): Match[] {
  const limit = n < 0 ? s.length + 1 : n;
  const out: Match[] = [];
  const matcher = g.re.matcher(s);
  let pos = 0;
  let prevEnd = -1;
  while (out.length < limit && pos <= s.length) {
    const m = execAt(matcher, s, pos);
    if (!m) break;
    const { start, end } = m;
    let accept = true;
    if (end === pos) {
      if (start === prevEnd) accept = false;
      const w = nextWidth(s, pos);
      pos = w > 0 ? pos + w : s.length + 1;
    } else {
      pos = end;
    }
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

/** Go's Regexp.Split with n = -1. */
export function split(g: GoRegexp, s: string, emptyPattern: boolean): string[] {
  if (!emptyPattern && s === '') return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(g, s, -1)) {
    end = m.start;
    if (m.end !== 0) out.push(s.slice(beg, end));
    beg = m.end;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** Go's Regexp.Expand of a $-template: $1, ${1}, $name, ${name}, $$. */
export function expand(g: GoRegexp, template: string, m: Match, whole: string): string {
  let out = '';
  let t = template;
  for (;;) {
    const i = t.indexOf('$');
    if (i < 0) break;
    out += t.slice(0, i);
    t = t.slice(i + 1);
    if (t.startsWith('$')) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(t);
    if (!ref) {
      out += '$';
      continue;
    }
    t = t.slice(ref[0].length);
    const name = ref[1] ?? ref[2]!;
    // Numbers with leading zeros are names, as in Go.
    const k = /^(0|[1-9]\d{0,7})$/.test(name) ? Number(name) : g.names.indexOf(name);
    if (k === 0) out += whole;
    else if (k > 0 && k - 1 < m.groups.length) out += m.groups[k - 1] ?? '';
  }
  return out + t;
}

/** Go's ReplaceAllString: no replacement for an empty match right after a previous match. */
export function replaceAll(g: GoRegexp, s: string, template: string): string {
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  const matcher = g.re.matcher(s);
  while (searchPos <= s.length) {
    const m = execAt(matcher, s, searchPos);
    if (!m) break;
    const { start, end } = m;
    out += s.slice(lastEnd, start);
    if (end > lastEnd || start === 0) out += expand(g, template, m, s.slice(start, end));
    lastEnd = end;
    const w = nextWidth(s, searchPos);
    if (searchPos + w > end) searchPos += w;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + s.slice(lastEnd);
}
