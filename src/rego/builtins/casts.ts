// Builtins OPA deprecated long ago and offers only to Rego v0 policies: the cast_* family,
// set_diff, all and any. Kept so older policies still evaluate.
import { ObjectValue, SetValue, equals } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { setDifference } from './numbers/numbers.ts';
import { setOperand, wrongType } from './operands.ts';

function cast(name: string, expected: string, accepts: (v: Value) => boolean): BuiltinDef {
  return {
    name,
    arity: 1,
    deprecated: true,
    fn: ([v]) => {
      if (!accepts(v as Value)) throw wrongType(name, 1, expected, v as Value);
      return v as Value;
    },
  };
}

function castArray([v]: Value[]): Value {
  if (Array.isArray(v)) return v;
  if (v instanceof SetValue) return [...v.sorted()];
  throw wrongType('cast_array', 1, 'one of {array, set}', v as Value);
}

function castSet([v]: Value[]): Value {
  if (v instanceof SetValue) return v;
  if (Array.isArray(v)) return SetValue.from(v);
  throw wrongType('cast_set', 1, 'one of {array, set}', v as Value);
}

function quantifier(name: string, every: boolean) {
  return ([v]: Value[]): Value => {
    let items: Iterable<Value>;
    if (Array.isArray(v)) items = v;
    else if (v instanceof SetValue) items = v.values();
    else throw wrongType(name, 1, 'one of {array, set}', v as Value);
    for (const item of items) {
      const isTrue = equals(item, true);
      if (every && !isTrue) return false;
      if (!every && isTrue) return true;
    }
    return every;
  };
}

export const builtins: BuiltinDef[] = [
  { name: 'cast_array', arity: 1, fn: castArray, deprecated: true },
  { name: 'cast_set', arity: 1, fn: castSet, deprecated: true },
  cast('cast_string', 'string', (v) => typeof v === 'string'),
  cast('cast_boolean', 'boolean', (v) => typeof v === 'boolean'),
  cast('cast_null', 'null', (v) => v === null),
  cast('cast_object', 'object', (v) => v instanceof ObjectValue),
  {
    name: 'set_diff',
    arity: 2,
    deprecated: true,
    fn: ([a, b]) => setDifference(setOperand('set_diff', 1, a!), setOperand('set_diff', 2, b!)),
  },
  { name: 'all', arity: 1, fn: quantifier('all', true), deprecated: true },
  { name: 'any', arity: 1, fn: quantifier('any', false), deprecated: true },
];
