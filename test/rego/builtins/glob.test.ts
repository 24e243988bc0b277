import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../src/rego/builtins/glob.ts';
import { caller, makeContext } from './call-builtin.ts';

const call = caller(builtins);
const glob = (pattern: string, delimiters: string[] | null, text: string) => call('glob.match', pattern, delimiters, text);

describe('glob.match', () => {
  it('keeps * inside one segment and lets ** cross delimiters', () => {
    expect(glob('*.github.com', [], 'api.github.com')).toBe(true);
    expect(glob('*.github.com', [], 'api.cdn.github.com')).toBe(false);
    expect(glob('*.github.com', ['.'], 'api.not-github.com')).toBe(false);
    expect(glob('*:github:com', [':'], 'api:github:com')).toBe(true);
    expect(glob('api.**.com', [], 'api.cdn.github.com')).toBe(true);
    expect(glob('api://*/appId', null, 'api://foo.com/appId')).toBe(true);
    expect(glob('*hub.com', null, 'api.cdn.github.com')).toBe(true);
  });

  it('uses "." when the delimiter list is empty and none when it is null', () => {
    expect(glob('*', [], 'foo.bar')).toBe(false);
    expect(glob('*', null, 'foo.bar')).toBe(true);
    expect(glob('foo*', null, 'foo.bar')).toBe(true);
    expect(glob('*', ['.', '/'], 'a/b')).toBe(false);
    expect(glob('*?*', ['.', '/'], 'api.github.com')).toBe(false);
    expect(glob('*?*', ['.', '/'], 'abc')).toBe(true);
  });

  it('matches exactly one non-delimiter character with ?', () => {
    expect(glob('?at', [], 'cat')).toBe(true);
    expect(glob('?at', [], 'at')).toBe(false);
    expect(glob('?at', ['f'], 'fat')).toBe(false);
    expect(glob('?', null, '')).toBe(false);
    expect(glob('?', null, '😀')).toBe(true);
  });

  it('matches character lists and ranges, negated with !', () => {
    expect(glob('[abc]at', [], 'bat')).toBe(true);
    expect(glob('[abc]at', [], 'fat')).toBe(false);
    expect(glob('[!abc]at', [], 'fat')).toBe(true);
    expect(glob('[!abc]at', [], 'cat')).toBe(false);
    expect(glob('[a-c]at', [], 'bat')).toBe(true);
    expect(glob('[!a-c]at', [], 'bat')).toBe(false);
    expect(glob('[!a-c]at', [], 'lat')).toBe(true);
    expect(glob('[!0-9]', null, '')).toBe(false);
  });

  it('matches any of a list of alternatives, which may be empty', () => {
    for (const s of ['cat', 'bat', 'fat', 'rat']) expect(glob('{cat,bat,[fr]at}', [], s)).toBe(true);
    expect(glob('{cat,bat,[fr]at}', [], 'at')).toBe(false);
    expect(glob('{**/,}x', null, 'x')).toBe(true);
    expect(glob('{**/,}x', null, 'a/b/x')).toBe(true);
    expect(glob('{a,{b,c}d}', null, 'cd')).toBe(true);
  });

  it('needs literals around wildcards to be present', () => {
    expect(glob('a/*/b', null, 'a/b')).toBe(false);
    expect(glob('a/*/b', null, 'a/x/b')).toBe(true);
    expect(glob('a/**/b', null, 'a/b')).toBe(false);
    expect(glob('a/**/b', null, 'a//b')).toBe(true);
    expect(glob('**/x', null, 'x')).toBe(false);
    expect(glob('***', ['.'], '')).toBe(true);
  });

  it('treats escaped and out-of-place meta characters as literals', () => {
    expect(glob('\\*', null, '*')).toBe(true);
    expect(glob('\\*', null, 'a')).toBe(false);
    expect(glob('a,b}', null, 'a,b}')).toBe(true);
    expect(glob('(a|b).+$', null, '(a|b).+$')).toBe(true);
  });

  it('fails on malformed brackets as gobwas does', () => {
    expect(() => glob('[abc', null, 'a')).toThrow(new BuiltinFailure('glob.match: unexpected end of input'));
    expect(() => glob('[a-cx]', null, 'a')).toThrow(/expected close range character/);
    expect(() => glob('[]', null, 'a')).toThrow(/could not parse range/);
    expect(() => glob('[z-a]', null, 'a')).toThrow(/should be greater than lo/);
  });

  it('checks the delimiter operand', () => {
    expect(() => call('glob.match', '*', 'x', 'a')).toThrow(
      new BuiltinTypeError('glob.match: operand 2 must be one of {array, null} but got string'),
    );
    expect(() => call('glob.match', '*', [1], 'a')).toThrow(
      new BuiltinTypeError('glob.match: operand 2 must be array of strings but got array containing number'),
    );
    expect(() => call('glob.match', '*', ['ab'], 'a')).toThrow(
      new BuiltinTypeError('glob.match: operand 2 must be array of runes but got array containing string'),
    );
  });

  it('caches the compiled pattern per delimiter set', () => {
    const ctx = makeContext();
    const c = caller(builtins, ctx);
    c('glob.match', '*.x', ['.'], 'a.x');
    c('glob.match', '*.x', ['.'], 'b.x');
    c('glob.match', '*.x', null, 'b.x');
    expect(ctx.cache.size).toBe(2);
  });
});

describe('glob.quote_meta', () => {
  it('escapes the glob meta characters so the text matches itself', () => {
    expect(call('glob.quote_meta', '*.github.com')).toBe('\\*.github.com');
    expect(call('glob.quote_meta', 'a[b]{c,d}?\\')).toBe('a\\[b\\]\\{c,d\\}\\?\\\\');
    const quoted = call('glob.quote_meta', '{a*}[?]') as string;
    expect(glob(quoted, null, '{a*}[?]')).toBe(true);
  });
});
