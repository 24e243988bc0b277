// A compiled policy and its prepared queries as a plain graph that `v8.serialize` can write and a
// later run of the same build can read back instead of compiling again. The serializer keeps
// object identity (rule nodes shared by calls, locations shared by terms) but not prototypes or
// functions, so what it cannot carry is listed beside the graph and put back on reading:
// builtins by name (from the registry of the reading run), the prototypes of values (objects,
// sets, decimals) and of their records. Anything else that is not plain data makes storing fail,
// and the caller then compiles at run time as before.
//
// The modules' rule bodies are left out: the compiled rules carry them, and what a run reads from
// the modules (packages, rule heads, METADATA) is kept. Reading back costs about what reading the
// parsed modules alone did, so a run saves the whole compilation.
import type { Location, Module, Rule } from '../ast.ts';
import type { BuiltinDef } from '../builtins/builtin.ts';
import { Decimal } from '../decimal.ts';
import { ObjectValue, RECORD_PROTOTYPE, SetValue } from '../value.ts';
import type { RuleNode } from './ir.ts';
import type { CompiledQuery } from './query.ts';

const PROTOTYPES = { null: null, object: ObjectValue.prototype, record: RECORD_PROTOTYPE, set: SetValue.prototype, decimal: Decimal.prototype } as const;
type PrototypeName = keyof typeof PROTOTYPES;
const PROTOTYPE_NAMES = Object.keys(PROTOTYPES) as PrototypeName[];

/** Prototypes the serializer writes and reads faithfully by itself. */
const PLAIN = new Set<object | null>([Object.prototype, Array.prototype, Map.prototype, Set.prototype, RegExp.prototype]);

export interface StoredPolicy {
  modules: Module[];
  root: RuleNode;
  queries: CompiledQuery[];
  /** Objects whose prototype is put back on reading. */
  prototypes: [object, PrototypeName][];
  /** Places that held a builtin: [holder object or map, key, builtin name]. */
  builtins: [object, string | number, string][];
  /** Every location in the graph, by file (stored without it): reading puts the file's name back. */
  locations: Record<string, Location[]>;
}

/**
 * The graph of a compiled policy, ready for `v8.serialize`. It takes the policy apart (rule bodies
 * dropped from the modules, builtins replaced by their names), so the policy must not be used
 * afterwards. Throws on anything it cannot store.
 */
export function storablePolicy(modules: Module[], root: RuleNode, queries: CompiledQuery[], builtins: ReadonlyMap<string, BuiltinDef>): StoredPolicy {
  for (const m of modules) for (const r of m.rules) dropBodies(r);
  const names = new Map<unknown, string>([...builtins].map(([name, def]) => [def, name]));
  const files = new Set(modules.map((m) => m.file));
  const stored: StoredPolicy = { modules, root, queries, prototypes: [], builtins: [], locations: {} };
  const seen = new Set<object>();
  const visit = (value: unknown, holder: object, key: string | number): void => {
    if (typeof value === 'function' || typeof value === 'symbol') throw new Error(`cannot store a ${typeof value} (at ${String(key)})`);
    if (value === null || typeof value !== 'object') return;
    const builtin = names.get(value);
    if (builtin !== undefined) {
      stored.builtins.push([holder, key, builtin]);
      if (holder instanceof Map) holder.set(key, null);
      else (holder as Record<string | number, unknown>)[key] = null;
      return;
    }
    if (seen.has(value)) return;
    seen.add(value);
    const proto = Object.getPrototypeOf(value) as object | null;
    if (!PLAIN.has(proto)) {
      const name = PROTOTYPE_NAMES.find((n) => PROTOTYPES[n] === proto);
      if (name === undefined) throw new Error(`cannot store an instance of ${String((proto as { constructor?: { name?: string } }).constructor?.name)} (at ${String(key)})`);
      stored.prototypes.push([value, name]);
    }
    if (value instanceof Map) {
      for (const [k, v] of value) {
        member(k);
        visit(v, value, k as string);
      }
      return;
    }
    if (value instanceof Set) {
      for (const v of value) member(v);
      return;
    }
    if (Object.getOwnPropertySymbols(value).length > 0) throw new Error('cannot store symbol-keyed properties');
    const record = value as Record<string, unknown>;
    // Locations: what a run renames when the policies sit elsewhere than at build time.
    if (typeof record.file === 'string' && files.has(record.file) && typeof record.row === 'number') (stored.locations[record.file] ??= []).push(record as unknown as Location);
    const isArray = Array.isArray(value);
    for (const k of Object.keys(record)) visit(record[k], value, isArray ? Number(k) : k);
  };
  // A member of a set or a key of a map has no place to put a builtin back into.
  const member = (value: unknown): void => {
    if (names.has(value)) throw new Error('cannot store a builtin held in a set or as a map key');
    visit(value, stored, '');
  };
  visit(modules, stored, 'modules');
  visit(root, stored, 'root');
  visit(queries, stored, 'queries');
  // The serializer writes a string out at every use: thousands of copies of each file name,
  // which reading would allocate one by one. The locations list puts the name back.
  for (const locations of Object.values(stored.locations)) for (const location of locations) location.file = '';
  return stored;
}

function dropBodies(rule: Rule): void {
  rule.body = [];
  if (rule.else) dropBodies(rule.else);
}

/**
 * Puts back what the serializer could not carry, renaming each stored file to `rename(file)`.
 * Undefined when a builtin the policy calls is not in this run's registry.
 */
export function restorePolicy(stored: StoredPolicy, builtins: ReadonlyMap<string, BuiltinDef>, rename: (file: string) => string): StoredPolicy | undefined {
  for (const [value, name] of stored.prototypes) Object.setPrototypeOf(value, PROTOTYPES[name]);
  for (const [holder, key, name] of stored.builtins) {
    const def = builtins.get(name);
    if (!def) return undefined;
    if (holder instanceof Map) holder.set(key, def);
    else (holder as Record<string | number, unknown>)[key] = def;
  }
  for (const [file, locations] of Object.entries(stored.locations)) {
    const to = rename(file);
    for (const location of locations) location.file = to;
  }
  for (const m of stored.modules) m.file = rename(m.file);
  return stored;
}
