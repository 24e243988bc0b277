// Rego errors as problems for `routewise test` and `routewise eval`, with hints that fit those
// commands: the engine's own hints speak of `check`, and of policies where the query is at fault.
import type { Problem } from '../problems/problem.ts';
import { isInputSchemaError, type RegoErrorData } from '../rego/index.ts';
import { regoProblem } from '../policy/rego-engine.ts';

/** Where `eval` places errors in its QUERY argument. */
const QUERY_FILE = 'query';

export function regoCommandProblem(e: RegoErrorData, options: { v0Compatible: boolean }): Problem {
  const { hint: _engineHint, ...p } = regoProblem(e);
  const hint = hintFor(e, options);
  return hint ? { ...p, hint } : p;
}

function hintFor(e: RegoErrorData, options: { v0Compatible: boolean }): string | undefined {
  if (e.location?.file === QUERY_FILE) {
    return e.code === 'rego_unsafe_var_error' ? 'a variable in the query must be bound, e.g. `x := data.p.rule`, `some x` or `data.p.rule[x]`' : undefined;
  }
  if (!options.v0Compatible && e.code === 'rego_parse_error' && /`(if|contains)` keyword/.test(e.message)) {
    return 'Rego v1 syntax is the default; for a policy written in v0 syntax pass --v0-compatible';
  }
  if (isInputSchemaError(e)) {
    return 'as written the rule could never match routewise\'s policy input (docs/policy-input.md); for Rego written for another input, pass --no-input-schema';
  }
  return undefined;
}
