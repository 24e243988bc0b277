import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../../src/rego/builtins/strings/strings.ts';
import { SetValue } from '../../../../src/rego/value.ts';
import { caller } from '../call-builtin.ts';

const call = caller(builtins);

describe('concat', () => {
  it('joins arrays in order and sets in sorted order', () => {
    expect(call('concat', '/', ['', 'foo', 'bar', '0', 'baz'])).toBe('/foo/bar/0/baz');
    expect(call('concat', ', ', new Set(['world', 'Hello']))).toBe('Hello, world');
    expect(call('concat', ',', [])).toBe('');
    expect(call('concat', ',', new Set())).toBe('');
  });

  it('names the operand and element types OPA names', () => {
    expect(() => call('concat', '', 'x')).toThrow(
      new BuiltinTypeError('concat: operand 2 must be one of {set, array} but got string'),
    );
    expect(() => call('concat', '', ['a', 1])).toThrow(
      new BuiltinTypeError('concat: operand 2 must be array of strings but got array containing number'),
    );
    expect(() => call('concat', 1, [])).toThrow(new BuiltinTypeError('concat: operand 1 must be string but got number'));
  });
});

describe('searching', () => {
  it('tests containment, prefixes and suffixes', () => {
    expect(call('contains', 'abcdefgh', 'defg')).toBe(true);
    expect(call('contains', 'abc', 'x')).toBe(false);
    expect(call('startswith', 'abcdefgh', 'abcd')).toBe(true);
    expect(call('endswith', 'abcdefgh', 'fgh')).toBe(true);
    expect(call('endswith', 'abcdefgh', 'abc')).toBe(false);
  });

  it('counts indexof positions in code points', () => {
    expect(call('indexof', 'Hello world', 'llo')).toBe(2);
    expect(call('indexof', 'Hello world', 'hel')).toBe(-1);
    expect(call('indexof', 'μx', 'x')).toBe(1);
    expect(call('indexof', 'μ', 'μμ')).toBe(-1);
    expect(call('indexof', 'skön var våren', 'vår')).toBe(9);
    expect(call('indexof', '🍧🍨🧁🍰🍮', '🍮')).toBe(4);
  });

  it('finds every, possibly overlapping, position with indexof_n', () => {
    expect(call('indexof_n', 'dogcatdogcat', 'cat')).toEqual([3, 9]);
    expect(call('indexof_n', 'dogcat', 'rabbit')).toEqual([]);
    expect(call('indexof_n', 'aaa', 'aa')).toEqual([0, 1]);
    expect(call('indexof_n', '😇😀😇😀😇😀', '😀')).toEqual([1, 3, 5]);
  });

  it('rejects an empty search string as a builtin error', () => {
    expect(() => call('indexof', 'abc', '')).toThrow(new BuiltinFailure('indexof: empty search character'));
    expect(() => call('indexof_n', 'abc', '')).toThrow(BuiltinFailure);
  });

  it('counts non-overlapping occurrences like Go', () => {
    expect(call('strings.count', 'cheese', 'e')).toBe(3);
    expect(call('strings.count', 'hello hello hello world', 'hello')).toBe(3);
    expect(call('strings.count', 'dummy', '')).toBe(6);
    expect(call('strings.count', '', '')).toBe(1);
    expect(call('strings.count', '11111', '11')).toBe(2);
    expect(call('strings.count', 'héé', '')).toBe(4);
  });

  it('matches any prefix or suffix across strings, arrays and sets', () => {
    expect(call('strings.any_prefix_match', ['a/b/c', 'e/f/g'], ['x/', 'e/'])).toBe(true);
    expect(call('strings.any_prefix_match', ['aa/bb/cc'], ['a/b'])).toBe(false);
    expect(call('strings.any_prefix_match', 'a/b/c', new Set(['a/']))).toBe(true);
    expect(call('strings.any_prefix_match', [], [])).toBe(false);
    expect(call('strings.any_suffix_match', ['a/b/c'], '/c')).toBe(true);
    expect(call('strings.any_suffix_match', ['aa/bb/cc'], ['b/c'])).toBe(false);
  });

  it('words any_prefix_match type errors as OPA does', () => {
    expect(() => call('strings.any_prefix_match', [1, 2], ['a'])).toThrow(
      new BuiltinTypeError('strings.any_prefix_match: operand 1 must be array of strings but got array containing number'),
    );
    expect(() => call('strings.any_suffix_match', ['a'], 1)).toThrow(
      new BuiltinTypeError('strings.any_suffix_match: operand 2 must be one of {string, set, array} but got number'),
    );
  });
});

