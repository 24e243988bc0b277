import { describe, expect, it } from 'vitest';
import { BuiltinTypeError } from '../../../../src/rego/builtins/builtin.ts';
import { formatFloat } from '../../../../src/rego/builtins/strings/format-float.ts';
import { builtins } from '../../../../src/rego/builtins/strings/sprintf.ts';
import { SetValue } from '../../../../src/rego/value.ts';
import { caller } from '../call-builtin.ts';

const call = caller(builtins);
const sprintf = (format: string, ...args: unknown[]) => call('sprintf', format, args);

describe('sprintf verbs', () => {
  it('formats strings, integers and floats', () => {
    expect(sprintf('hi %s', 'there')).toBe('hi there');
    expect(sprintf('hi %02X.%02X', 127, 1)).toBe('hi 7F.01');
    expect(sprintf('hi %.2f', 3.1415)).toBe('hi 3.14');
    expect(sprintf('Number: %d', 42)).toBe('Number: 42');
    expect(sprintf('%f', 3.14)).toBe('3.140000');
    expect(sprintf('%x %o %b %O', 255, 64, 15, 8)).toBe('ff 100 1111 0o10');
    expect(sprintf('%#x %#o %#b', 255, 8, 5)).toBe('0xff 010 0b101');
    expect(sprintf('String: %s, Number: %d, Percent: %%', 'hello', 123)).toBe('String: hello, Number: 123, Percent: %');
  });

  it('prints non-string values as Rego text', () => {
    expect(sprintf('hi %s', true)).toBe('hi true');
    expect(sprintf('hi %v', ['there', 5, 3.14])).toBe('hi ["there", 5, 3.14]');
    expect(sprintf('%v', { key: 'value' })).toBe('{"key": "value"}');
    expect(sprintf('%v', new Set([2, 1]))).toBe('{1, 2}');
    expect(sprintf('%v', SetValue.from([]))).toBe('set()');
    expect(sprintf('%v', null)).toBe('null');
  });

  it('prints integers beyond int64 like math/big', () => {
    expect(sprintf('%s', 123456789123456789123n)).toBe('123456789123456789123');
    expect(sprintf('%s', 1208925819614629174706175n)).toBe('1208925819614629174706175');
    expect(sprintf('%x', 1208925819614629174706175n)).toBe('ffffffffffffffffffff');
    expect(sprintf('%30d|', 123456789123456789123n)).toBe('         123456789123456789123|');
    expect(sprintf('%f', 123456789123456789123n)).toBe('%!f(big.Int=123456789123456789123)');
  });

  it('honours width, precision and flags', () => {
    expect(sprintf('Padded: %5d', 42)).toBe('Padded:    42');
    expect(sprintf('%05d', 42)).toBe('00042');
    expect(sprintf('%05d', -42)).toBe('-0042');
    expect(sprintf('%-5d|', 42)).toBe('42   |');
    expect(sprintf('%+d % d', 5, 5)).toBe('+5  5');
    expect(sprintf('%.3d', 7)).toBe('007');
    expect(sprintf('%8.3f|', -3.14159)).toBe('  -3.142|');
    expect(sprintf('%08.3f', -3.14159)).toBe('-003.142');
    expect(sprintf('%6s|%-6s|', 'ab', 'ab')).toBe('    ab|ab    |');
    expect(sprintf('%.2s', 'åäö')).toBe('åä');
    expect(sprintf('%*d', 5, 42)).toBe('   42');
    expect(sprintf('%-*d|', 4, 7)).toBe('7   |');
    expect(sprintf('%[2]s %[1]s', 'a', 'b')).toBe('b a');
  });

  it('formats floats in e, g and shortest forms as Go does', () => {
    expect(sprintf('%e', 1234.5678)).toBe('1.234568e+03');
    expect(sprintf('%E', 0.000123)).toBe('1.230000E-04');
    expect(sprintf('%g', 0.5)).toBe('0.5');
    expect(sprintf('%v', 1e21)).toBe('1e+21');
    expect(sprintf('%v', 123456789.5)).toBe('1.234567895e+08');
    expect(sprintf('%v', 0.00001)).toBe('1e-05');
    expect(sprintf('%v', 0.0001)).toBe('0.0001');
    expect(sprintf('%.3g', 1234.5)).toBe('1.23e+03');
    expect(sprintf('%#g', 1.5)).toBe('1.50000');
    expect(sprintf('%.0f %.0f %.2f', 2.5, 3.5, 0.125)).toBe('2 4 0.12');
  });

  it('quotes strings and runes', () => {
    expect(sprintf('%q', 'a"b\n')).toBe('"a\\"b\\n"');
    expect(sprintf('%+q', 'é')).toBe('"\\u00e9"');
    expect(sprintf('%#q', 'ab')).toBe('`ab`');
    expect(sprintf('%c %q %U', 65, 65, 0x1f600)).toBe("A 'A' U+1F600");
    expect(sprintf('%#U', 65)).toBe("U+0041 'A'");
    expect(sprintf('%x % X', 'hi', 'hi')).toBe('6869 68 69');
  });

  it('reports misuse inline, as Go does, instead of failing', () => {
    expect(sprintf('%d', 'x')).toBe('%!d(string=x)');
    expect(sprintf('%s', 5)).toBe('%!s(int=5)');
    expect(sprintf('%d', 3.14)).toBe('%!d(float64=3.14)');
    expect(sprintf('%t', true)).toBe('%!t(string=true)');
    expect(sprintf('Value: %s %d', 'only_one')).toBe('Value: only_one %!d(MISSING)');
    expect(sprintf('hi', 'a', 1)).toBe('hi%!(EXTRA string=a, int=1)');
    expect(sprintf('100%')).toBe('100%!(NOVERB)');
    expect(sprintf('%[3]d', 1)).toBe('%!d(BADINDEX)');
    expect(sprintf('%*d', 'x', 1)).toBe('%!(BADWIDTH)1');
  });

  it('requires a string format and an array of arguments', () => {
    expect(() => call('sprintf', 1, [])).toThrow(new BuiltinTypeError('sprintf: operand 1 must be string but got number'));
    expect(() => call('sprintf', '%s', 'x')).toThrow(
      new BuiltinTypeError('sprintf: operand 2 must be array but got string'),
    );
  });
});

describe('formatFloat', () => {
  it('rounds the exact binary value half to even', () => {
    expect(formatFloat(0.1, 'f', 20)).toBe('0.10000000000000000555');
    expect(formatFloat(1e21, 'f', 1)).toBe('1000000000000000000000.0');
    expect(formatFloat(0.005, 'f', 2)).toBe('0.01');
    expect(formatFloat(9.995, 'f', 2)).toBe('9.99');
    expect(formatFloat(99.5, 'f', 0)).toBe('100');
    expect(formatFloat(0, 'e', 2)).toBe('0.00e+00');
    expect(formatFloat(-0, 'g', -1)).toBe('-0');
    expect(formatFloat(1, 'b', -1)).toBe('4503599627370496p-52');
    expect(formatFloat(100, 'g', 10)).toBe('100');
    expect(formatFloat(1e-7, 'g', -1)).toBe('1e-07');
  });
});
