// Rego values: JSON plus sets, objects with any value as key, and exact integers beyond 2^53.
// Values are immutable once built; ObjectValue/SetValue are mutated only by their builders.
import { Decimal, compareDecimals, toDecimal } from './decimal.ts';

export { Decimal } from './decimal.ts';

/** Numbers are JS numbers, bigints beyond 2^53, and Decimals for literals no float64 holds. */
export type Scalar = null | boolean | number | bigint | Decimal | string;
export type Value = Scalar | Value[] | ObjectValue | SetValue;

/** Sort rank of each type in OPA's total order. */
const enum Rank {
  Null = 0,
  Boolean = 1,
  Number = 2,
  String = 3,
  Array = 4,
  Object = 5,
  Set = 6,
}

function rank(v: Value): Rank {
  if (v === null) return Rank.Null;
  switch (typeof v) {
    case 'boolean':
      return Rank.Boolean;
    case 'number':
    case 'bigint':
      return Rank.Number;
    case 'string':
      return Rank.String;
  }
  if (Array.isArray(v)) return Rank.Array;
  if (v instanceof ObjectValue) return Rank.Object;
  return v instanceof Decimal ? Rank.Number : Rank.Set;
}

/** Keeps integers inside the safe range as JS numbers so the common case stays fast. */
export function normalizeBig(n: bigint): number | bigint {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

export function isNumber(v: Value): v is number | bigint | Decimal {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof Decimal;
}

function compareNumbers(a: number | bigint | Decimal, b: number | bigint | Decimal): number {
  if (a instanceof Decimal || b instanceof Decimal) {
    // Infinities (from arithmetic) lie beyond every decimal.
    if (typeof a === 'number' && !Number.isFinite(a)) return a > 0 ? 1 : -1;
    if (typeof b === 'number' && !Number.isFinite(b)) return b > 0 ? -1 : 1;
    return compareDecimals(toDecimal(a), toDecimal(b));
  }
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  // Mixed bigint/number: compare exactly when the float is integral, else via floats.
  const fa = typeof a === 'bigint' ? a : Number.isInteger(a) ? BigInt(a) : a;
  const fb = typeof b === 'bigint' ? b : Number.isInteger(b) ? BigInt(b) : b;
  if (typeof fa === 'bigint' && typeof fb === 'bigint') return fa < fb ? -1 : fa > fb ? 1 : 0;
  const x = Number(fa);
  const y = Number(fb);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareStrings(a: string, b: string): number {
  // Go compares strings by bytes (UTF-8); code point order matches that, UTF-16 order does not.
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** OPA's total order: null < booleans < numbers < strings < arrays < objects < sets. */
export function compare(a: Value, b: Value): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case Rank.Null:
      return 0;
    case Rank.Boolean:
      return a === b ? 0 : a ? 1 : -1;
    case Rank.Number:
      return compareNumbers(a as number | bigint | Decimal, b as number | bigint | Decimal);
    case Rank.String:
      return compareStrings(a as string, b as string);
    case Rank.Array:
      return compareSequences(a as Value[], b as Value[]);
    case Rank.Object: {
      const ea = (a as ObjectValue).sortedEntries();
      const eb = (b as ObjectValue).sortedEntries();
      const n = Math.min(ea.length, eb.length);
      for (let i = 0; i < n; i++) {
        const c = compare(ea[i]![0], eb[i]![0]);
        if (c !== 0) return c;
        const d = compare(ea[i]![1], eb[i]![1]);
        if (d !== 0) return d;
      }
      return ea.length - eb.length < 0 ? -1 : ea.length === eb.length ? 0 : 1;
    }
    default:
      return compareSequences((a as SetValue).sorted(), (b as SetValue).sorted());
  }
}

function compareSequences(a: readonly Value[], b: readonly Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compare(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  return compare(a, b) === 0;
}

/**
 * A string that identifies a value up to Rego equality (1 and 1.0 share a key).
 * Strings map to themselves so lookups by plain string keys cost nothing; every
 * other value is prefixed with NUL, and strings that start with NUL are escaped.
 */
export function keyOf(v: Value): string {
  if (typeof v === 'string') return v.length > 0 && v.charCodeAt(0) === 0 ? '\0s' + v : v;
  return '\0' + encode(v);
}

function encode(v: Value): string {
  if (v === null) return 'n';
  switch (typeof v) {
    case 'boolean':
      return v ? 't' : 'f';
    case 'number':
      return Number.isInteger(v) ? 'i' + (Number.isSafeInteger(v) ? String(v) : BigInt(v).toString()) : 'd' + String(v);
    case 'bigint':
      return 'i' + v.toString();
    case 'string':
      // Length-prefixed, so that where a string ends is never in doubt (cheaper than quoting).
      return '"' + v.length + ':' + v;
  }
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i > 0 ? ',' : '') + encode(v[i]!);
    return s + ']';
  }
  if (v instanceof ObjectValue) return v.encoded();
  // Never equal to a number or bigint (see decimal.ts), so a key of its own kind.
  if (v instanceof Decimal) return 'D' + v.coef.toString() + 'e' + v.exp;
  return (v as SetValue).encoded();
}