describe('substring', () => {
  it('slices code points, with a negative or over-long length meaning the rest', () => {
    expect(call('substring', 'abcdefgh', 2, -1)).toBe('cdefgh');
    expect(call('substring', 'aåäö', 2, -1)).toBe('äö');
    expect(call('substring', 'abcdefgh', 2, 10000)).toBe('cdefgh');
    expect(call('substring', 'abcdefghåäö', 2, 10000)).toBe('cdefghåäö');
    expect(call('substring', 'abcdefgh', 1, 3)).toBe('bcd');
    expect(call('substring', 'aaa', 4, -1)).toBe('');
    expect(call('substring', 'åäö', 4, -1)).toBe('');
  });

  it('fails on a negative offset and on fractional positions', () => {
    expect(() => call('substring', 'abc', -1, 1)).toThrow(new BuiltinFailure('substring: negative offset'));
    expect(() => call('substring', 'abc', 1.5, 1)).toThrow(
      new BuiltinTypeError('substring: operand 2 must be integer number but got floating-point number'),
    );
  });
});

describe('case and reversal', () => {
  it('maps case per code point like Go', () => {
    expect(call('lower', 'AbCdEf')).toBe('abcdef');
    expect(call('upper', 'AbCdEf')).toBe('ABCDEF');
    expect(call('upper', 'straße')).toBe('STRAßE');
    expect(call('lower', 'ÅÄÖ')).toBe('åäö');
    expect(() => call('upper', 1)).toThrow(new BuiltinTypeError('upper: operand 1 must be string but got number'));
  });

  it('reverses code points', () => {
    expect(call('strings.reverse', 'abc😀d')).toBe('d😀cba');
  });
});

describe('splitting', () => {
  it('splits on a delimiter, or into code points on an empty one', () => {
    expect(call('split', 'foo.bar.baz', '.')).toEqual(['foo', 'bar', 'baz']);
    expect(call('split', '', '.')).toEqual(['']);
    expect(call('split', 'test', '')).toEqual(['t', 'e', 's', 't']);
    expect(call('split', '', '')).toEqual([]);
  });

  it('limits the pieces with strings.split_n', () => {
    expect(call('strings.split_n', 'a.b.c.d', '.', 2)).toEqual(['a', 'b.c.d']);
    expect(call('strings.split_n', 'a.b', '.', 5)).toEqual(['a', 'b']);
    expect(call('strings.split_n', 'a.b.c', '.', -1)).toEqual(['c']);
    expect(call('strings.split_n', 'a;b;c;d', ';', -2)).toEqual(['c', 'd']);
    expect(call('strings.split_n', 'a.b', '.', -5)).toEqual(['a', 'b']);
    expect(call('strings.split_n', 'a.b.c', '.', 0)).toEqual([]);
    expect(call('strings.split_n', 'a.b.c', '.', 1)).toEqual(['a.b.c']);
    expect(call('strings.split_n', '', '.', 2)).toEqual(['']);
    expect(call('strings.split_n', 'abc', '', 2)).toEqual(['a', 'bc']);
    expect(call('strings.split_n', 'a::b::c::d', '::', 3)).toEqual(['a', 'b', 'c::d']);
  });
});

describe('replacing', () => {
  it('replaces every non-overlapping occurrence', () => {
    expect(call('replace', 'foo.bar.baz', '.', ',')).toBe('foo,bar,baz');
    expect(call('replace', 'foo...bar', '..', ',,')).toBe('foo,,.bar');
    expect(call('replace', 'ab', '', '-')).toBe('-a-b-');
  });

  it('replaces several keys in one pass, earlier sorted keys winning', () => {
    expect(call('strings.replace_n', { info: 'X', anotherinfo: 'Y' }, 'anotherinfo')).toBe('Y');
    expect(call('strings.replace_n', { a: 'YY', bba: 'bX' }, 'bbab')).toBe('bXb');
    expect(call('strings.replace_n', { ab: 'b', b: 'Y' }, 'baaabbbba')).toBe('YaabYYYa');
    expect(call('strings.replace_n', { a: 'b', b: 'a' }, 'abba')).toBe('baab');
    expect(call('strings.replace_n', { a: 'Xa', ab: 'X', ba: 'bYa', aaa: 'X' }, 'aaaaab')).toBe('XaXaXaXaXab');
    expect(call('strings.replace_n', { aab: 'Y', a: '', b: '' }, 'bbaab')).toBe('');
    expect(call('strings.replace_n', { '': 'X' }, '')).toBe('X');
    expect(call('strings.replace_n', { '': 'X' }, 'ab')).toBe('XaXbX');
    expect(call('strings.replace_n', { '': 'X', a: 'Y' }, 'ab')).toBe('XYXbX');
    expect(call('strings.replace_n', { '': '-', é: 'e' }, 'aéb')).toBe('-a-e-b-');
  });

  it('rejects non-string pattern keys and values as type errors', () => {
    expect(() => call('strings.replace_n', new Map([[2, 'x']]), 'foo')).toThrow(
      new BuiltinTypeError('strings.replace_n: operand 1 non-string key found in pattern object'),
    );
    expect(() => call('strings.replace_n', { f: 100 }, 'foo')).toThrow(
      new BuiltinTypeError('strings.replace_n: operand 1 non-string value found in pattern object'),
    );
    expect(() => call('strings.replace_n', { foo: 'baz' }, 100)).toThrow(
      new BuiltinTypeError('strings.replace_n: operand 2 must be string but got number'),
    );
  });
});

