// Type tests (is_string, ...) and type_name.
import { ObjectValue, SetValue, isNumber, typeName } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';

function test(name: string, pred: (v: Value) => boolean): BuiltinDef {
  return { name, arity: 1, fn: ([v]) => pred(v as Value) };
}

export const builtins: BuiltinDef[] = [
  test('is_number', isNumber),
  test('is_string', (v) => typeof v === 'string'),
  test('is_boolean', (v) => typeof v === 'boolean'),
  test('is_array', (v) => Array.isArray(v)),
  test('is_set', (v) => v instanceof SetValue),
  test('is_object', (v) => v instanceof ObjectValue),
  test('is_null', (v) => v === null),
  { name: 'type_name', arity: 1, fn: ([v]) => typeName(v as Value) },
];
