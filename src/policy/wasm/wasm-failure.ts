// A failure inside a wasm evaluation (opa_abort, a builtin error, a missing builtin), thrown
// through the module back to the host and turned into a Problem there.
import type { ProblemCode } from '../../problems/problem.ts';

export class WasmFailure extends Error {
  constructor(
    /** Problem code: `wasm_abort`, `eval_builtin_error`, `eval_type_error`, ... */
    readonly code: ProblemCode,
    message: string,
  ) {
    super(message);
  }
}