function byStringKey(x: [string, Value], y: [string, Value]): number {
  return compareStrings(x[0], y[0]);
}

/** Entries of an object whose keys are all plain strings, as properties of a JS object. */
interface StringRecord {
  [key: string]: Value;
}

// Records inherit from an empty prototype that itself has none, so every property found on one
// is an entry (`toString` and `__proto__` included). Unlike Object.create(null), which V8 keeps
// in dictionary mode, instances of a constructor share hidden classes and store fields inline.
function EmptyRecord(): void {}
EmptyRecord.prototype = Object.create(null) as object;
const newRecord = (): StringRecord => new (EmptyRecord as unknown as new () => StringRecord)();
/** For a stored policy's records to get their prototype back (compiler/stored-policy.ts). */
export const RECORD_PROTOTYPE = EmptyRecord.prototype as object;

/** JS objects list array-index keys first, whatever their insertion order; such keys go to the Map. */
function indexLike(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** How an ObjectValue holds its string-keyed entries. */
const enum Held {
  /** A record of its own, every value a Value. */
  Own = 0,
  /** A caller's plain object read in place, every value a JSON scalar (so already a Value). */
  Shared = 1,
  /** A caller's plain object read in place, some values nested data converted on first read. */
  SharedRaw = 2,
}

function isScalarValue(r: unknown): r is string | boolean | number | null {
  const t = typeof r;
  return r === null || t === 'string' || t === 'boolean' || t === 'number';
}

/** What ObjectValue.step gives for an input array it leaves unconverted. */
export const LONG_ARRAY: unique symbol = Symbol('long array');

export class ObjectValue {
  // Most objects (all of JSON input) have plain string keys only; a record stores them at about a
  // quarter of the memory of a Map of [key, value] pairs, which keeps large inputs cheap to convert
  // and to carry through garbage collection. The first key of another kind moves every entry into
  // `general`, keyed by keyOf so that keys equal in Rego share one entry.
  private strings: StringRecord | undefined;
  /**
   * Shared records are a caller's plain objects, read in place rather than copied (see fromJS):
   * they inherit Object.prototype, so lookups check own properties, and the first write copies
   * them into a record of ours. Nested values of a SharedRaw record are converted when first read
   * and kept in `converted`, so input a policy never reaches costs nothing.
   */
  private held: Held = Held.Own;
  private count = 0;
  private general: Map<string, [Value, Value]> | undefined = undefined;
  private converted: Map<string, Value> | undefined = undefined;
  private sortedCache: [Value, Value][] | undefined = undefined;
  private encodedCache: string | undefined = undefined;

  static from(entries: Iterable<readonly [Value, Value]>): ObjectValue {
    const o = new ObjectValue();
    for (const [k, v] of entries) o.set(k, v);
    return o;
  }

  constructor(strings?: StringRecord) {
    this.strings = strings ?? newRecord();
  }

  /** For builders only: values are treated as immutable once shared. */
  set(k: Value, v: Value): void {
    if (this.held !== Held.Own) this.unshare();
    const s = this.strings;
    if (s !== undefined && typeof k === 'string' && !indexLike(k)) {
      if (!(k in s)) this.count++;
      s[k] = v;
    } else {
      this.generalEntries().set(keyOf(k), [k, v]);
    }
    this.sortedCache = undefined;
    this.encodedCache = undefined;
  }

  delete(k: Value): void {
    if (this.held !== Held.Own) this.unshare();
    const s = this.strings;
    if (s === undefined) this.general!.delete(keyOf(k));
    else if (typeof k === 'string' && k in s) {
      delete s[k];
      this.count--;
    }
    this.sortedCache = undefined;
    this.encodedCache = undefined;
  }

  get(k: Value): Value | undefined {
    const s = this.strings;
    if (s === undefined) return this.general!.get(keyOf(k))?.[1];
    if (typeof k !== 'string') return undefined;
    if (this.held === Held.Own) return s[k];
    // Shared records hold no undefined values (see scanRecord): a miss needs no ownership check.
    const r = s[k];
    if (r === undefined || !Object.hasOwn(s, k)) return undefined;
    return this.held === Held.Shared ? (r as Value) : this.read(k, r);
  }

  has(k: Value): boolean {
    const s = this.strings;
    if (s !== undefined) return typeof k === 'string' && (this.held === Held.Own ? k in s : Object.hasOwn(s, k));
    return this.general!.has(keyOf(k));
  }

  /**
   * `get` for one step along a ref: LONG_ARRAY, converting nothing, when the caller's array under
   * `k` is longer than `longer` and not converted yet (rawArray then gives it). One lookup of the
   * key, where rawArray and get would take two.
   */
  step(k: Value, longer: number): Value | undefined | typeof LONG_ARRAY {
    if (this.held !== Held.SharedRaw) return this.get(k);
    if (typeof k !== 'string') return undefined;
    const s = this.strings!;
    const r = s[k];
    if (r === undefined || !Object.hasOwn(s, k)) return undefined;
    if (isScalarValue(r)) return r;
    if (Array.isArray(r) && r.length > longer && !this.converted?.has(k)) return LONG_ARRAY;
    return this.read(k, r);
  }

  /**
   * The caller's array under key `k` while it is still unconverted, so that iterating it can
   * convert one element at a time; undefined otherwise (then `get` gives the value).
   */
  rawArray(k: Value): readonly unknown[] | undefined {
    if (this.held !== Held.SharedRaw || typeof k !== 'string') return undefined;
    const s = this.strings!;
    const r: unknown = s[k];
    // Most keys hold no array: that is settled before looking at ownership or conversions.
    if (!Array.isArray(r) || !Object.hasOwn(s, k) || this.converted?.has(k)) return undefined;
    return r;
  }

  get size(): number {
    return this.strings !== undefined ? this.count : this.general!.size;
  }

  /** Entries in insertion order, as an array (cheaper to walk than the iterator). */
  entryList(): [Value, Value][] {
    const s = this.own();
    return s !== undefined ? Object.entries(s) : Array.from(this.general!.values());
  }

  /** Entries in insertion order. */
  entries(): IterableIterator<[Value, Value]> {
    const s = this.own();
    return s !== undefined ? Object.entries(s).values() : this.general!.values();
  }

  keys(): Value[] {
    const s = this.strings;
    return s !== undefined ? Object.keys(s) : Array.from(this.general!.values(), (e) => e[0]);
  }

  values(): Value[] {
    const s = this.own();
    return s !== undefined ? Object.values(s) : Array.from(this.general!.values(), (e) => e[1]);
  }

  /** Entries sorted by key in OPA's order (how OPA prints and compares objects). */
  sortedEntries(): [Value, Value][] {
    if (!this.sortedCache) {
      const s = this.own();
      this.sortedCache =
        s !== undefined
          ? (Object.entries(s) as [string, Value][]).sort(byStringKey)
          : Array.from(this.general!.values()).sort((x, y) => compare(x[0], y[0]));
    }
    return this.sortedCache;
  }

  encoded(): string {
    if (this.encodedCache === undefined) {
      const entries = this.sortedEntries();
      let s = '{';
      for (let i = 0; i < entries.length; i++) s += (i > 0 ? ',' : '') + encode(entries[i]![0]) + ':' + encode(entries[i]![1]);
      this.encodedCache = s + '}';
    }
    return this.encodedCache;
  }

  clone(): ObjectValue {
    const s = this.strings;
    if (s === undefined) {
      const o = new ObjectValue();
      o.strings = undefined;
      o.general = new Map(this.general);
      return o;
    }
    if (this.held !== Held.Own) {
      // Another view of the same record: copying waits for the first write.
      const o = new ObjectValue(s);
      o.held = this.held;
      o.count = this.count;
      if (this.converted) o.converted = new Map(this.converted);
      return o;
    }
    const o = new ObjectValue();
    Object.assign(o.strings!, s);
    o.count = this.count;
    return o;
  }

  /** The string-keyed entries with every value converted, or undefined when they live in `general`. */
  private own(): StringRecord | undefined {
    if (this.held === Held.SharedRaw) this.unshare();
    return this.strings;
  }

  private read(k: string, r: unknown): Value {
    if (isScalarValue(r)) return r;
    let m = this.converted;
    if (m === undefined) m = this.converted = new Map();
    let v = m.get(k);
    if (v === undefined) {
      v = fromJS(r);
      m.set(k, v);
    }
    return v;
  }

  private unshare(): void {
    const s = this.strings!;
    const own = newRecord();
    if (this.held === Held.Shared) Object.assign(own, s);
    else for (const k of Object.keys(s)) own[k] = this.read(k, s[k]);
    this.strings = own;
    this.held = Held.Own;
    this.converted = undefined;
  }

  private generalEntries(): Map<string, [Value, Value]> {
    if (this.held !== Held.Own) this.unshare();
    const s = this.strings;
    if (s !== undefined) {
      const m = new Map<string, [Value, Value]>();
      for (const k of Object.keys(s)) m.set(keyOf(k), [k, s[k]!]);
      this.general = m;
      this.strings = undefined;
    }
    return this.general!;
  }

  /**
   * Wraps a caller's plain object without copying it (see fromJS). `count` is its number of
   * keys; `raw` says some values are nested data still to convert.
   */
  static view(record: Record<string, unknown>, count: number, raw: boolean): ObjectValue {
    const o = new ObjectValue(record as StringRecord);
    o.held = raw ? Held.SharedRaw : Held.Shared;
    o.count = count;
    return o;
  }
}

export class SetValue {
  /**
   * String members as themselves (most sets hold ids and names, and building a key for each was a
   * tenth of evaluating the built-in rules), other members by keyOf; then all in insertion order.
   */
  private strings: Set<string> | undefined;
  private keys: Set<string> | undefined;
  private readonly list: Value[] = [];
  private sortedCache: Value[] | undefined;
  private encodedCache: string | undefined;

  static from(items: Iterable<Value>): SetValue {
    const s = new SetValue();
    for (const v of items) s.add(v);
    return s;
  }

  /** For builders only. Returns false when the member was already present. */
  add(v: Value): boolean {
    if (typeof v === 'string') {
      if (this.strings === undefined) this.strings = new Set();
      else if (this.strings.has(v)) return false;
      this.strings.add(v);
    } else {
      const k = keyOf(v);
      if (this.keys === undefined) this.keys = new Set();
      else if (this.keys.has(k)) return false;
      this.keys.add(k);
    }
    this.list.push(v);
    this.sortedCache = undefined;
    this.encodedCache = undefined;
    return true;
  }

  has(v: Value): boolean {
    if (typeof v === 'string') return this.strings !== undefined && this.strings.has(v);
    return this.keys !== undefined && this.keys.has(keyOf(v));
  }

  get size(): number {
    return this.list.length;
  }

  values(): IterableIterator<Value> {
    return this.list.values();
  }

  /** The members in insertion order, not to be changed (walking an array is cheaper than an iterator). */
  members(): readonly Value[] {
    return this.list;
  }

  /** Members in OPA's order. */
  sorted(): Value[] {
    if (!this.sortedCache) this.sortedCache = this.list.slice().sort(compare);
    return this.sortedCache;
  }

  encoded(): string {
    if (this.encodedCache === undefined) this.encodedCache = '<' + this.sorted().map(encode).join(',') + '>';
    return this.encodedCache;
  }
}

export type TypeName = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'set';

/** The names OPA's type_name builtin and error messages use. */
export function typeName(v: Value): TypeName {
  return (['null', 'boolean', 'number', 'string', 'array', 'object', 'set'] as const)[rank(v)];
}

/**
 * Converts plain JavaScript data (from JSON.parse or the yaml package) into a Value.
 * Maps become objects; JS Sets become sets; bigints stay exact.
 */
export function fromJS(x: unknown): Value {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case 'boolean':
    case 'string':
      return x;
    case 'number':
      return x;
    case 'bigint':
      return normalizeBig(x);
  }
  if (Array.isArray(x)) return fromArray(x);
  if (x instanceof ObjectValue || x instanceof SetValue || x instanceof Decimal) return x;
  if (x instanceof Set) return SetValue.from(Array.from(x, fromJS));
  if (x instanceof Map) return ObjectValue.from(Array.from(x, ([k, v]) => [fromJS(k), fromJS(v)] as const));
  if (x instanceof Date) return x.toISOString().slice(0, 10);
  const record = x as Record<string, unknown>;
  const scan = scanRecord(record);
  if (scan >= 0) return ObjectValue.view(record, scan >> 1, (scan & 1) === 1);
  const o = new ObjectValue();
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const v = record[keys[i]!];
    if (v !== undefined) o.set(keys[i]!, fromJS(v));
  }
  return o;
}

