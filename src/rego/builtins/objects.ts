// Object builtins: get, keys, union, union_n, remove, filter, subset.
import { ObjectValue, SetValue, compare, equals } from '../value.ts';
import type { Value } from '../value.ts';
import type { BuiltinDef } from './builtin.ts';
import { BuiltinTypeError } from './builtin.ts';
import { arrayOperand, elementError, objectOperand, wrongType } from './operands.ts';

/** A key, or an array path into nested objects, arrays and sets; the default when nothing is there. */
function get([o, key, fallback]: Value[]): Value {
  const obj = objectOperand('object.get', 1, o!);
  if (!Array.isArray(key)) return obj.get(key as Value) ?? (fallback as Value);
  let node: Value = obj;
  for (const seg of key) {
    const next = child(node, seg);
    if (next === undefined) return fallback as Value;
    node = next;
  }
  return node;
}

function child(node: Value, seg: Value): Value | undefined {
  if (node instanceof ObjectValue) return node.get(seg);
  if (Array.isArray(node)) {
    if (typeof seg === 'number' && Number.isInteger(seg) && seg >= 0 && seg < node.length) return node[seg];
    return undefined;
  }
  if (node instanceof SetValue) return node.has(seg) ? seg : undefined;
  return undefined;
}

/** Deep merge where `b` wins, except that two objects under the same key merge in turn. */
export function mergeObjects(a: ObjectValue, b: ObjectValue): ObjectValue {
  const out = a.clone();
  for (const [k, bv] of b.entries()) {
    const av = out.get(k);
    out.set(k, av instanceof ObjectValue && bv instanceof ObjectValue ? mergeObjects(av, bv) : bv);
  }
  return out;
}

function unionN([a]: Value[]): Value {
  const arr = arrayOperand('object.union_n', 1, a!);
  let out = new ObjectValue();
  for (const o of arr) {
    if (!(o instanceof ObjectValue)) throw elementError('object.union_n', 1, arr, o, 'object');
    out = mergeObjects(out, o);
  }
  return out;
}

/** The keys argument of object.remove and object.filter: an array, a set, or an object's keys. */
function keySet(name: string, v: Value): SetValue {
  if (Array.isArray(v)) return SetValue.from(v);
  if (v instanceof SetValue) return v;
  if (v instanceof ObjectValue) return SetValue.from(v.keys());
  throw wrongType(name, 2, 'one of {object, set, array}', v);
}

function remove([o, k]: Value[]): Value {
  const obj = objectOperand('object.remove', 1, o!);
  const keys = keySet('object.remove', k!);
  const out = new ObjectValue();
  for (const [key, v] of obj.entries()) if (!keys.has(key)) out.set(key, v);
  return out;
}

function filter([o, k]: Value[]): Value {
  const obj = objectOperand('object.filter', 1, o!);
  const keys = keySet('object.filter', k!);
  const out = new ObjectValue();
  for (const [key, v] of obj.entries()) if (keys.has(key)) out.set(key, v);
  return out;
}

/**
 * Objects: every key of `sub` is in `sup` with an equal value, or a value that is itself a
 * subset (objects, sets and arrays recurse one kind at a time). Sets: membership. Arrays: `sub`
 * appears contiguously in `sup`. An array `sup` and a set `sub`: every member occurs in the array.
 */
export function isSubset(sup: Value, sub: Value): boolean | undefined {
  if (sup instanceof ObjectValue && sub instanceof ObjectValue) {
    for (const [k, sv] of sub.entries()) {
      const pv = sup.get(k);
      if (pv === undefined) return false;
      if (equals(pv, sv)) continue;
      const nested = sameKind(pv, sv) ? isSubset(pv, sv) : false;
      if (!nested) return false;
    }
    return true;
  }
  if (sup instanceof SetValue && sub instanceof SetValue) {
    for (const v of sub.values()) if (!sup.has(v)) return false;
    return true;
  }
  if (Array.isArray(sup) && Array.isArray(sub)) return containsRun(sup, sub);
  if (Array.isArray(sup) && sub instanceof SetValue) {
    const present = SetValue.from(sup);
    for (const v of sub.values()) if (!present.has(v)) return false;
    return true;
  }
  return undefined;
}

function sameKind(a: Value, b: Value): boolean {
  return (
    (a instanceof ObjectValue && b instanceof ObjectValue) ||
    (a instanceof SetValue && b instanceof SetValue) ||
    (Array.isArray(a) && Array.isArray(b))
  );
}

function containsRun(sup: Value[], sub: Value[]): boolean {
  if (sub.length > sup.length) return false;
  for (let start = 0; start + sub.length <= sup.length; start++) {
    let i = 0;
    while (i < sub.length && compare(sup[start + i]!, sub[i]!) === 0) i++;
    if (i === sub.length) return true;
  }
  return false;
}

function subset([a, b]: Value[]): Value {
  const r = isSubset(a as Value, b as Value);
  if (r === undefined) {
    throw new BuiltinTypeError('object.subset: both arguments object.subset must be of the same type or array and set');
  }
  return r;
}

export const builtins: BuiltinDef[] = [
  { name: 'object.get', arity: 3, fn: get },
  { name: 'object.keys', arity: 1, fn: ([o]) => SetValue.from(objectOperand('object.keys', 1, o!).keys()) },
  {
    name: 'object.union',
    arity: 2,
    fn: ([a, b]) => mergeObjects(objectOperand('object.union', 1, a!), objectOperand('object.union', 2, b!)),
  },
  { name: 'object.union_n', arity: 1, fn: unionN },
  { name: 'object.remove', arity: 2, fn: remove },
  { name: 'object.filter', arity: 2, fn: filter },
  { name: 'object.subset', arity: 2, fn: subset },
];
