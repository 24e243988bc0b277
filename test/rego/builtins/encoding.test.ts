import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../src/rego/builtins/encoding.ts';
import { ObjectValue, SetValue } from '../../../src/rego/value.ts';
import { caller, text } from './call-builtin.ts';

const call = caller(builtins);

describe('base64', () => {
  it('encodes and decodes standard base64', () => {
    expect(call('base64.encode', 'there')).toBe('dGhlcmU=');
    expect(call('base64.encode', 'subjects?_d')).toBe('c3ViamVjdHM/X2Q=');
    expect(call('base64.decode', 'aGVsbG8=')).toBe('hello');
    expect(call('base64.decode', 'c3ViamVjdHM/X2Q=')).toBe('subjects?_d');
  });

  it('rejects missing padding and foreign characters as Go does', () => {
    expect(() => call('base64.decode', 'aGVsbG8')).toThrow(BuiltinFailure);
    expect(() => call('base64.decode', 'aGV$bG8=')).toThrow('illegal base64 data at input byte 3');
    expect(call('base64.is_valid', 'aGVsbG8=')).toBe(true);
    expect(call('base64.is_valid', 'aGVsbG8')).toBe(false);
    expect(call('base64.is_valid', 1)).toBe(false);
  });

  it('reports a non-string operand as a type error', () => {
    expect(() => call('base64.encode', 1)).toThrow(new BuiltinTypeError('base64.encode: operand 1 must be string but got number'));
  });
});

describe('base64url', () => {
  it('encodes with and without padding', () => {
    expect(call('base64url.encode', 'hello')).toBe('aGVsbG8=');
    expect(call('base64url.encode', 'subjects?_d')).toBe('c3ViamVjdHM_X2Q=');
    expect(call('base64url.encode_no_pad', 'hello')).toBe('aGVsbG8');
  });

  it('decodes padded and unpadded text', () => {
    expect(call('base64url.decode', 'aGVsbG8=')).toBe('hello');
    expect(call('base64url.decode', 'aGVsbG8')).toBe('hello');
    expect(call('base64url.decode', 'c3ViamVjdHM_X2Q')).toBe('subjects?_d');
    expect(() => call('base64url.decode', 'aGVsb')).toThrow('illegal base64url string: aGVsb');
  });
});

describe('hex', () => {
  it('round-trips bytes of UTF-8 text', () => {
    expect(call('hex.encode', 'hi\u00e9')).toBe('6869c3a9');
    expect(call('hex.decode', '6869c3a9')).toBe('hi\u00e9');
  });

  it('names the first invalid byte like Go', () => {
    expect(() => call('hex.decode', 'fghijkl')).toThrow("invalid byte: U+0067 'g'");
    expect(() => call('hex.decode', 'abc')).toThrow('odd length hex string');
  });
});

describe('urlquery', () => {
  it('escapes like Go query escaping', () => {
    expect(call('urlquery.encode', 'a=b+1')).toBe('a%3Db%2B1');
    expect(call('urlquery.encode', 'a b~*')).toBe('a+b~%2A');
    expect(call('urlquery.encode', '')).toBe('');
    expect(call('urlquery.decode', 'a%3Db%2B1+c')).toBe('a=b+1 c');
    expect(() => call('urlquery.decode', '%zz')).toThrow('invalid URL escape "%zz"');
  });

  it('encodes objects with sorted keys, repeating keys for arrays and sets', () => {
    expect(call('urlquery.encode_object', { c: 'd', a: 'b' })).toBe('a=b&c=d');
    expect(call('urlquery.encode_object', { a: ['b+1', 'c+2'] })).toBe('a=b%2B1&a=c%2B2');
    expect(call('urlquery.encode_object', { a: new Set(['b+1']) })).toBe('a=b%2B1');
    expect(() => call('urlquery.encode_object', { a: 1 })).toThrow(BuiltinTypeError);
  });

  it('decodes query strings into arrays per key', () => {
    expect(text(call('urlquery.decode_object', 'a=value_a1&b=value_b&a=value_a2'))).toBe(
      '{"a": ["value_a1", "value_a2"], "b": ["value_b"]}',
    );
    expect(text(call('urlquery.decode_object', 'a=value_a1&b'))).toBe('{"a": ["value_a1"], "b": [""]}');
    expect(text(call('urlquery.decode_object', ''))).toBe('{}');
    expect(() => call('urlquery.decode_object', 'a=1;b=2')).toThrow('invalid semicolon separator in query');
  });
});