/** An array of JSON scalars only (a path, a list of names) is copied as it is. */
function fromArray(x: unknown[]): Value[] {
  for (let i = 0; i < x.length; i++) if (!isScalarValue(x[i])) return x.map(fromJS);
  return x.slice() as Value[];
}

/**
 * Whether a plain object can be read in place: -1 if not, else twice its number of keys, plus one
 * when some values are not JSON scalars (those are converted when first read). Objects read in
 * place cost one small wrapper, whatever they hold, which keeps converting large inputs linear and
 * cheap. Not read in place: objects of other classes, keys JS would reorder (integer-like ones)
 * or treat specially (`__proto__`), inherited or undefined values. The caller must not change
 * the objects while values built from them are in use (evaluation is synchronous; results are
 * converted back with toJS).
 */
function scanRecord(record: Record<string, unknown>): number {
  const proto = Object.getPrototypeOf(record);
  if (proto !== Object.prototype && proto !== null) return -1;
  // Inherited enumerable properties (a changed Object.prototype) are never entries: lookups in
  // a record read in place check ownership.
  const keys = Object.keys(record);
  let raw = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === '__proto__' || (k.length > 0 && indexLike(k))) return -1;
    const v = record[k];
    if (v === undefined) return -1;
    if (raw === 0 && !isScalarValue(v)) raw = 1;
  }
  return keys.length * 2 + raw;
}

