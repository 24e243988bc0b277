// The few cost figures a report shows for one manifest (a line in check's markdown, the audit's
// totals), taken from the cost facts the rules saw rather than computed again.
import type { InputCost } from '../input/policy-input.ts';

export interface CostSummary {
  /** USD a month on cloud APIs, priced targets only. */
  apiMonthlyUsd: number;
  /** USD a month for self-hosted and on-premises targets, staff apart. */
  selfHostedMonthlyUsd: number;
  /** The MLOps staff the own targets need, counted once per manifest. */
  staffMonthlyUsd: number;
  monthlyUsd: number;
  budgetMonthlyUsd: number | null;
  /** Targets that could not be priced, sorted: the figures leave them out. */
  unpriced: string[];
}

export function costSummaryOf(cost: InputCost): CostSummary {
  const unpriced = new Set([...cost.unpriced.map((u) => u.target), ...cost.targets.filter((t) => t.monthlyUsd === null).map((t) => t.id)]);
  const t = cost.totals;
  return {
    apiMonthlyUsd: t.apiMonthlyUsd,
    selfHostedMonthlyUsd: t.selfHostedMonthlyUsd,
    staffMonthlyUsd: t.staffMonthlyUsd,
    monthlyUsd: t.monthlyUsd,
    budgetMonthlyUsd: t.budgetMonthlyUsd,
    unpriced: [...unpriced].sort(),
  };
}
