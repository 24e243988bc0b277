// Indexing into values (`x[k]` on arrays, objects and sets) and copy-on-write updates of
// nested objects, used by refs and by `with input.a.b as v`.
import { ObjectValue, SetValue, type Value } from '../value.ts';

export function lookup(v: Value, key: Value): Value | undefined {
  if (v instanceof ObjectValue) return v.get(key);
  if (Array.isArray(v)) {
    if (typeof key === 'number') return Number.isInteger(key) && key >= 0 ? v[key] : undefined;
    return undefined;
  }
  if (v instanceof SetValue) return v.has(key) ? key : undefined;
  return undefined;
}

/** Lookup in base documents, whose object keys are strings: `data.x[2]` finds the key "2". */
export function lookupData(v: Value, key: Value): Value | undefined {
  const r = lookup(v, key);
  if (r !== undefined || !(v instanceof ObjectValue) || (typeof key !== 'number' && typeof key !== 'bigint')) return r;
  return v.get(String(key));
}

/** A copy of `base` with `value` at `path`; missing or non-object levels become objects. */
export function setPath(base: Value | undefined, path: readonly Value[], value: Value, from = 0): Value {
  if (from === path.length) return value;
  const obj = base instanceof ObjectValue ? base.clone() : new ObjectValue();
  const key = path[from]!;
  obj.set(key, setPath(obj.get(key), path, value, from + 1));
  return obj;
}

export function getPath(base: Value | undefined, path: readonly Value[]): Value | undefined {
  let v = base;
  for (const p of path) {
    if (v === undefined) return undefined;
    v = lookup(v, p);
  }
  return v;
}
