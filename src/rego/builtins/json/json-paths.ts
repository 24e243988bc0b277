// json.filter, json.remove and json.patch: editing documents by JSON-pointer-like paths.
import { ObjectValue, SetValue, typeName } from '../../value.ts';
import type { Value } from '../../value.ts';
import type { BuiltinDef } from '../builtin.ts';
import { BuiltinTypeError } from '../builtin.ts';
import { applyPatch, parsePath } from './json-patch.ts';
import type { Path } from './json-patch.ts';
import { arrayOperand, objectOperand, wrongType } from '../operands.ts';

/** Paths given as "a/b/c" strings or ["a", "b", "c"] arrays, in an array or a set. */
function pathsOperand(name: string, v: Value): Path[] {
  let items: Value[];
  if (Array.isArray(v)) items = v;
  else if (v instanceof SetValue) items = v.sorted();
  else throw wrongType(name, 2, 'one of {set, array}', v);
  return items.map((p) => {
    const path = typeof p === 'string' || Array.isArray(p) ? parsePath(p) : undefined;
    if (path === undefined) {
      throw new BuiltinTypeError(
        `${name}: operand 2 must be one of {set, array} containing string paths or array of path segments but got ${typeName(p)}`,
      );
    }
    return path;
  });
}

/**
 * Merges paths into a tree of objects whose leaves are null. A shorter path swallows longer
 * ones under it, whichever comes first; the empty path selects nothing.
 */
function pathTree(paths: Path[]): ObjectValue {
  const root = new ObjectValue();
  for (const path of paths) {
    if (path.length === 0) continue;
    let node = root;
    let covered = false;
    for (let i = 0; i < path.length - 1; i++) {
      const next = node.get(path[i]!);
      if (next === null) {
        covered = true;
        break;
      }
      if (next instanceof ObjectValue) {
        node = next;
      } else {
        const created = new ObjectValue();
        node.set(path[i]!, created);
        node = created;
      }
    }
    if (!covered) node.set(path[path.length - 1]!, null);
  }
  return root;
}

/** Keeps what the tree selects. Array elements are addressed by their index as a string. */
function keep(value: Value, tree: Value): Value {
  if (!(tree instanceof ObjectValue)) return value;
  if (Array.isArray(value)) {
    const out: Value[] = [];
    value.forEach((v, i) => {
      const sub = tree.get(String(i));
      if (sub !== undefined) out.push(keep(v, sub));
    });
    return out;
  }
  if (value instanceof SetValue) {
    const out = new SetValue();
    for (const v of value.values()) {
      const sub = tree.get(v);
      if (sub !== undefined) out.add(keep(v, sub));
    }
    return out;
  }
  if (value instanceof ObjectValue) {
    const out = new ObjectValue();
    for (const [k, v] of value.entries()) {
      const sub = tree.get(k);
      if (sub !== undefined) out.set(k, keep(v, sub));
    }
    return out;
  }
  return value;
}

/** Drops what the tree selects (null leaves); `undefined` means "removed". */
function drop(value: Value, tree: Value | undefined): Value | undefined {
  if (tree === undefined) return value;
  if (tree === null) return undefined;
  if (!(tree instanceof ObjectValue)) return value;
  if (Array.isArray(value)) {
    const out: Value[] = [];
    value.forEach((v, i) => {
      const kept = drop(v, tree.get(String(i)));
      if (kept !== undefined) out.push(kept);
    });
    return out;
  }
  if (value instanceof SetValue) {
    const out = new SetValue();
    for (const v of value.values()) {
      const kept = drop(v, tree.get(v));
      if (kept !== undefined) out.add(kept);
    }
    return out;
  }
  if (value instanceof ObjectValue) {
    const out = new ObjectValue();
    for (const [k, v] of value.entries()) {
      const kept = drop(v, tree.get(k));
      if (kept !== undefined) out.set(k, kept);
    }
    return out;
  }
  return value;
}

function jsonFilter([o, p]: Value[]): Value {
  const obj = objectOperand('json.filter', 1, o!);
  return keep(obj, pathTree(pathsOperand('json.filter', p!)));
}

function jsonRemove([o, p]: Value[]): Value | undefined {
  const obj = objectOperand('json.remove', 1, o!);
  return drop(obj, pathTree(pathsOperand('json.remove', p!)));
}

/** A patch that cannot apply makes the call undefined, not an error. */
function jsonPatch([doc, ops]: Value[]): Value | undefined {
  return applyPatch(doc as Value, arrayOperand('json.patch', 2, ops!));
}

export const builtins: BuiltinDef[] = [
  { name: 'json.filter', arity: 2, fn: jsonFilter },
  { name: 'json.remove', arity: 2, fn: jsonRemove },
  { name: 'json.patch', arity: 2, fn: jsonPatch },
];
