// Set builtins: the & and | operators, and intersection/union over a set of sets.
import { SetValue } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { setOperand } from './operands.ts';

export function intersect(a: SetValue, b: SetValue): SetValue {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new SetValue();
  for (const v of small.values()) if (large.has(v)) out.add(v);
  return out;
}

export function unite(a: SetValue, b: SetValue): SetValue {
  const out = new SetValue();
  for (const v of a.values()) out.add(v);
  for (const v of b.values()) out.add(v);
  return out;
}

function intersection([x]: Value[]): Value {
  const sets = setOperand('intersection', 1, x!);
  let result: SetValue | undefined;
  for (const member of sets.values()) {
    const s = setOperand('intersection', 1, member);
    result = result === undefined ? s : intersect(result, s);
  }
  return result ?? new SetValue();
}

function union([x]: Value[]): Value {
  const out = new SetValue();
  for (const member of setOperand('union', 1, x!).values()) {
    for (const v of setOperand('union', 1, member).values()) out.add(v);
  }
  return out;
}

export const builtins: BuiltinDef[] = [
  { name: 'and', arity: 2, fn: ([a, b]) => intersect(setOperand('and', 1, a!), setOperand('and', 2, b!)) },
  { name: 'or', arity: 2, fn: ([a, b]) => unite(setOperand('or', 1, a!), setOperand('or', 2, b!)) },
  { name: 'intersection', arity: 1, fn: intersection },
  { name: 'union', arity: 1, fn: union },
];
