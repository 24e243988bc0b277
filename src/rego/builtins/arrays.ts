// Array builtins: concat, slice, reverse, flatten.
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { arrayOperand, integerOperand } from './operands.ts';

/** Slice bounds are clamped into the array, so out-of-range indices give a shorter (or empty) slice. */
function slice([a, start, stop]: Value[]): Value {
  const arr = arrayOperand('array.slice', 1, a!);
  const from = clampIndex(integerOperand('array.slice', 2, start!, 'number'));
  const to = clampIndex(integerOperand('array.slice', 3, stop!, 'number'));
  const end = Math.min(Math.max(to, 0), arr.length);
  const begin = Math.min(Math.max(from, 0), end);
  return arr.slice(begin, end);
}

function clampIndex(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  if (n < BigInt(Number.MIN_SAFE_INTEGER)) return Number.MIN_SAFE_INTEGER;
  return Number(n);
}

/** One level only: nested arrays inside elements stay as they are. */
function flatten([a]: Value[]): Value {
  const out: Value[] = [];
  for (const v of arrayOperand('array.flatten', 1, a!)) {
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return out;
}

export const builtins: BuiltinDef[] = [
  {
    name: 'array.concat',
    arity: 2,
    fn: ([a, b]) => [...arrayOperand('array.concat', 1, a!), ...arrayOperand('array.concat', 2, b!)],
  },
  { name: 'array.slice', arity: 3, fn: slice },
  { name: 'array.reverse', arity: 1, fn: ([a]) => [...arrayOperand('array.reverse', 1, a!)].reverse() },
  { name: 'array.flatten', arity: 1, fn: flatten },
];

