// Comparison operators and membership (`in`), as builtins under OPA's names.
// Every value compares with every other through the total order of value.ts. These run for most
// expressions of a policy, so operands are read by index rather than destructured.
import { ObjectValue, SetValue, compare, equals } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';

function ordered(name: string, test: (c: number) => boolean): BuiltinDef {
  return { name, arity: 2, fn: (args) => test(compare(args[0]!, args[1]!)) };
}

/** `x in xs`: a member of a set, an element of an array, a value of an object; false for anything else. */
function member(args: Value[]): Value {
  const x = args[0]!;
  const c = args[1]!;
  if (c instanceof SetValue) return c.has(x);
  if (Array.isArray(c)) {
    for (let i = 0; i < c.length; i++) if (equals(c[i]!, x)) return true;
    return false;
  }
  if (c instanceof ObjectValue) {
    const values = c.values();
    for (let i = 0; i < values.length; i++) if (equals(values[i]!, x)) return true;
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
  { name: 'equal', arity: 2, fn: (args) => equals(args[0]!, args[1]!) },
  { name: 'neq', arity: 2, fn: (args) => !equals(args[0]!, args[1]!) },
  ordered('lt', (c) => c < 0),
  ordered('lte', (c) => c <= 0),
  ordered('gt', (c) => c > 0),
  ordered('gte', (c) => c >= 0),
  { name: 'internal.member_2', arity: 2, fn: member },
  { name: 'internal.member_3', arity: 3, fn: memberWithKey },
];
