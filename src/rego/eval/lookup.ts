// Indexing into values (`x[k]` on arrays, objects and sets) and copy-on-write updates of
// nested objects, used by refs and by `with input.a.b as v`.
import { LONG_ARRAY, ObjectValue, SetValue, fromJS, type Value } from '../value.ts';

export type Lookup = (v: Value, key: Value) => Value | undefined;

export function lookup(v: Value, key: Value): Value | undefined {
  if (v instanceof ObjectValue) return v.get(key);
  if (Array.isArray(v)) return arrayIndex(key, v.length) ? v[key as number] : undefined;
  if (v instanceof SetValue) return v.has(key) ? key : undefined;
  return undefined;
}

function arrayIndex(key: Value, length: number): boolean {
  return typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < length;
}

/** Lookup in base documents, whose object keys are strings: `data.x[2]` finds the key "2". */
export function lookupData(v: Value, key: Value): Value | undefined {
  const r = lookup(v, key);
  if (r !== undefined || !(v instanceof ObjectValue) || (typeof key !== 'number' && typeof key !== 'bigint')) return r;
  return v.get(String(key));
}

/**
 * An array of the caller's input (or data) that a ref reached before it was converted. Indexing
 * and iteration convert one element at a time, and the elements die with the binding that used
 * them, so walking a large input holds on to nothing: converting all of it up front would keep
 * one wrapper per element alive through the whole evaluation.
 */
export class RawItems {
  constructor(
    readonly items: readonly unknown[],
    /** The object the array came from, which keeps the converted array once someone needs it whole. */
    private readonly owner: ObjectValue | undefined,
    private readonly key: string,
  ) {}

  at(key: Value): Cursor | undefined {
    return arrayIndex(key, this.items.length) ? element(this.items[key as number]) : undefined;
  }

  value(): Value {
    return this.owner !== undefined ? this.owner.get(this.key)! : fromJS(this.items);
  }
}

/** Where a walk along a ref has got to: a value, or an input array not converted yet. */
export type Cursor = Value | RawItems;

export function element(raw: unknown): Cursor {
  return Array.isArray(raw) ? new RawItems(raw, undefined, '') : fromJS(raw);
}

export function valueOf(c: Cursor): Value {
  return c instanceof RawItems ? c.value() : c;
}

/** An array to iterate by index: converted, or the caller's, converted element by element. */
export type Items = Value[] | RawItems;

export function isItems(c: Cursor): c is Items {
  return c instanceof RawItems || Array.isArray(c);
}

export function lengthOf(items: Items): number {
  return items instanceof RawItems ? items.items.length : items.length;
}

export function itemAt(items: Items, i: number): Cursor {
  return items instanceof RawItems ? element(items.items[i]) : items[i]!;
}

/**
 * Input arrays up to this length are converted whole when first reached and kept: policies walk
 * the same short lists (targets, workloads) many times per evaluation, and converting their
 * elements again on each walk costs more than holding them.
 */
const SMALL_ARRAY = 256;

/** One step of a ref: like `get`, but an unconverted input array longer than SMALL_ARRAY stays unconverted. */
export function stepInto(cur: Cursor, key: Value, get: Lookup): Cursor | undefined {
  if (cur instanceof RawItems) return cur.at(key);
  if (cur instanceof ObjectValue) {
    const v = cur.step(key, SMALL_ARRAY);
    if (v === LONG_ARRAY) return new RawItems(cur.rawArray(key)!, cur, key as string);
    if (v !== undefined || get === lookup) return v;
  }
  return get(cur, key);
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
