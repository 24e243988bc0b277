// Bitwise builtins over integers of any size (two's complement semantics, as big integers have).
import { normalizeBig } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { BuiltinTypeError, limitError } from './builtin.ts';
import { integerOperand } from './operands.ts';

function binary(name: string, op: (a: bigint, b: bigint) => bigint): BuiltinDef {
  return {
    name,
    arity: 2,
    fn: ([a, b]) => normalizeBig(op(integerOperand(name, 1, a!), integerOperand(name, 2, b!))),
  };
}

/** Shift counts beyond this would build numbers too large to be useful; OPA allows them but we keep memory bounded. */
const MAX_SHIFT = 1n << 20n;

function shiftCount(name: string, n: bigint): bigint {
  if (n < 0n) throw new BuiltinTypeError(`${name}: operand 2 must be an unsigned integer number but got a negative integer`);
  return n;
}

export const builtins: BuiltinDef[] = [
  binary('bits.and', (a, b) => a & b),
  binary('bits.or', (a, b) => a | b),
  binary('bits.xor', (a, b) => a ^ b),
  { name: 'bits.negate', arity: 1, fn: ([a]) => normalizeBig(~integerOperand('bits.negate', 1, a!)) },
  binary('bits.lsh', (a, b) => {
    const n = shiftCount('bits.lsh', b);
    if (n > MAX_SHIFT && a !== 0n) throw limitError('bits.lsh', `shift count too large (routewise shifts by at most ${MAX_SHIFT} bits)`);
    return a << n;
  }),
  binary('bits.rsh', (a, b) => {
    const n = shiftCount('bits.rsh', b);
    // Shifting right past every bit leaves the sign alone.
    if (n > MAX_SHIFT) return a < 0n ? -1n : 0n;
    return a >> n;
  }),
];