/**
 * Converts whatever part of a value is still read in place from the caller's data, so that
 * reading it later cannot fail: input nested deeper than the stack allows fails here, inside the
 * evaluation, instead of in the caller's printing of the result.
 */
export function settle(v: Value): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) settle(v[i]!);
  } else if (v instanceof ObjectValue) {
    const values = v.values();
    for (let i = 0; i < values.length; i++) settle(values[i]!);
  }
  // Set members are already converted: adding one encodes it whole.
}

/**
 * Converts a Value to plain JavaScript for JSON output, as OPA prints values:
 * sets become sorted arrays, object keys are sorted, non-string keys become their JSON text.
 * Integers beyond 2^53 come out as bigint; use `stringify` to print them exactly.
 */
export function toJS(v: Value): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toJS);
  if (v instanceof Decimal) return v.toNumber();
  if (v instanceof SetValue) return v.sorted().map(toJS);
  const out: Record<string, unknown> = {};
  const entries = v.sortedEntries();
  for (let i = 0; i < entries.length; i++) out[keyText(entries[i]![0])] = toJS(entries[i]![1]);
  return out;
}

/** An object key as JSON text names it: a string as it is, any other key as its JSON text. */
export function keyText(k: Value): string {
  return typeof k === 'string' ? k : stringify(k);
}

