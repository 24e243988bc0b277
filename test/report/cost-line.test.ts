import { describe, expect, it } from 'vitest';
import type { CostSummary } from '../../src/judge/cost-summary.ts';
import { costLine } from '../../src/report/cost-line.ts';

const worked: CostSummary = {
  apiMonthlyUsd: 7000,
  selfHostedMonthlyUsd: 17461.6,
  staffMonthlyUsd: 33333.333333333336,
  monthlyUsd: 57794.933333333334,
  budgetMonthlyUsd: null,
  unpriced: [],
};

describe('cost line', () => {
  it('gives the total and its parts in dollars and cents', () => {
    expect(costLine(worked)).toBe('$57,794.93 a month (APIs $7,000.00, self-hosted $17,461.60, staff $33,333.33)');
  });

  it('leaves out the parts that cost nothing', () => {
    expect(costLine({ ...worked, selfHostedMonthlyUsd: 0, staffMonthlyUsd: 0, monthlyUsd: 7000 })).toBe('$7,000.00 a month (APIs $7,000.00)');
  });

  it('says whether the total stays within the budget, and by how much it is over', () => {
    expect(costLine({ ...worked, budgetMonthlyUsd: 60000 })).toMatch(/, within the budget of \$60,000\.00$/);
    // 57,794.93 - 50,000 = 7,794.93
    expect(costLine({ ...worked, budgetMonthlyUsd: 50000 })).toMatch(/, over the budget of \$50,000\.00 by \$7,794\.93$/);
  });

  it('names unpriced targets and calls the total a floor, never a price of $0', () => {
    const line = costLine({ ...worked, apiMonthlyUsd: 0, monthlyUsd: 50794.93, unpriced: ['mystery-api', 'other-api'] });
    expect(line).toBe('at least $50,794.93 a month (self-hosted $17,461.60, staff $33,333.33); unpriced: mystery-api, other-api');
    expect(costLine({ ...worked, apiMonthlyUsd: 0, selfHostedMonthlyUsd: 0, staffMonthlyUsd: 0, monthlyUsd: 0, unpriced: ['mystery-api'] })).toBe(
      'at least $0.00 a month; unpriced: mystery-api',
    );
  });
});
