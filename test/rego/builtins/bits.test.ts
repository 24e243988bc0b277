import { describe, expect, it } from 'vitest';
import { BuiltinTypeError } from '../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../src/rego/builtins/bits.ts';
import { caller } from './call-builtin.ts';

const call = caller(builtins);

describe('bits', () => {
  it('combines integers bitwise', () => {
    expect(call('bits.and', 50, 0)).toBe(0);
    expect(call('bits.and', 12, 10)).toBe(8);
    expect(call('bits.or', 12, 10)).toBe(14);
    expect(call('bits.xor', 42, 3)).toBe(41);
    expect(call('bits.negate', 42)).toBe(-43);
    expect(call('bits.and', -1, 255)).toBe(255);
  });

  it('shifts without overflow', () => {
    expect(call('bits.lsh', 2147483647, 1)).toBe(4294967294);
    expect(call('bits.lsh', BigInt('9223372036854775807'), 1)).toBe(BigInt('18446744073709551614'));
    expect(call('bits.rsh', 8, 3)).toBe(1);
    expect(call('bits.rsh', -8, 1)).toBe(-4);
    expect(call('bits.rsh', BigInt('18446744073709551614'), 1)).toBe(BigInt('9223372036854775807'));
  });

  it('rejects floats and negative shift counts as type errors', () => {
    for (const name of ['bits.and', 'bits.or', 'bits.xor', 'bits.lsh']) {
      expect(() => call(name, 7.2, 42)).toThrow(
        new BuiltinTypeError(`${name}: operand 1 must be integer number but got floating-point number`),
      );
    }
    expect(() => call('bits.and', 1, 'x')).toThrow('bits.and: operand 2 must be integer but got string');
    expect(() => call('bits.lsh', 1, -1)).toThrow(BuiltinTypeError);
  });
});
