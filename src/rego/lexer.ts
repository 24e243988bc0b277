// Rego lexer: turns source text into tokens with positions, collecting comments on the side
// (the parser needs them for METADATA blocks). Scans with charCodeAt, one pass, no regexes.
import type { Location } from './ast.ts';
import { RegoError } from './errors.ts';

export const enum Tok {
  EOF,
  /** An identifier or keyword; whether a word is a keyword depends on the module's imports. */
  Word,
  Number,
  String,
  RawString,
  LBrace,
  RBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Dot,
  Comma,
  Semicolon,
  Colon,
  Assign,
  Unify,
  Equal,
  Neq,
  Lt,
  Lte,
  Gt,
  Gte,
  Add,
  Sub,
  Mul,
  Quo,
  Rem,
  And,
  Or,
}

export interface Token {
  kind: Tok;
  /** Source text for words, numbers and punctuation; the decoded value for strings. */
  text: string;
  offset: number;
  row: number;
  col: number;
  /** Whitespace or a comment separates this token from the previous one. */
  spaceBefore: boolean;
  /** A line break separates this token from the previous one. */
  newlineBefore: boolean;
}

export interface Comment {
  /** The text after `#`. */
  text: string;
  row: number;
  col: number;
  /** No token precedes the comment on its line. */
  ownLine: boolean;
}

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
}

const PUNCT_TEXT: Partial<Record<Tok, string>> = {
  [Tok.LBrace]: '{',
  [Tok.RBrace]: '}',
  [Tok.LBrack]: '[',
  [Tok.RBrack]: ']',
  [Tok.LParen]: '(',
  [Tok.RParen]: ')',
  [Tok.Dot]: '.',
  [Tok.Comma]: ',',
  [Tok.Semicolon]: ';',
  [Tok.Colon]: ':',
  [Tok.Assign]: ':=',
  [Tok.Unify]: '=',
  [Tok.Equal]: '==',
  [Tok.Neq]: '!=',
  [Tok.Lt]: '<',
  [Tok.Lte]: '<=',
  [Tok.Gt]: '>',
  [Tok.Gte]: '>=',
  [Tok.Add]: '+',
  [Tok.Sub]: '-',
  [Tok.Mul]: '*',
  [Tok.Quo]: '/',
  [Tok.Rem]: '%',
  [Tok.And]: '&',
  [Tok.Or]: '|',
};

/** How a token kind is written, for error messages. */
export function tokText(kind: Tok): string {
  switch (kind) {
    case Tok.EOF:
      return 'end of file';
    case Tok.Word:
      return 'identifier';
    case Tok.Number:
      return 'number';
    case Tok.String:
    case Tok.RawString:
      return 'string';
    default:
      return PUNCT_TEXT[kind] ?? '?';
  }
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

export function lex(file: string, src: string): LexResult {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const n = src.length;
  // A byte order mark is an editor artefact, not part of the policy.
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 1;
  let lineStart = i;
  let spaceBefore = false;
  let newlineBefore = false;

  const fail = (message: string, at: number, atRow = row, atLineStart = lineStart): never => {
    throw new RegoError('rego_parse_error', message, { file, row: atRow, col: at - atLineStart + 1 });
  };

  const push = (kind: Tok, text: string, start: number, startRow: number, startLineStart: number) => {
    tokens.push({
      kind,
      text,
      offset: start,
      row: startRow,
      col: start - startLineStart + 1,
      spaceBefore,
      newlineBefore,
    });
    spaceBefore = false;
    newlineBefore = false;
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    // whitespace
    if (c === 10) {
      i++;
      row++;
      lineStart = i;
      spaceBefore = true;
      newlineBefore = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) {
      i++;
      spaceBefore = true;
      continue;
    }
    if (c === 35) {
      // comment to end of line
      const start = i;
      let j = i + 1;
      while (j < n && src.charCodeAt(j) !== 10) j++;
      let end = j;
      if (end > start + 1 && src.charCodeAt(end - 1) === 13) end--;
      const last = tokens[tokens.length - 1];
      comments.push({ text: src.slice(start + 1, end), row, col: start - lineStart + 1, ownLine: !last || last.row !== row });
      i = j;
      spaceBefore = true;
      continue;
    }
    const start = i;
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n) {
        const d = src.charCodeAt(j);
        if (isLetter(d) || isDigit(d)) j++;
        else break;
      }
      push(Tok.Word, src.slice(i, j), start, row, lineStart);
      i = j;
      continue;
    }
    if (isDigit(c)) {
      i = scanNumber(src, i, fail);
      push(Tok.Number, src.slice(start, i), start, row, lineStart);
      continue;
    }
    if (c === 34) {
      const [value, end] = scanString(src, i, fail);
      push(Tok.String, value, start, row, lineStart);
      i = end;
      continue;
    }
    if (c === 96) {
      const startRow = row;
      const startLineStart = lineStart;
      let j = i + 1;
      while (j < n && src.charCodeAt(j) !== 96) {
        if (src.charCodeAt(j) === 10) {
          row++;
          lineStart = j + 1;
        }
        j++;
      }
      if (j >= n) fail('non-terminated raw string', start, startRow, startLineStart);
      push(Tok.RawString, src.slice(i + 1, j), start, startRow, startLineStart);
      i = j + 1;
      continue;
    }
    const next = i + 1 < n ? src.charCodeAt(i + 1) : -1;
    let kind: Tok;
    let len = 1;
    switch (c) {
      case 123: kind = Tok.LBrace; break;
      case 125: kind = Tok.RBrace; break;
      case 91: kind = Tok.LBrack; break;
      case 93: kind = Tok.RBrack; break;
      case 40: kind = Tok.LParen; break;
      case 41: kind = Tok.RParen; break;
      case 46: kind = Tok.Dot; break;
      case 44: kind = Tok.Comma; break;
      case 59: kind = Tok.Semicolon; break;
      case 58:
        if (next === 61) { kind = Tok.Assign; len = 2; } else kind = Tok.Colon;
        break;
      case 61:
        if (next === 61) { kind = Tok.Equal; len = 2; } else kind = Tok.Unify;
        break;
      case 33:
        if (next === 61) { kind = Tok.Neq; len = 2; } else return fail('unexpected `!`: did you mean `!=`?', i);
        break;
      case 60:
        if (next === 61) { kind = Tok.Lte; len = 2; } else kind = Tok.Lt;
        break;
      case 62:
        if (next === 61) { kind = Tok.Gte; len = 2; } else kind = Tok.Gt;
        break;
      case 43: kind = Tok.Add; break;
      case 45: kind = Tok.Sub; break;
      case 42: kind = Tok.Mul; break;
      case 47: kind = Tok.Quo; break;
      case 37: kind = Tok.Rem; break;
      case 38: kind = Tok.And; break;
      case 124: kind = Tok.Or; break;
      default: {
        const cp = src.codePointAt(i)!;
        return fail(`illegal character ${JSON.stringify(String.fromCodePoint(cp))}`, i);
      }
    }
    push(kind, PUNCT_TEXT[kind]!, start, row, lineStart);
    i += len;
  }
  tokens.push({ kind: Tok.EOF, text: '', offset: n, row, col: n - lineStart + 1, spaceBefore, newlineBefore });
  return { tokens, comments };
}

