// Bounds on one evaluation: a step budget (expressions evaluated) and a wall-clock deadline,
// so a runaway policy stops with a clear error instead of hanging the process.
import { RegoError } from '../errors.ts';
import type { Location } from '../ast.ts';

export const DEFAULT_MAX_STEPS = 10_000_000;
/** Units of builtin work between two looks at the clock. */
const WORK_PER_CHECK = 4096;

export class Limits {
  steps = 0;
  private readonly deadline: number;

  constructor(
    private readonly maxSteps: number = DEFAULT_MAX_STEPS,
    timeoutMs?: number,
  ) {
    this.deadline = timeoutMs !== undefined && timeoutMs > 0 ? Date.now() + timeoutMs : Infinity;
  }

  /** Work done inside builtins, in units of about one element or character looked at. */
  private work = 0;
  private nextWorkCheck = WORK_PER_CHECK;

  /**
   * Builtins that loop over their input charge their work here, so the deadline holds inside
   * them too: past it, the evaluation ends with eval_cancel_error.
   */
  charge(units: number, loc: Location): void {
    this.work += units;
    if (this.work < this.nextWorkCheck) return;
    this.nextWorkCheck = this.work + WORK_PER_CHECK;
    if (this.deadline !== Infinity && Date.now() > this.deadline) {
      throw new RegoError('eval_cancel_error', 'evaluation timed out', loc);
    }
  }

  step(loc: Location): void {
    if (++this.steps > this.maxSteps) {
      throw new RegoError('eval_limit_error', `evaluation exceeded the limit of ${this.maxSteps} steps`, loc);
    }
    if ((this.steps & 1023) === 0 && this.deadline !== Infinity && Date.now() > this.deadline) {
      throw new RegoError('eval_cancel_error', 'evaluation timed out', loc);
    }
  }
}