describe('trimming', () => {
  it('trims cutsets of code points', () => {
    expect(call('trim', '...foo.bar...', '.')).toBe('foo.bar');
    expect(call('trim', '...foo.bar...', '.o')).toBe('foo.bar');
    expect(call('trim', '', '.')).toBe('');
    expect(call('trim', '¡¡¡foo, bar!!!', 'i')).toBe('¡¡¡foo, bar!!!');
    expect(call('trim', '¡¡¡foo, bar!!!', '¡!')).toBe('foo, bar');
    expect(call('trim_left', '!!!foo, bar¡¡¡', '¡')).toBe('!!!foo, bar¡¡¡');
    expect(call('trim_left', '¡¡¡foo', '¡')).toBe('foo');
    expect(call('trim_right', 'foo¡¡¡', '¡')).toBe('foo');
  });

  it('trims a prefix or suffix once', () => {
    expect(call('trim_prefix', '¡¡¡foo, bar!!!', '¡¡¡foo')).toBe(', bar!!!');
    expect(call('trim_suffix', '¡¡¡foo, bar!!!', ', bar!!!')).toBe('¡¡¡foo');
    expect(call('trim_suffix', '¡¡¡foo, bar!!!', ', foo!!!')).toBe('¡¡¡foo, bar!!!');
    expect(call('trim_suffix', 'abab', 'ab')).toBe('ab');
  });

  it('trims Go white space, which excludes the byte order mark', () => {
    expect(call('trim_space', ' \t\n foo, bar \u00a0\u3000')).toBe('foo, bar');
    expect(call('trim_space', '\ufefffoo')).toBe('\ufefffoo');
  });
});

describe('format_int', () => {
  it('truncates toward zero and formats in the base', () => {
    expect(call('format_int', 15.5, 16)).toBe('f');
    expect(call('format_int', 10, 2)).toBe('1010');
    expect(call('format_int', 10.7, 8)).toBe('12');
    expect(call('format_int', -10.999999999, 10)).toBe('-10');
    expect(call('format_int', -10, 16)).toBe('-a');
    expect(call('format_int', 123456789123456789123n, 10)).toBe('123456789123456789123');
  });

  it('rejects other bases', () => {
    expect(() => call('format_int', 10, 4)).toThrow(
      new BuiltinTypeError('format_int: operand 2 must be one of {2, 8, 10, 16}'),
    );
    expect(() => call('format_int', '10', 2)).toThrow(
      new BuiltinTypeError('format_int: operand 1 must be number but got string'),
    );
  });
});

describe('to_number', () => {
  it('converts null, booleans, numbers and numeric strings', () => {
    expect(call('to_number', null)).toBe(0);
    expect(call('to_number', true)).toBe(1);
    expect(call('to_number', false)).toBe(0);
    expect(call('to_number', 2.5)).toBe(2.5);
    expect(call('to_number', '3')).toBe(3);
    expect(call('to_number', '-0.5e1')).toBe(-5);
    expect(call('to_number', '.5')).toBe(0.5);
    expect(call('to_number', '0x1p4')).toBe(16);
    expect(call('to_number', '123456789123456789123')).toBe(123456789123456789123n);
  });

  it('rejects infinities and NaN as type errors, other text as builtin errors', () => {
    for (const s of ['nan', 'inf', '-inf', 'Infinity', '-NaN', 'iNf']) {
      expect(() => call('to_number', s)).toThrow(BuiltinTypeError);
    }
    expect(() => call('to_number', 'broken')).toThrow(
      new BuiltinFailure('to_number: strconv.ParseFloat: parsing "broken": invalid syntax'),
    );
    expect(() => call('to_number', '1e400')).toThrow(/value out of range/);
    expect(() => call('to_number', [])).toThrow(
      new BuiltinTypeError('to_number: operand 1 must be one of {null, boolean, number, string} but got array'),
    );
  });
});

describe('set operands', () => {
  it('accepts sets built from Values', () => {
    expect(call('concat', '-', SetValue.from(['b', 'a']))).toBe('a-b');
  });
});