type Fail = (message: string, at: number) => never;

/** Digits, optional fraction, optional exponent; a letter glued on makes the whole thing illegal. */
function scanNumber(src: string, i: number, fail: Fail): number {
  const n = src.length;
  const start = i;
  while (i < n && isDigit(src.charCodeAt(i))) i++;
  if (i < n && src.charCodeAt(i) === 46 && i + 1 < n && isDigit(src.charCodeAt(i + 1))) {
    i++;
    while (i < n && isDigit(src.charCodeAt(i))) i++;
  }
  if (i < n && (src.charCodeAt(i) | 32) === 101) {
    let j = i + 1;
    if (j < n && (src.charCodeAt(j) === 43 || src.charCodeAt(j) === 45)) j++;
    if (j < n && isDigit(src.charCodeAt(j))) {
      while (j < n && isDigit(src.charCodeAt(j))) j++;
      i = j;
    } else {
      fail('expected exponent', start);
    }
  }
  if (i < n && isLetter(src.charCodeAt(i))) fail('illegal number format', start);
  // Leading zeros are ambiguous (octal in other languages), so `01` is rejected.
  if (src.charCodeAt(start) === 48 && i > start + 1 && isDigit(src.charCodeAt(start + 1))) {
    fail('illegal number format: leading zero', start);
  }
  return i;
}

/** A double-quoted string with JSON escapes; returns the decoded value and the end offset. */
function scanString(src: string, i: number, fail: Fail): [string, number] {
  const n = src.length;
  const start = i;
  i++;
  let out = '';
  let chunk = i;
  for (;;) {
    if (i >= n) return fail('non-terminated string', start);
    const c = src.charCodeAt(i);
    if (c === 34) {
      out += src.slice(chunk, i);
      return [fixLoneSurrogates(out), i + 1];
    }
    if (c === 10) return fail('non-terminated string', start);
    if (c < 32) return fail('illegal control character in string', i);
    if (c !== 92) {
      i++;
      continue;
    }
    out += src.slice(chunk, i);
    const e = i + 1 < n ? src.charCodeAt(i + 1) : -1;
    switch (e) {
      case 34: out += '"'; break;
      case 92: out += '\\'; break;
      case 47: out += '/'; break;
      case 98: out += '\b'; break;
      case 102: out += '\f'; break;
      case 110: out += '\n'; break;
      case 114: out += '\r'; break;
      case 116: out += '\t'; break;
      case 117: {
        for (let k = 2; k < 6; k++) {
          if (i + k >= n || !isHex(src.charCodeAt(i + k))) fail('illegal escape sequence', i);
        }
        out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 4;
        break;
      }
      default:
        fail('illegal escape sequence', i);
    }
    i += 2;
    chunk = i;
  }
}

/** `\uD83D\uDE00` pairs combine naturally; a lone half becomes U+FFFD as JSON decoders do. */
function fixLoneSurrogates(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    out += s.slice(from, i) + '\ufffd';
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

export function tokenLocation(file: string, t: Token): Location {
  return { file, row: t.row, col: t.col };
}