/** How JSON text is written: the two writers differ in string escaping, key order and layout. */
export interface JsonStyle {
  quote: (s: string) => string;
  /** An object's members in output order, keys as text. */
  entries: (o: ObjectValue) => (readonly [string, Value])[];
  /** The indent of one nesting level; undefined writes compact text. */
  indent?: string;
  /** Starts every line after the first when indented. */
  prefix?: string;
}

/** JSON text of a value, exact for big integers, sets as sorted arrays. */
export function writeJson(v: Value, style: JsonStyle): string {
  const { quote, indent, prefix = '' } = style;
  const sep = indent !== undefined ? ': ' : ':';
  const go = (x: Value, depth: number): string => {
    if (x === null) return 'null';
    switch (typeof x) {
      case 'boolean':
        return x ? 'true' : 'false';
      case 'number':
        return formatNumber(x);
      case 'bigint':
        return x.toString();
      case 'string':
        return quote(x);
    }
    if (x instanceof Decimal) return x.toString();
    const nl = indent !== undefined ? '\n' + prefix + indent.repeat(depth + 1) : '';
    const end = indent !== undefined ? '\n' + prefix + indent.repeat(depth) : '';
    if (Array.isArray(x) || x instanceof SetValue) {
      const items = Array.isArray(x) ? x : x.sorted();
      if (items.length === 0) return '[]';
      return '[' + items.map((i) => nl + go(i, depth + 1)).join(',') + end + ']';
    }
    const entries = style.entries(x as ObjectValue);
    if (entries.length === 0) return '{}';
    return '{' + entries.map(([k, val]) => nl + quote(k) + sep + go(val, depth + 1)).join(',') + end + '}';
  };
  return go(v, 0);
}

