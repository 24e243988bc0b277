// JSON Patch (RFC 6902) applied to Rego values. Values are immutable, so every edit copies
// the containers along its path. Any failure makes the whole patch fail (`undefined`).
import { ObjectValue, SetValue, equals } from '../../value.ts';
import type { Value } from '../../value.ts';

export type Path = Value[];

/**
 * A patch path: a JSON pointer string or an array of segments. Leading slashes are dropped
 * and `~1`/`~0` unescaped; "" is the whole document. `undefined` for anything else.
 */
export function parsePath(p: Value): Path | undefined {
  if (typeof p === 'string') {
    if (p === '') return [];
    return p
      .replace(/^\/+/, '')
      .split('/')
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  if (Array.isArray(p)) return p;
  return undefined;
}

/** Array positions are plain non-negative integers; "01" or "1e0" are not positions. */
function arrayIndex(seg: Value): number | undefined {
  if (typeof seg === 'number') return Number.isSafeInteger(seg) && seg >= 0 ? seg : undefined;
  if (typeof seg === 'string' && /^(0|[1-9][0-9]{0,15})$/.test(seg)) return Number(seg);
  return undefined;
}

function childAt(node: Value, seg: Value): Value | undefined {
  if (node instanceof ObjectValue) return node.get(seg);
  if (Array.isArray(node)) {
    const i = arrayIndex(seg);
    return i !== undefined && i < node.length ? node[i] : undefined;
  }
  if (node instanceof SetValue) return node.has(seg) ? seg : undefined;
  return undefined;
}

export function getAt(doc: Value, path: Path): Value | undefined {
  let node: Value | undefined = doc;
  for (const seg of path) {
    node = childAt(node, seg);
    if (node === undefined) return undefined;
  }
  return node;
}

function replaceChild(node: Value, seg: Value, value: Value, intoSets: boolean): Value | undefined {
  if (node instanceof ObjectValue) {
    const out = node.clone();
    out.set(seg, value);
    return out;
  }
  if (Array.isArray(node)) {
    const i = arrayIndex(seg)!;
    const out = node.slice();
    out[i] = value;
    return out;
  }
  // A set member is its own key, so an edit inside it swaps the member for the edited value.
  // Additions may do so; removals inside members are refused, as OPA refuses them.
  if (node instanceof SetValue && intoSets) {
    const out = SetValue.from([...node.values()].filter((v) => !equals(v, seg)));
    out.add(value);
    return out;
  }
  return undefined;
}

/** Rebuilds the containers along `path`, letting `edit` change the last one. */
function editAt(
  doc: Value,
  path: Path,
  intoSets: boolean,
  edit: (parent: Value, seg: Value) => Value | undefined,
): Value | undefined {
  const [seg, ...rest] = path;
  if (rest.length === 0) return edit(doc, seg!);
  const child = childAt(doc, seg!);
  if (child === undefined) return undefined;
  const changed = editAt(child, rest, intoSets, edit);
  return changed === undefined ? undefined : replaceChild(doc, seg!, changed, intoSets);
}

export function addAt(doc: Value, path: Path, value: Value): Value | undefined {
  if (path.length === 0) return value;
  return editAt(doc, path, true, (parent, seg) => {
    if (parent instanceof ObjectValue) {
      const out = parent.clone();
      out.set(seg, value);
      return out;
    }
    if (Array.isArray(parent)) {
      const i = seg === '-' ? parent.length : arrayIndex(seg);
      if (i === undefined || i > parent.length) return undefined;
      return [...parent.slice(0, i), value, ...parent.slice(i)];
    }
    if (parent instanceof SetValue) {
      // Set members are addressed by value, so the key must be the value being added.
      if (!equals(seg, value)) return undefined;
      const out = SetValue.from(parent.values());
      out.add(value);
      return out;
    }
    return undefined;
  });
}

export function removeAt(doc: Value, path: Path): Value | undefined {
  if (path.length === 0) return undefined;
  return editAt(doc, path, false, (parent, seg) => {
    if (parent instanceof ObjectValue) {
      if (!parent.has(seg)) return undefined;
      const out = parent.clone();
      out.delete(seg);
      return out;
    }
    if (Array.isArray(parent)) {
      const i = arrayIndex(seg);
      if (i === undefined || i >= parent.length) return undefined;
      return [...parent.slice(0, i), ...parent.slice(i + 1)];
    }
    if (parent instanceof SetValue) {
      if (!parent.has(seg)) return undefined;
      return SetValue.from([...parent.values()].filter((v) => !equals(v, seg)));
    }
    return undefined;
  });
}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** The document after removing its root: only adding a new root brings it back. */
const NOTHING = Symbol('removed document');
type Doc = Value | typeof NOTHING;

function applyOne(doc: Doc, operation: Value): Doc | undefined {
  if (!(operation instanceof ObjectValue)) return undefined;
  const op = operation.get('op');
  if (typeof op !== 'string' || !OPS.has(op)) return undefined;
  const rawPath = operation.get('path');
  if (rawPath === undefined) return undefined;
  const path = parsePath(rawPath);
  if (path === undefined) return undefined;
  let from: Path | undefined;
  if (op === 'move' || op === 'copy') {
    const rawFrom = operation.get('from');
    if (rawFrom === undefined) return undefined;
    from = parsePath(rawFrom);
    if (from === undefined) return undefined;
  }
  const value = operation.get('value');
  if ((op === 'add' || op === 'replace' || op === 'test') && value === undefined) return undefined;

  if (doc === NOTHING) return op === 'add' && path.length === 0 ? value : undefined;
  if (op === 'remove' && path.length === 0) return NOTHING;

  switch (op) {
    case 'add':
      return addAt(doc, path, value!);
    case 'remove':
      return removeAt(doc, path);
    case 'replace': {
      if (path.length === 0) return value;
      const removed = removeAt(doc, path);
      return removed === undefined ? undefined : addAt(removed, path, value!);
    }
    case 'move': {
      const moved = getAt(doc, from!);
      if (moved === undefined) return undefined;
      const removed = removeAt(doc, from!);
      return removed === undefined ? undefined : addAt(removed, path, moved);
    }
    case 'copy': {
      const copied = getAt(doc, from!);
      return copied === undefined ? undefined : addAt(doc, path, copied);
    }
    default: {
      const found = getAt(doc, path);
      return found !== undefined && equals(found, value!) ? doc : undefined;
    }
  }
}

/** Applies the operations in order; `undefined` when any of them fails. */
export function applyPatch(doc: Value, operations: readonly Value[]): Value | undefined {
  let current: Doc | undefined = doc;
  for (const operation of operations) {
    current = applyOne(current, operation);
    if (current === undefined) return undefined;
  }
  return current === NOTHING ? undefined : current;
}
