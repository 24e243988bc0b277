import { describe, expect, it } from 'vitest';
import { builtins } from '../../../src/rego/builtins/types.ts';
import { caller } from './call-builtin.ts';

const call = caller(builtins);

const samples: [string, unknown][] = [
  ['null', null],
  ['boolean', false],
  ['number', 1.5],
  ['number', BigInt('18446744073709551617')],
  ['string', 'Hello'],
  ['array', [1, 2, 3]],
  ['object', { foo: 1 }],
  ['set', new Set([1, 2, 3])],
];

describe('type builtins', () => {
  it('names the type of every value', () => {
    for (const [name, v] of samples) expect(call('type_name', v)).toBe(name);
  });

  it('answers each is_<type> test true for its type only', () => {
    for (const [name, v] of samples) {
      for (const other of ['null', 'boolean', 'number', 'string', 'array', 'object', 'set']) {
        expect(call(`is_${other}`, v)).toBe(other === name);
      }
    }
  });
});
