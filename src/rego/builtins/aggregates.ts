// Aggregates over collections: count, sum, product, max, min, sort.
import { ObjectValue, SetValue, compare } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { productOf, sumOf } from './numbers/arithmetic.ts';
import type { Num } from './numbers/arithmetic.ts';
import { elementError, wrongType } from './operands.ts';

function count(args: Value[]): Value {
  const v = args[0]!;
  if (typeof v === 'string') {
    // Characters are code points, as Go counts runes.
    let n = 0;
    for (const _ of v) n++;
    return n;
  }
  if (Array.isArray(v)) return v.length;
  if (v instanceof ObjectValue || v instanceof SetValue) return v.size;
  throw wrongType('count', 1, 'one of {array, object, set, string}', v);
}

/** Members of an array or set; sets in sorted order so results never depend on insertion. */
function items(name: string, v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof SetValue) return v.sorted();
  throw wrongType(name, 1, 'one of {set, array}', v);
}

function numbers(name: string, v: Value): Num[] {
  const xs = items(name, v);
  for (const x of xs) {
    if (typeof x !== 'number' && typeof x !== 'bigint') throw elementError(name, 1, v, x, 'number');
  }
  return xs as Num[];
}

function extreme(name: string, wantGreater: boolean) {
  return ([x]: Value[]): Value | undefined => {
    const xs = items(name, x!);
    if (xs.length === 0) return undefined;
    let best: Value = xs[0] as Value;
    for (const v of xs) {
      const c = compare(v, best);
      if (wantGreater ? c > 0 : c < 0) best = v;
    }
    return best;
  };
}

export const builtins: BuiltinDef[] = [
  { name: 'count', arity: 1, fn: count },
  { name: 'sum', arity: 1, fn: ([x]) => sumOf(numbers('sum', x!)) },
  { name: 'product', arity: 1, fn: ([x]) => productOf(numbers('product', x!)) },
  { name: 'max', arity: 1, fn: extreme('max', true) },
  { name: 'min', arity: 1, fn: extreme('min', false) },
  { name: 'sort', arity: 1, fn: ([x]) => (x instanceof SetValue ? [...x.sorted()] : [...items('sort', x!)].sort(compare)) },
];
