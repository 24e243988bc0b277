import { describe, expect, it } from 'vitest';
import { lex, Tok } from '../../src/rego/lexer.ts';
import { RegoError } from '../../src/rego/errors.ts';

const kinds = (src: string) => lex('t.rego', src).tokens.map((t) => t.kind);
const texts = (src: string) => lex('t.rego', src).tokens.map((t) => t.text);

function lexError(src: string): RegoError {
  try {
    lex('t.rego', src);
  } catch (e) {
    if (e instanceof RegoError) return e;
    throw e;
  }
  throw new Error(`expected a lex error for ${src}`);
}

describe('lexer', () => {
  it('splits words, numbers and operators, longest operator first', () => {
    expect(texts('x:=1 == 2 != 3 <= 4 >= 5 < > = :')).toEqual([
      'x', ':=', '1', '==', '2', '!=', '3', '<=', '4', '>=', '5', '<', '>', '=', ':', '',
    ]);
    expect(kinds('a.b[0](x)')).toEqual([
      Tok.Word, Tok.Dot, Tok.Word, Tok.LBrack, Tok.Number, Tok.RBrack, Tok.LParen, Tok.Word, Tok.RParen, Tok.EOF,
    ]);
  });

  it('records 1-based rows and columns and whether space or a newline came before', () => {
    const { tokens } = lex('t.rego', 'p {\n  x.y\n}');
    const x = tokens[2]!;
    expect([x.text, x.row, x.col, x.spaceBefore, x.newlineBefore]).toEqual(['x', 2, 3, true, true]);
    const dot = tokens[3]!;
    expect([dot.kind, dot.spaceBefore]).toEqual([Tok.Dot, false]);
  });

  it('scans numbers with fractions and exponents, keeping a trailing dot for refs', () => {
    expect(texts('1 2.5 3e10 4.5E-3 6e+2')).toEqual(['1', '2.5', '3e10', '4.5E-3', '6e+2', '']);
    expect(kinds('x[0].y')).toEqual([Tok.Word, Tok.LBrack, Tok.Number, Tok.RBrack, Tok.Dot, Tok.Word, Tok.EOF]);
  });

  it('rejects malformed numbers at their first character', () => {
    expect(lexError('x := 12ab').location).toEqual({ file: 't.rego', row: 1, col: 6 });
    expect(lexError('x := 1e').message).toMatch(/exponent/);
    expect(lexError('x := 007').message).toMatch(/leading zero/);
  });

  it('decodes string escapes, including surrogate pairs', () => {
    const [s] = lex('t.rego', String.raw`"a\"b\\c\/d\n\t\u00e9\ud83d\ude00"`).tokens;
    expect(s!.kind).toBe(Tok.String);
    expect(s!.text).toBe('a"b\\c/d\n\té😀');
  });

  it('replaces a lone surrogate escape with U+FFFD', () => {
    expect(lex('t.rego', String.raw`"\ud83d!"`).tokens[0]!.text).toBe('\ufffd!');
  });

  it('keeps raw strings verbatim across lines', () => {
    const { tokens } = lex('t.rego', 'x := `a\\n\nb`\ny');
    expect(tokens[2]!.kind).toBe(Tok.RawString);
    expect(tokens[2]!.text).toBe('a\\n\nb');
    expect([tokens[3]!.text, tokens[3]!.row]).toEqual(['y', 3]);
  });

  it('reports unterminated strings and bad escapes where they start', () => {
    expect(lexError('x := "abc').location).toEqual({ file: 't.rego', row: 1, col: 6 });
    expect(lexError('x := "abc\n"').message).toMatch(/non-terminated string/);
    expect(lexError('x := "a\\qb"').message).toMatch(/illegal escape/);
    expect(lexError('x := "\\u12"').message).toMatch(/illegal escape/);
    expect(lexError('\n  `abc').location).toEqual({ file: 't.rego', row: 2, col: 3 });
  });

  it('rejects characters outside the language', () => {
    const e = lexError('x := 1 @ 2');
    expect(e.code).toBe('rego_parse_error');
    expect(e.location).toEqual({ file: 't.rego', row: 1, col: 8 });
    expect(lexError('x ! y').message).toMatch(/!=/);
  });

  it('skips a byte order mark at the start without shifting columns', () => {
    const [t] = lex('t.rego', '\ufeffpackage a').tokens;
    expect([t!.text, t!.row, t!.col]).toEqual(['package', 1, 1]);
  });

  it('collects comments with their position, marking those alone on their line', () => {
    const { tokens, comments } = lex('t.rego', '# METADATA\n# title: x\np := 1 # trailing\n');
    expect(comments).toEqual([
      { text: ' METADATA', row: 1, col: 1, ownLine: true },
      { text: ' title: x', row: 2, col: 1, ownLine: true },
      { text: ' trailing', row: 3, col: 8, ownLine: false },
    ]);
    expect(tokens.map((t) => t.text)).toEqual(['p', ':=', '1', '']);
  });
});
