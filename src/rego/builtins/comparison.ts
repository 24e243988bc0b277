// Comparison operators and membership (`in`), as builtins under OPA's names.
// Every value compares with every other through the total order of value.ts.
import { ObjectValue, SetValue, compare, equals } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';

function ordered(name: string, test: (c: number) => boolean): BuiltinDef {
  return { name, arity: 2, fn: ([a, b]) => test(compare(a!, b!)) };
}

/** `x in xs`: a member of a set, an element of an array, a value of an object; false for anything else. */
function member([x, xs]: Value[]): Value {
  const c = xs!;
  if (c instanceof SetValue) return c.has(x!);
  if (Array.isArray(c)) return c.some((v) => equals(v, x!));
  if (c instanceof ObjectValue) {
    for (const [, v] of c.entries()) if (equals(v, x!)) return true;
  }
  return false;
}

/** `k, v in xs`: v sits at key (or index) k; for sets, k and v are both the member. */
function memberWithKey([k, v, xs]: Value[]): Value {
  const c = xs!;
  if (c instanceof SetValue) return c.has(k!) && equals(k!, v!);
  if (c instanceof ObjectValue) {
    const found = c.get(k!);
    return found !== undefined && equals(found, v!);
  }
  if (Array.isArray(c)) {
    const i = k!;
    if ((typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < c.length)) return equals(c[i]!, v!);
    return false;
  }
  return false;
}

export const builtins: BuiltinDef[] = [
  { name: 'equal', arity: 2, fn: ([a, b]) => equals(a!, b!) },
  { name: 'neq', arity: 2, fn: ([a, b]) => !equals(a!, b!) },
  ordered('lt', (c) => c < 0),
  ordered('lte', (c) => c <= 0),
  ordered('gt', (c) => c > 0),
  ordered('gte', (c) => c >= 0),
  { name: 'internal.member_2', arity: 2, fn: member },
  { name: 'internal.member_3', arity: 3, fn: memberWithKey },
];
