import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../../src/rego/builtins/builtin.ts';
import { compileGoRegexp } from '../../../../src/rego/builtins/regex/go-regexp.ts';
import { builtins } from '../../../../src/rego/builtins/regex/regex.ts';
import { caller, makeContext } from '../call-builtin.ts';

const call = caller(builtins);
const valid = (p: string) => call('regex.is_valid', p);
const match = (p: string, s: string) => call('regex.match', p, s);

describe('regex.match', () => {
  it('matches anywhere unless anchored', () => {
    expect(match('^[a-z]+\\[[0-9]+\\]$', 'foo[1]')).toBe(true);
    expect(match('o+', 'foo')).toBe(true);
    expect(match('^o+', 'foo')).toBe(false);
  });

  it('keeps Go meanings that differ from JS', () => {
    expect(match('^a$', 'a\n')).toBe(false);
    expect(match('(?m)^b$', 'a\nb\nc')).toBe(true);
    expect(match('a.c', 'a\nc')).toBe(false);
    expect(match('(?s)a.c', 'a\nc')).toBe(true);
    expect(match('^\\s$', '\u00a0')).toBe(false);
    expect(match('^\\w+$', 'héllo')).toBe(false);
    expect(match('^.$', '😀')).toBe(true);
    expect(match('\\Aab\\z', 'ab')).toBe(true);
    expect(match('\\Qa.b\\E', 'a.b')).toBe(true);
    expect(match('\\Qa.b\\E', 'axb')).toBe(false);
    expect(match('^\\x{1F600}\\x41\\101$', '😀AA')).toBe(true);
    expect(match('^[[:alpha:]]+[[:^digit:]]$', 'abc-')).toBe(true);
    expect(match('^\\pL\\p{Greek}\\PN$', 'aαx')).toBe(true);
    expect(match('^(?P<year>\\d{4})-(?<month>\\d{2})$', '2024-05')).toBe(true);
    expect(match('^[\\d\\-]+$', '12-3')).toBe(true);
    expect(match('^\\-\\#\\:$', '-#:')).toBe(true);
    expect(match('^x{2,3}$', 'xxxx')).toBe(false);
    expect(match('^a{,2}$', 'a{,2}')).toBe(true);
  });

  it('applies case-insensitivity to its scope only', () => {
    expect(match('(?i)^hello$', 'HeLLo')).toBe(true);
    expect(match('^(?i:a)b$', 'Ab')).toBe(true);
    expect(match('^(?i:a)b$', 'AB')).toBe(false);
    expect(match('(?i)^[a-c]+$', 'ABC')).toBe(true);
    expect(match('(?i)^[^a]$', 'A')).toBe(false);
  });

  it('turns laziness around under (?U)', () => {
    expect(call('regex.find_n', '(?U)a+', 'aaa', -1)).toEqual(['a', 'a', 'a']);
    expect(call('regex.find_n', '(?U)a+?', 'aaa', -1)).toEqual(['aaa']);
  });

  it('reports invalid patterns with Go messages as builtin errors', () => {
    expect(() => match('[', 'x')).toThrow(new BuiltinFailure('regex.match: error parsing regexp: missing closing ]: `[`'));
    expect(() => match('a(b', 'x')).toThrow(
      new BuiltinFailure('regex.match: error parsing regexp: missing closing ): `a(b`'),
    );
    expect(() => match('a**', 'x')).toThrow(/invalid nested repetition operator: `\*\*`/);
    expect(() => match('*a', 'x')).toThrow(/missing argument to repetition operator: `\*`/);
    expect(() => match('\\q', 'x')).toThrow(/invalid escape sequence: `\\q`/);
    expect(() => match('(?=a)', 'x')).toThrow(/invalid or unsupported Perl syntax/);
    expect(() => match('[z-a]', 'x')).toThrow(/invalid character class range: `z-a`/);
    expect(() => match('a{1001}', 'x')).toThrow(/invalid repeat count/);
    expect(() => match('a)', 'x')).toThrow(/unexpected \)/);
    expect(() => match(1 as unknown as string, 'x')).toThrow(
      new BuiltinTypeError('regex.match: operand 1 must be string but got number'),
    );
  });
});

describe('regex.is_valid', () => {
  it('accepts RE2 syntax and rejects what Go rejects', () => {
    expect(valid('^[a-z]+$')).toBe(true);
    expect(valid('(?i)x')).toBe(true);
    expect(valid('\\d{2,3}')).toBe(true);
    expect(valid('^*')).toBe(true);
    expect(valid('[')).toBe(false);
    expect(valid('(a)\\1')).toBe(false);
    expect(valid('(?<=a)b')).toBe(false);
    expect(valid('(?P<n>a)(?P<n>b)')).toBe(false);
    expect(call('regex.is_valid', 5)).toBe(false);
  });
});