describe('json', () => {
  it('marshals with sorted keys, sets as arrays and HTML-safe escapes', () => {
    expect(call('json.marshal', [{ foo: SetValue.from([3, 1, 2]) }])).toBe('[{"foo":[1,2,3]}]');
    expect(call('json.marshal', { b: 1, a: '<&>' })).toBe('{"a":"\\u003c\\u0026\\u003e","b":1}');
    expect(call('json.marshal', ObjectValue.from([[1, 'x']]))).toBe('{"1":"x"}');
    expect(call('json.marshal', 12345678901234567890n)).toBe('12345678901234567890');
  });

  it('pretty-prints with options as Go MarshalIndent does', () => {
    expect(call('json.marshal_with_options', { a: [1] }, { pretty: true })).toBe('{\n\t"a": [\n\t\t1\n\t]\n}');
    expect(call('json.marshal_with_options', { a: 1 }, { indent: '  ', prefix: '> ' })).toBe('> {\n>   "a": 1\n> }');
    expect(call('json.marshal_with_options', { a: 1 }, { indent: '  ', pretty: false })).toBe('{"a":1}');
    expect(() => call('json.marshal_with_options', 1, { bogus: 1 })).toThrow('object contained unknown key bogus');
  });

  it('unmarshals with exact big integers and rejects invalid text', () => {
    expect(call('json.unmarshal', '12345678901234567890')).toBe(12345678901234567890n);
    expect(text(call('json.unmarshal', '{"a": [1, 2.5, "x", null, true]}'))).toBe('{"a": [1, 2.5, "x", null, true]}');
    expect(() => call('json.unmarshal', '{')).toThrow(BuiltinFailure);
  });

  it('says whether text is JSON, false for non-strings', () => {
    expect(['plainstring', '{', '{"json": "ok"}', '1 2', ' [1] '].map((d) => call('json.is_valid', d))).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(call('json.is_valid', 1)).toBe(false);
  });
});

describe('yaml', () => {
  it('round-trips values through YAML text', () => {
    const y = call('yaml.marshal', [{ foo: SetValue.from([1, 2, 3]) }]) as string;
    expect(y).toBe('- foo:\n  - 1\n  - 2\n  - 3\n');
    expect(text(call('yaml.unmarshal', y))).toBe('[{"foo": [1, 2, 3]}]');
  });

  it('reads YAML 1.1 scalars as go-yaml does and keeps timestamps as strings', () => {
    expect(text(call('yaml.unmarshal', 'a: yes\nb: 2020-01-01\n1: x\nc: 12345678901234567890'))).toBe(
      '{"1": "x", "a": true, "b": "2020-01-01", "c": 12345678901234567890}',
    );
  });

  it('validates YAML documents', () => {
    expect(call('yaml.is_valid', 'foo:\n - qux: bar\n - baz: 2')).toBe(true);
    expect(call('yaml.is_valid', 'foo:\n - qux: bar\n - baz: {')).toBe(false);
    expect(call('yaml.is_valid', '{"json": "ok"}')).toBe(true);
    expect(call('yaml.is_valid', 1)).toBe(false);
    expect(() => call('yaml.unmarshal', 'a: {')).toThrow(BuiltinFailure);
  });
});

describe('JSON numbers', () => {
  it('keeps integral exponent literals exact and rejects numbers beyond any float', () => {
    expect(call('json.unmarshal', '1e30')).toBe(10n ** 30n);
    expect(call('json.unmarshal', '2.5e1')).toBe(25);
    expect(call('json.unmarshal', '1.5e-3')).toBe(0.0015);
    expect(() => call('json.unmarshal', '1.5e999')).toThrow(BuiltinFailure);
  });
});
