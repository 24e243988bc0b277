// The one signature every Rego builtin has. A builtin is a function over values;
// the evaluator finds builtins only through the registry and never by name.
import type { Location } from '../ast.ts';
import type { Value } from '../value.ts';

export interface BuiltinContext {
  /** Nanoseconds since the epoch, fixed for a whole evaluation (time.now_ns). */
  readonly nowNs: bigint;
  /** Where the call is, for error messages. */
  readonly location: Location;
  /** Cache that lives for one evaluation (compiled regexes, parsed globs...). */
  readonly cache: Map<string, unknown>;
  /** Collects `print` output; never written into machine output. */
  print(line: string): void;
  /** `rego.metadata.rule()` / `rego.metadata.chain()` of the rule being evaluated. */
  metadataRule(): Value;
  metadataChain(): Value;
  /** Deterministic randomness for rand.intn within one evaluation. */
  readonly seed: string;
  /**
   * Counts work a builtin does looping over its input (about one unit per element or character);
   * past the evaluation's time limit it ends the evaluation. Absent where there is no limit.
   */
  work?(units: number): void;
}

/**
 * Thrown where a builtin would go past one of routewise's own size caps (ranges, CIDR
 * expansions, shifts): an error of the evaluation whether builtin errors are strict or not, so a
 * rule never quietly fails to fire (eval_limit_error).
 */
export class BuiltinLimitError extends Error {}

export function limitError(name: string, message: string): BuiltinLimitError {
  return new BuiltinLimitError(`${name}: ${message}`);
}

/**
 * Returns the result, or `undefined` when the call is undefined (e.g. a failed lookup).
 * Wrong argument types throw `typeError(...)`; other failures throw `builtinError(...)`.
 */
export type BuiltinFn = (args: Value[], ctx: BuiltinContext) => Value | undefined;

export interface BuiltinDef {
  /** Dotted name, as policies call it: `count`, `strings.replace_n`. */
  name: string;
  /** Number of arguments (the output is not counted). */
  arity: number;
  fn: BuiltinFn;
  /**
   * A relation yields several outputs (e.g. `walk`): fn returns an array of outputs,
   * each unified with the call's output in turn.
   */
  relation?: boolean;
  /** Only offered in Rego v0 mode (re_match, set_diff, cast_*, ...). */
  deprecated?: boolean;
  /** Result varies between calls with the same arguments (rand.intn, uuid...). */
  nondeterministic?: boolean;
  /**
   * Deterministic, but its result or effect belongs to one evaluation: it reads the evaluation's
   * clock (certificate validity) or writes to its output (trace). Values computed with it are not
   * shared between evaluations.
   */
  perRun?: boolean;
  /**
   * Offered only to be replaced with `with` (tests that mock http.send): calls compile only in
   * policy sets that replace it somewhere, and a call left unreplaced is an evaluation error.
   */
  standIn?: boolean;
}

/** Thrown by a builtin whose operand has the wrong type (OPA: eval_type_error). */
export class BuiltinTypeError extends Error {}
/** Thrown by a builtin that fails on well-typed operands (OPA: eval_builtin_error). */
export class BuiltinFailure extends Error {}

/**
 * `count: operand 1 must be one of {array, object, set, string} but got number`, as OPA words it.
 * `got` is the operand's type name (see typeName in value.ts, or wrongType in operands.ts).
 */
export function typeError(name: string, operand: number, expected: string, got: string): BuiltinTypeError {
  return new BuiltinTypeError(`${name}: operand ${operand} must be ${expected} but got ${got}`);
}

export function builtinError(name: string, message: string): BuiltinFailure {
  return new BuiltinFailure(`${name}: ${message}`);
}