describe('finding', () => {
  it('finds up to n matches, all when n is negative', () => {
    expect(call('regex.find_n', 'a.', 'paranormal', -1)).toEqual(['ar', 'an', 'al']);
    expect(call('regex.find_n', 'a.', 'paranormal', 2)).toEqual(['ar', 'an']);
    expect(call('regex.find_n', 'a.', 'paranormal', 0)).toEqual([]);
  });

  it('skips an empty match right after a match, as Go does', () => {
    expect(call('regex.find_n', 'a*', 'baaac', -1)).toEqual(['', 'aaa', '']);
    expect(call('regex.find_n', 'a*', 'baaa', -1)).toEqual(['', 'aaa']);
  });

  it('returns submatches with empty strings for groups that did not take part', () => {
    expect(call('regex.find_all_string_submatch_n', '([a-z]+)(\\d)?', 'ab1 cd', -1)).toEqual([
      ['ab1', 'ab', '1'],
      ['cd', 'cd', ''],
    ]);
  });

  it('requires an integer count', () => {
    expect(() => call('regex.find_n', 'a', 'a', 1.5)).toThrow(
      new BuiltinTypeError('regex.find_n: operand 3 must be integer number but got floating-point number'),
    );
  });
});

describe('regex.split', () => {
  it('splits like Go, keeping empty pieces at anchored ends', () => {
    expect(call('regex.split', '^[a-z]+\\[[0-9]+\\]$', '')).toEqual(['']);
    expect(call('regex.split', '^[a-z]+', 'foobar baz')).toEqual(['', ' baz']);
    expect(call('regex.split', '[a-z]+$', 'foobar baz')).toEqual(['foobar ', '']);
    expect(call('regex.split', '^[a-z]+$', 'foobar baz')).toEqual(['foobar baz']);
    expect(call('regex.split', '^[a-z ]+$', 'foobar baz')).toEqual(['', '']);
    expect(call('regex.split', 'a', 'banana')).toEqual(['b', 'n', 'n', '']);
    expect(call('regex.split', 'z+', 'pizza')).toEqual(['pi', 'a']);
    expect(call('regex.split', '', 'abc')).toEqual(['a', 'b', 'c']);
  });
});

describe('regex.replace', () => {
  it('expands $ references in the replacement', () => {
    expect(call('regex.replace', '-wy-wxxy-', 'w(x*)y', '0')).toBe('-0-0-');
    expect(call('regex.replace', 'foo', '(foo)', '$1$1')).toBe('foofoo');
    expect(call('regex.replace', 'ab', '(?P<x>a)', '[${x}]')).toBe('[a]b');
    expect(call('regex.replace', 'ab', '(a)', '$1x')).toBe('b');
    expect(call('regex.replace', 'ab', '(a)', '$$1')).toBe('$1b');
    expect(call('regex.replace', 'abc', 'x*', '-')).toBe('-a-b-c-');
    expect(call('regex.replace', 'baaac', 'a*', '-')).toBe('-b-c-');
  });

  it('fails on a bad pattern', () => {
    expect(() => call('regex.replace', 'foo', '[', '$1')).toThrow(BuiltinFailure);
  });
});

describe('regex.template_match', () => {
  it('treats delimited parts as patterns and the rest literally', () => {
    expect(call('regex.template_match', 'urn:foo:{.*}', 'urn:foo:bar:baz', '{', '}')).toBe(true);
    expect(call('regex.template_match', 'urn:foo.bar:{[a-z]+}', 'urn:fooXbar:baz', '{', '}')).toBe(false);
    expect(call('regex.template_match', 'foo:<[0-9]{2,10}>', 'foo:123', '<', '>')).toBe(true);
  });

  it('fails on unbalanced or over-long delimiters', () => {
    expect(() => call('regex.template_match', 'a{b', 'ab', '{', '}')).toThrow(
      new BuiltinFailure('regex.template_match: unbalanced braces in "a{b"'),
    );
    expect(() => call('regex.template_match', 'a', 'a', '{{', '}')).toThrow(/start delimiter/);
  });
});

describe('compiled pattern cache', () => {
  it('compiles a pattern once per evaluation', () => {
    const ctx = makeContext();
    const calls = caller(builtins, ctx);
    calls('regex.match', 'a+', 'aa');
    calls('regex.match', 'a+', 'b');
    expect([...ctx.cache.keys()].filter((k) => k.includes('a+'))).toHaveLength(1);
  });

  it('answers the nested-repetition case of a backtracking engine at once (issue: 28 a and a b)', () => {
    expect(match('^(a+)+$', 'a'.repeat(28) + 'b')).toBe(false);
    expect(match('^([a-z0-9]+-?)+$', 'a'.repeat(5000) + '!')).toBe(false);
    expect(compileGoRegexp('^(a+)+$').names).toEqual([undefined, undefined]);
  });
});

describe('regex.globs_match', () => {
  it('tells whether two globs share a non-empty match', () => {
    expect(call('regex.globs_match', 'a.a.', '.b.b')).toBe(true);
    expect(call('regex.globs_match', '[a-z]+', '[0-9]*')).toBe(false);
    expect(call('regex.globs_match', 'a.*', 'ab+c')).toBe(true);
    expect(call('regex.globs_match', 'ab*', 'a')).toBe(true);
    expect(call('regex.globs_match', 'a*', 'b*')).toBe(false);
    expect(call('regex.globs_match', 'x+y', 'xxxy')).toBe(true);
    expect(call('regex.globs_match', 'x+y', 'y')).toBe(false);
    expect(call('regex.globs_match', '\\.', '.')).toBe(true);
    expect(call('regex.globs_match', '\\.', 'a')).toBe(false);
  });

  it('fails on malformed globs', () => {
    expect(() => call('regex.globs_match', '[a', 'a')).toThrow(/found \[ without matching \]/);
    expect(() => call('regex.globs_match', '*a', 'a')).toThrow(/must be preceded by a non-flag/);
  });
});
