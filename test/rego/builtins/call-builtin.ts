// Calls a builtin of a family directly, with a context fixed for one evaluation, so family
// tests do not depend on the evaluator.
import type { BuiltinContext, BuiltinDef } from '../../../src/rego/builtins/builtin.ts';
import { fromJS, toRegoText } from '../../../src/rego/value.ts';
import type { Value } from '../../../src/rego/value.ts';

export function makeContext(seed = 'seed'): BuiltinContext {
  return {
    nowNs: 1_700_000_000_000_000_000n,
    location: { file: 'test.rego', row: 1, col: 1 },
    cache: new Map(),
    print: () => {},
    metadataRule: () => null,
    metadataChain: () => [],
    seed,
  };
}

/** Returns a caller for the named builtins of `family`; plain JS arguments go through fromJS. */
export function caller(family: BuiltinDef[], ctx: BuiltinContext = makeContext()) {
  return (name: string, ...args: unknown[]): Value | undefined => {
    const def = family.find((b) => b.name === name);
    if (!def) throw new Error(`no builtin ${name}`);
    if (def.arity !== args.length) throw new Error(`${name} takes ${def.arity} arguments`);
    return def.fn(args.map(fromJS), ctx);
  };
}

/** Rego text of a result (sets print as {…}), or 'undefined'. */
export function text(v: Value | undefined): string {
  return v === undefined ? 'undefined' : toRegoText(v);
}
