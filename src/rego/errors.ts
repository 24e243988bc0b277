// Errors of the Rego engine as values: an OPA error code, a message for people, a location.
import type { Location } from './ast.ts';

/** OPA's error codes, so policy authors recognise them. */
export type RegoErrorCode =
  | 'rego_parse_error'
  | 'rego_compile_error'
  | 'rego_type_error'
  | 'rego_unsafe_var_error'
  | 'rego_recursion_error'
  | 'eval_type_error'
  | 'eval_conflict_error'
  | 'eval_builtin_error'
  | 'eval_cancel_error'
  | 'eval_limit_error'
  | 'eval_internal_error';

export interface RegoErrorData {
  code: RegoErrorCode;
  message: string;
  location?: Location;
}

/**
 * Thrown inside the engine and caught at the API boundary, where it becomes plain data.
 * `toString()` reads as OPA prints errors: `file:row: code: message`.
 */
export class RegoError extends Error implements RegoErrorData {
  readonly code: RegoErrorCode;
  location?: Location;

  constructor(code: RegoErrorCode, message: string, location?: Location) {
    super(message);
    this.code = code;
    this.location = location;
  }

  override toString(): string {
    return formatRegoError(this);
  }

  toData(): RegoErrorData {
    return { code: this.code, message: this.message, ...(this.location ? { location: this.location } : {}) };
  }
}

export function formatRegoError(e: RegoErrorData): string {
  const where = e.location ? `${e.location.file}:${e.location.row}: ` : '';
  return `${where}${e.code}: ${e.message}`;
}
