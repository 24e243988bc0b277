import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../src/rego/builtins/semver.ts';
import { caller } from './call-builtin.ts';

const call = caller(builtins);

describe('semver.is_valid', () => {
  it.each([
    ['0.0.0', true],
    ['1.2.3-0', true],
    ['1.2.3-0a', true],
    ['1.2.3+01', true],
    ['1.1.12-rc1+foo', true],
    ['01.2.3', false],
    ['1.02.3', false],
    ['1.2.03', false],
    ['1.2.3-01', false],
    ['1.2.3-alpha.01', false],
    ['1.2.3-', false],
    ['1.2.3+', false],
    ['1.1', false],
    ['v1.2.3', false],
  ])('%s is valid: %s', (v, want) => {
    expect(call('semver.is_valid', v)).toBe(want);
  });

  it('answers false for non-strings', () => {
    expect(call('semver.is_valid', 1)).toBe(false);
  });
});

describe('semver.compare', () => {
  it.each([
    ['1.0.0', '2.0.0', -1],
    ['2.0.0', '1.0.0', 1],
    ['1.9.10', '1.8.15', 1],
    ['1.2.3-0', '1.2.3-1', -1],
    ['1.2.3+01', '1.2.3+2', 0],
    ['1.0.0-alpha', '1.0.0', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1],
    ['1.0.0-rc.1', '1.0.0-beta.11', 1],
    ['100000000000000000000.0.0', '99999999999999999999.0.0', 1],
  ])('compares %s with %s as %d', (a, b, want) => {
    expect(call('semver.compare', a, b)).toBe(want);
  });

  it('names the invalid operand', () => {
    expect(() => call('semver.compare', '1', '1.0.0')).toThrow(
      new BuiltinFailure('semver.compare: operand 1: string "1" is not a valid SemVer'),
    );
    expect(() => call('semver.compare', '1.2.3', '1.2.3-01')).toThrow('operand 2: string "1.2.3-01" is not a valid SemVer');
    expect(() => call('semver.compare', 1, '1.0.0')).toThrow(BuiltinTypeError);
  });
});
