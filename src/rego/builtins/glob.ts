// Glob builtins in OPA's glob language (gobwas/glob: `*` stops at delimiters, `**` does not),
// compiled to anchored RE2 patterns (linear-time matching) and cached for the evaluation.
import type { Value } from '../value.ts';
import { builtinError } from './builtin.ts';
import type { BuiltinContext, BuiltinDef } from './builtin.ts';
import { elementError, stringOperand, wrongType } from './operands.ts';
import { compileRe2 } from './regex/re2.ts';
import type { RE2JS } from 're2js';

class GlobSyntaxError extends Error {}

type GlobNode =
  | { t: 'text'; text: string }
  | { t: 'any' }
  | { t: 'super' }
  | { t: 'single' }
  | { t: 'list'; chars: string; not: boolean }
  | { t: 'range'; lo: string; hi: string; not: boolean }
  | { t: 'anyOf'; alternatives: GlobNode[][] };

/** Reads a glob the way gobwas's lexer and parser do, quirks included (one range per bracket). */
class GlobParser {
  private pos = 0;
  private readonly chars: string[];

  constructor(pattern: string) {
    this.chars = Array.from(pattern);
  }

  parse(): GlobNode[] {
    return this.sequence(0).nodes;
  }

  /** Nodes up to the end, or inside braces up to ',' or '}'. */
  private sequence(level: number): { nodes: GlobNode[]; stop: string | undefined } {
    const nodes: GlobNode[] = [];
    for (;;) {
      const ch = this.chars[this.pos];
      if (ch === undefined) return { nodes, stop: undefined };
      if (level > 0 && (ch === ',' || ch === '}')) {
        this.pos++;
        return { nodes, stop: ch };
      }
      this.pos++;
      switch (ch) {
        case '{':
          nodes.push(this.alternatives(level + 1));
          break;
        case '[':
          nodes.push(this.bracket());
          break;
        case '?':
          nodes.push({ t: 'single' });
          break;
        case '*':
          if (this.chars[this.pos] === '*') {
            this.pos++;
            nodes.push({ t: 'super' });
          } else {
            nodes.push({ t: 'any' });
          }
          break;
        default:
          this.pos--;
          this.text(level > 0 ? '?*[{},' : '?*[{', nodes);
      }
    }
  }

  private alternatives(level: number): GlobNode {
    const alternatives: GlobNode[][] = [];
    for (;;) {
      const { nodes, stop } = this.sequence(level);
      alternatives.push(nodes);
      // An unclosed '{' simply ends with the pattern.
      if (stop !== ',') return { t: 'anyOf', alternatives };
    }
  }

  private text(breakers: string, nodes: GlobNode[]): void {
    let data = '';
    let escaped = false;
    while (this.pos < this.chars.length) {
      const ch = this.chars[this.pos]!;
      if (!escaped) {
        if (ch === '\\') {
          escaped = true;
          this.pos++;
          continue;
        }
        if (breakers.includes(ch)) break;
      }
      escaped = false;
      data += ch;
      this.pos++;
    }
    if (data !== '') nodes.push({ t: 'text', text: data });
  }

  private bracket(): GlobNode {
    let not = false;
    let lo: string | undefined;
    let hi: string | undefined;
    let chars = '';
    for (;;) {
      const ch = this.chars[this.pos];
      if (ch === undefined) throw new GlobSyntaxError('unexpected end of input');
      if (!not && ch === '!' && lo === undefined && chars === '') {
        not = true;
        this.pos++;
        continue;
      }
      if (this.chars[this.pos + 1] === '-') {
        lo = ch;
        const h = this.chars[this.pos + 2];
        if (h === undefined) throw new GlobSyntaxError('unexpected end of input');
        hi = h;
        this.pos += 3;
      } else {
        const found: GlobNode[] = [];
        this.text(']', found);
        if (found.length > 0) chars = (found[0] as { text: string }).text;
      }
      const close = this.chars[this.pos];
      if (close === undefined) throw new GlobSyntaxError('unexpected end of input');
      if (close !== ']') throw new GlobSyntaxError('expected close range character');
      this.pos++;
      break;
    }
    if (lo !== undefined && hi !== undefined) {
      if (hi.codePointAt(0)! < lo.codePointAt(0)!) {
        throw new GlobSyntaxError(`hi character '${hi}' should be greater than lo '${lo}'`);
      }
      return { t: 'range', lo, hi, not };
    }
    if (chars === '') throw new GlobSyntaxError('could not parse range');
    return { t: 'list', chars, not };
  }
}

function lit(ch: string): string {
  return /^[0-9A-Za-z]$/.test(ch) ? ch : `\\x{${ch.codePointAt(0)!.toString(16)}}`;
}

function toRegExpSource(nodes: GlobNode[], delimiters: string[]): string {
  const nonDelim = delimiters.length === 0 ? '(?s:.)' : `[^${delimiters.map(lit).join('')}]`;
  const emit = (n: GlobNode): string => {
    switch (n.t) {
      case 'text':
        return Array.from(n.text, lit).join('');
      case 'any':
        return `${nonDelim}*`;
      case 'super':
        return '(?s:.)*';
      case 'single':
        return nonDelim;
      case 'list':
        return `[${n.not ? '^' : ''}${Array.from(n.chars, lit).join('')}]`;
      case 'range':
        return `[${n.not ? '^' : ''}${lit(n.lo)}-${lit(n.hi)}]`;
      case 'anyOf':
        return `(?:${n.alternatives.map((alt) => alt.map(emit).join('')).join('|')})`;
    }
  };
  return `^(?:${nodes.map(emit).join('')})$`;
}

export function compileGlob(pattern: string, delimiters: string[]): RE2JS {
  return compileRe2(toRegExpSource(new GlobParser(pattern).parse(), delimiters));
}

function delimitersOperand(v: Value): string[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw wrongType('glob.match', 2, 'one of {array, null}', v);
  const out = v.map((d) => {
    if (typeof d !== 'string') throw elementError('glob.match', 2, v, d, 'string');
    if (Array.from(d).length !== 1) throw elementError('glob.match', 2, v, d, 'rune');
    return d;
  });
  return out.length === 0 ? ['.'] : out;
}

function globMatch([p, d, m]: Value[], ctx: BuiltinContext): Value {
  const pattern = stringOperand('glob.match', 1, p!);
  const delimiters = delimitersOperand(d!);
  const text = stringOperand('glob.match', 3, m!);
  const key = `glob\0${delimiters.join('')}\0${pattern}`;
  let re = ctx.cache.get(key) as RE2JS | GlobSyntaxError | undefined;
  if (re === undefined) {
    try {
      re = compileGlob(pattern, delimiters);
    } catch (e) {
      if (!(e instanceof GlobSyntaxError)) throw e;
      re = e;
    }
    ctx.cache.set(key, re);
  }
  if (re instanceof GlobSyntaxError) throw builtinError('glob.match', re.message);
  return re.matcher(text).find(0);
}

/** Escapes the characters the glob language gives meaning to. */
function quoteMeta([p]: Value[]): Value {
  return stringOperand('glob.quote_meta', 1, p!).replace(/[*?\\[\]{}]/g, '\\$&');
}

export const builtins: BuiltinDef[] = [
  { name: 'glob.match', arity: 3, fn: globMatch },
  { name: 'glob.quote_meta', arity: 1, fn: quoteMeta },
];

