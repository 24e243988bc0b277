// Operand checks shared by builtin families, worded as OPA words its type errors
// so that policy authors see the messages they already know.
import { Decimal, ObjectValue, SetValue, typeName } from '../value.ts';
import type { Value } from '../value.ts';
import { BuiltinTypeError, typeError } from './builtin.ts';

/**
 * A type error naming the operand's type. Passes the type name rather than the value so a
 * string operand such as "foo" is never mistaken for a type name.
 */
export function wrongType(name: string, pos: number, expected: string, v: Value): BuiltinTypeError {
  return typeError(name, pos, expected, typeName(v));
}

/** A number operand; a Decimal (a literal no float64 holds) takes part as its nearest float. */
export function numberOperand(name: string, pos: number, v: Value): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof Decimal) return v.toNumber();
  throw wrongType(name, pos, 'number', v);
}

export function stringOperand(name: string, pos: number, v: Value): string {
  if (typeof v === 'string') return v;
  throw wrongType(name, pos, 'string', v);
}

export function arrayOperand(name: string, pos: number, v: Value): Value[] {
  if (Array.isArray(v)) return v;
  throw wrongType(name, pos, 'array', v);
}

export function objectOperand(name: string, pos: number, v: Value): ObjectValue {
  if (v instanceof ObjectValue) return v;
  throw wrongType(name, pos, 'object', v);
}

export function setOperand(name: string, pos: number, v: Value): SetValue {
  if (v instanceof SetValue) return v;
  throw wrongType(name, pos, 'set', v);
}

/** True for numbers that denote an integer exactly (bigints, and JS integers inside the safe range). */
export function isExactInteger(v: Value): v is number | bigint {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v));
}

/**
 * An integer operand, as a bigint. `kind` names the type in the non-number message:
 * OPA says "integer" for bits and ranges.
 */
export function integerOperand(name: string, pos: number, v: Value, kind = 'integer'): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v !== 'number') throw wrongType(name, pos, kind, v);
  if (!Number.isInteger(v)) throw notInteger(name, pos);
  return BigInt(v);
}

export function notInteger(name: string, pos: number): BuiltinTypeError {
  return new BuiltinTypeError(`${name}: operand ${pos} must be integer number but got floating-point number`);
}

/** `operand 1 must be array of numbers but got array containing string`. */
export function elementError(name: string, pos: number, composite: Value, got: Value, expected: string): BuiltinTypeError {
  const tpe = typeName(composite);
  return new BuiltinTypeError(`${name}: operand ${pos} must be ${tpe} of ${expected}s but got ${tpe} containing ${typeName(got)}`);
}

/** Members of an array or set, for builtins that accept either. */
export function collectionItems(name: string, pos: number, v: Value, expected = 'one of {set, array}'): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof SetValue) return v.sorted();
  throw wrongType(name, pos, expected, v);
}
