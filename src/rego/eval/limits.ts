// Bounds on one evaluation: a step budget (expressions evaluated) and a wall-clock deadline,
// so a runaway policy stops with a clear error instead of hanging the process.
import { RegoError } from '../errors.ts';
import type { Location } from '../ast.ts';

export const DEFAULT_MAX_STEPS = 10_000_000;

export class Limits {
  steps = 0;
  private readonly deadline: number;

  constructor(
    private readonly maxSteps: number = DEFAULT_MAX_STEPS,
    timeoutMs?: number,
  ) {
    this.deadline = timeoutMs !== undefined && timeoutMs > 0 ? Date.now() + timeoutMs : Infinity;
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
