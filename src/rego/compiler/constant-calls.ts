// Builtin calls whose arguments are all literals have types known at compile time. OPA's type
// checker rejects `count(1)` or `1 + "a"` before evaluation; running such a call once here finds
// the same mistakes with the builtin's own words, so a policy never fails silently at run time.
import type { Location } from '../ast.ts';
import { BuiltinTypeError, type BuiltinContext } from '../builtins/builtin.ts';
import type { RegoErrorData } from '../errors.ts';
import { ObjectValue, SetValue, type Value } from '../value.ts';
import type { CTerm, FnTarget } from './ir.ts';

/** `count: operand 1 must be one of {array, object, set, string} but got number`. */
const TYPE_MISMATCH = /: operand (\d+) must be (.+) but got (null|boolean|number|string|array|object|set)$/;

/**
 * Builtins whose accepted type for one operand depends on the other (minus takes two numbers or two
 * sets). OPA's checker accepts either type for each operand and fails at run time, so we must not
 * judge them here.
 */
const OPERAND_DEPENDENT = new Set(['minus']);

const NO_CONTEXT: BuiltinContext = {
  nowNs: 0n,
  location: { file: '', row: 0, col: 0 },
  cache: new Map(),
  print: () => undefined,
  metadataRule: () => new ObjectValue(),
  metadataChain: () => [],
  seed: '',
};

export function checkConstantCall(fn: FnTarget, args: CTerm[], loc: Location, errors: RegoErrorData[]): void {
  if (!probeable(fn)) return;
  const values: Value[] = [];
  for (const a of args.slice(0, fn.def.arity)) {
    const v = constantOf(a);
    if (v === undefined) return;
    values.push(v);
  }
  const mismatch = typeMismatch(fn, values, loc);
  if (mismatch) errors.push({ code: 'rego_type_error', message: mismatch.message, location: loc });
}

/** Builtins that can be run at compile time to learn whether operand types fit. */
export function probeable(fn: FnTarget): fn is Extract<FnTarget, { kind: 'builtin' }> {
  return fn.kind === 'builtin' && !fn.def.relation && !fn.def.nondeterministic && !fn.def.standIn && fn.def.arity >= 0 && !OPERAND_DEPENDENT.has(fn.id);
}

/**
 * Runs a builtin once on operands of known type; the type error it raises, if its words say an
 * operand's type (not its value) is wrong, with the number of that operand.
 */
export function typeMismatch(fn: Extract<FnTarget, { kind: 'builtin' }>, values: Value[], loc: Location): { message: string; operand: number } | undefined {
  try {
    fn.def.fn(values, { ...NO_CONTEXT, location: loc, cache: new Map() });
  } catch (e) {
    const m = e instanceof BuiltinTypeError ? TYPE_MISMATCH.exec(e.message) : null;
    // `must be valid number string but got string` is about the value, not its type: run time says so.
    if (m && !new RegExp(`\\b${m[3]}\\b`).test(m[2]!)) return { message: (e as Error).message, operand: Number(m[1]) };
  }
  return undefined;
}

/** The value of a term made only of literals, or undefined. */
function constantOf(t: CTerm): Value | undefined {
  switch (t.k) {
    case 'const':
      return t.v;
    case 'array': {
      const items = t.items.map(constantOf);
      return items.every((i) => i !== undefined) ? (items as Value[]) : undefined;
    }
    case 'set': {
      const items = t.items.map(constantOf);
      return items.every((i) => i !== undefined) ? SetValue.from(items as Value[]) : undefined;
    }
    case 'object': {
      const o = new ObjectValue();
      for (const [k, v] of t.items) {
        const kv = constantOf(k);
        const vv = constantOf(v);
        if (kv === undefined || vv === undefined) return undefined;
        o.set(kv, vv);
      }
      return o;
    }
    default:
      return undefined;
  }
}
