// One manifest's monthly cost in a line for people: the total, its parts, the budget, and the
// targets left out because they could not be priced.
import { usd } from '../cost/format/human-numbers.ts';
import type { CostSummary } from '../judge/cost-summary.ts';

/** "$57,794.93 a month (APIs $7,000.00, self-hosted $17,461.60, staff $33,333.33), within the budget of $60,000.00". */
export function costLine(cost: CostSummary): string {
  const parts = (
    [
      ['APIs', cost.apiMonthlyUsd],
      ['self-hosted', cost.selfHostedMonthlyUsd],
      ['staff', cost.staffMonthlyUsd],
    ] as const
  )
    .filter(([, usdAMonth]) => usdAMonth > 0)
    .map(([name, usdAMonth]) => `${name} ${usd(usdAMonth)}`);
  // Unpriced targets are left out of every figure, so the total is a floor, never a guess.
  const floor = cost.unpriced.length > 0 ? 'at least ' : '';
  let line = `${floor}${usd(cost.monthlyUsd)} a month${parts.length > 1 ? ` (${parts.join(', ')})` : parts.length === 1 ? ` (${parts[0]})` : ''}`;
  const budget = cost.budgetMonthlyUsd;
  if (budget !== null) {
    line += cost.monthlyUsd > budget ? `, over the budget of ${usd(budget)} by ${usd(cost.monthlyUsd - budget)}` : `, within the budget of ${usd(budget)}`;
  }
  if (cost.unpriced.length > 0) line += `; unpriced: ${cost.unpriced.join(', ')}`;
  return line;
}
