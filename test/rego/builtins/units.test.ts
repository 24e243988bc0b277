import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../src/rego/builtins/units.ts';
import { caller } from './call-builtin.ts';

const call = caller(builtins);

describe('units.parse', () => {
  it.each([
    ['500m', 0.5],
    ['0.0005K', 0.5],
    ['0.0000005M', 0.5],
    ['"100TI"', 109951162777600],
    ['0', 0],
    ['.0', 0],
    ['12345', 12345],
    ['10K', 10000],
    ['10KI', 10240],
    ['1.1K', 1100],
    ['1.1Ki', 1126.4],
    ['.5K', 500],
    ['100mi', 104857600],
    ['100Mi', 104857600],
    ['200M', 200000000],
    ['1e10', 10000000000],
    ['3.2E4', 32000],
    ['2.5e3K', 2500000],
    ['5e1Gi', 53687091200],
    ['1e-2', 0.01],
    ['7.8E-1', 0.78],
    ['-3.5E2m', -0.35],
  ])('reads %s as %d', (s, want) => {
    expect(call('units.parse', s)).toBe(want);
  });

  it('keeps results beyond 2^53 exact', () => {
    expect(call('units.parse', '10e')).toBe(10000000000000000000n);
    expect(call('units.parse', '10Ei')).toBe(11529215046068469760n);
    expect(call('units.parse', '100p')).toBe(100000000000000000n);
    // A trailing E is the exa unit, not an exponent.
    expect(call('units.parse', '5E')).toBe(5000000000000000000n);
  });

  it.each([
    ['', 'units.parse: no amount provided'],
    ['G', 'units.parse: no amount provided'],
    ['foo', 'units.parse: no amount provided'],
    ['0.0.0', 'units.parse: could not parse amount to a number'],
    ['.5.2', 'units.parse: could not parse amount to a number'],
    ['100 k', 'units.parse: spaces not allowed in resource strings'],
    ['10e10000000Ei', 'units.parse: exponent too large'],
    ['1mb', 'units.parse: unit mb not recognized'],
  ])('rejects %j', (s, message) => {
    expect(() => call('units.parse', s)).toThrow(new BuiltinFailure(message));
  });

  it('rejects non-strings as a type error', () => {
    expect(() => call('units.parse', ['1'])).toThrow(BuiltinTypeError);
  });
});

describe('units.parse_bytes', () => {
  it.each([
    ['"100TIB"', 109951162777600],
    ['0.0', 0],
    ['10KB', 10000],
    ['10Kib', 10240],
    ['200mb', 200000000],
    ['300GiB', 322122547200],
    ['1.1KB', 1100],
    ['1.1KiB', 1126],
    ['.5KB', 500],
    ['100k', 100000],
    ['100ki', 102400],
    ['100m', 100000000],
    ['1e3KB', 1000000],
    ['3.2E2MiB', 335544320],
    ['1e-2KB', 10],
    ['5e6', 5000000],
  ])('reads %s as %d bytes', (s, want) => {
    expect(call('units.parse_bytes', s)).toBe(want);
  });

  it('keeps exa amounts exact', () => {
    expect(call('units.parse_bytes', '10eb')).toBe(10000000000000000000n);
    expect(call('units.parse_bytes', '10eib')).toBe(11529215046068469760n);
  });

  it.each([
    ['', 'no byte amount provided'],
    ['GB', 'no byte amount provided'],
    ['0.0.0', 'could not parse byte amount to a number'],
    [' 327MiB ', 'spaces not allowed in resource strings'],
    ['10e10000000EiB', 'exponent too large'],
    ['1q', 'byte unit q not recognized'],
  ])('rejects %j', (s, message) => {
    expect(() => call('units.parse_bytes', s)).toThrow(new BuiltinFailure(`units.parse_bytes: ${message}`));
  });
});
