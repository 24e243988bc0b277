// Builtins OPA offers that routewise deliberately leaves out, because they would let a
// policy reach the network or the runtime environment; policy results must depend only on input.
// Each has a stand-in of the same arity, so that test suites which replace it with `with`
// (`allow with http.send as mock_send`) run as they do in OPA.
import { RegoError } from '../errors.ts';
import type { BuiltinDef } from './builtin.ts';

const ARITIES: ReadonlyMap<string, number> = new Map([
  // Network.
  ['http.send', 1],
  ['net.lookup_ip_addr', 1],
  // Environment variables, configuration and the OPA version of the running process.
  ['opa.runtime', 0],
]);

export const UNAVAILABLE_BUILTINS: ReadonlySet<string> = new Set(ARITIES.keys());

/** The compile error text for a call of an unavailable builtin. */
export function unavailableMessage(name: string): string {
  return `${name} is not available in routewise: policies cannot reach the network or the file system`;
}

/** What to do about it, for the compile error and for a call that was not replaced. */
export function standInHint(name: string): string {
  return `tests may replace it with \`with ${name} as <function or value>\``;
}

export const builtins: BuiltinDef[] = [...ARITIES].map(([name, arity]) => ({
  name,
  arity,
  standIn: true,
  fn: (_args, ctx) => {
    // Not a builtin failure, which non-strict evaluation would turn into undefined: a policy that
    // reaches for the network must stop, not quietly take another branch.
    throw new RegoError('eval_builtin_error', `${unavailableMessage(name)} (${standInHint(name)})`, ctx.location);
  },
}));
