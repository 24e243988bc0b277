// Unifications whose two sides are literals of incompatible shape can never succeed; like
// OPA's type checker, report them at compile time rather than letting the body fail silently.
import type { Location } from '../ast.ts';
import type { RegoErrorData } from '../errors.ts';
import { ObjectValue, keyOf, type Value } from '../value.ts';
import type { CTerm } from './ir.ts';

type Shape = { kind: 'array'; length: number } | { kind: 'object'; keys: string[] | undefined } | undefined;

function shape(t: CTerm): Shape {
  if (t.k === 'array') return { kind: 'array', length: t.items.length };
  if (t.k === 'object') {
    const keys = t.items.map(([k]) => (k.k === 'const' ? keyOf(k.v) : undefined));
    return { kind: 'object', keys: keys.every((k) => k !== undefined) ? (keys as string[]).sort() : undefined };
  }
  if (t.k === 'const') return valueShape(t.v);
  return undefined;
}

function valueShape(v: Value): Shape {
  if (Array.isArray(v)) return { kind: 'array', length: v.length };
  if (v instanceof ObjectValue) return { kind: 'object', keys: v.keys().map(keyOf).sort() };
  return undefined;
}

function mismatch(a: Shape, b: Shape): string | undefined {
  if (!a || !b) return undefined;
  if (a.kind !== b.kind) return `cannot unify ${a.kind} with ${b.kind}`;
  if (a.kind === 'array' && b.kind === 'array' && a.length !== b.length) {
    return `array of ${a.length} elements cannot unify with array of ${b.length} elements`;
  }
  if (a.kind === 'object' && b.kind === 'object' && a.keys && b.keys && a.keys.join('\0') !== b.keys.join('\0')) {
    return 'objects with different keys cannot unify';
  }
  return undefined;
}

export function checkUnifyLiterals(left: CTerm, right: CTerm, loc: Location, errors: RegoErrorData[]): void {
  // Most unifications bind a variable, which has no shape: the other side (often a large
  // constant, whose keys would be sorted) is not looked at then.
  const a = shape(left);
  if (!a) return;
  const m = mismatch(a, shape(right));
  if (m) errors.push({ code: 'rego_type_error', message: `match error: ${m}`, location: loc });
}

/** `some [x, y] in coll` with a literal scalar, or a literal collection none of whose members fits. */
export function checkSomeInLiterals(pattern: CTerm, coll: CTerm, loc: Location, errors: RegoErrorData[]): void {
  if (coll.k === 'const' && (coll.v === null || typeof coll.v !== 'object')) {
    const got = coll.v === null ? 'null' : typeof coll.v === 'bigint' ? 'number' : typeof coll.v;
    errors.push({ code: 'rego_type_error', message: `some ... in: the collection must be an array, object or set, got ${got}`, location: loc });
    return;
  }
  const p = shape(pattern);
  if (!p || coll.k !== 'const' || !Array.isArray(coll.v) || coll.v.length === 0) return;
  const problems = coll.v.map((m) => mismatch(p, valueShape(m)));
  if (problems.every((x) => x !== undefined)) {
    errors.push({ code: 'rego_type_error', message: `match error: ${problems[0]}`, location: loc });
  }
}