const OPA_STYLE: JsonStyle = {
  quote: (s) => JSON.stringify(s),
  entries: (o) => o.sortedEntries().map(([k, val]) => [keyText(k), val] as const),
};

/** JSON text of a value, exact for big integers, keys sorted as OPA prints them. */
export function stringify(v: Value, indent?: number): string {
  return writeJson(v, indent ? { ...OPA_STYLE, indent: ' '.repeat(indent) } : OPA_STYLE);
}

/** Numbers as Go's JSON encoder prints float64 (which OPA uses for non-integers). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
    const abs = Math.abs(n);
    if (abs < 1e21) return BigInt(n).toString();
  }
  return String(n);
}

/** A Rego term as text, for error messages and `--format pretty`. Sets print as {…}, empty set as set(). */
export function toRegoText(v: Value): string {
  if (v instanceof SetValue) {
    if (v.size === 0) return 'set()';
    return '{' + v.sorted().map(toRegoText).join(', ') + '}';
  }
  if (v instanceof ObjectValue) {
    return '{' + v.sortedEntries().map(([k, val]) => toRegoText(k) + ': ' + toRegoText(val)).join(', ') + '}';
  }
  if (Array.isArray(v)) return '[' + v.map(toRegoText).join(', ') + ']';
  return stringify(v);
}

export function isObject(v: Value): v is ObjectValue {
  return v instanceof ObjectValue;
}

export function isSet(v: Value): v is SetValue {
  return v instanceof SetValue;
}

export const EMPTY_OBJECT: ObjectValue = new ObjectValue();
