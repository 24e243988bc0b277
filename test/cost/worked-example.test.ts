// spec/cost.md's worked example, figure by figure.
import { describe, expect, it } from 'vitest';
import { manifestCost } from '../../src/cost/manifest-cost.ts';
import { PRICE_TABLE } from '../../src/cost/generated/price-table.ts';
import { priceBookState } from '../../src/cost/cost-report.ts';
import { fixture, SETTINGS } from './settings.ts';

describe('the worked example of spec/cost.md', () => {
  const cost = manifestCost(fixture('worked-example.yaml'), SETTINGS, PRICE_TABLE, '2026-11-27');
  const [triage] = cost.workloads;

  it('prices triage on azure-gpt from its pricing override', () => {
    // 2,000,000,000 / 4,000 = 500,000 requests of 3,000 input + 1,000 output tokens;
    // 3,000 x $2/M + 1,000 x $8/M = $0.014 a request; x 500,000 = $7,000.
    expect(triage!.tokensPerMonth).toBe(2_000_000_000);
    expect(triage!.requestsPerMonth).toBe(500_000);
    expect(triage!.api).toEqual([{ target: 'azure-gpt', provider: 'azure-openai', priceSource: 'pricing', model: 'gpt-4o', priced: true, share: 1, monthlyUsd: 7000 }]);
    expect(triage!.sharesAssumed).toBeUndefined();
  });

  it('sizes the self-hosted option at 8 H100 for $50,794.93', () => {
    // 70B x 2 bytes = 140 GB, x 1.2 = 168 GB -> 4 H100 (320 GB) a replica; R_avg = 2e9 x 0.25 /
    // 2,628,000 = 190.3 tokens/s, peak 380.5; one replica carries 850 x 0.75 x 4 = 2,550, so
    // N = 4 x (1 + 1) = 8; 8 x $2.99 x 730 = $17,461.60 + staff 2 x $200,000 / 12 = $33,333.33.
    const option = triage!.selfHostedOption!;
    expect(option.gpuType).toBe('h100');
    expect(option.gpus).toBe(8);
    expect(option.utilization).toBeCloseTo(190.2587 / 6800, 6);
    expect(option.utilization.toFixed(3)).toBe('0.028');
    expect(option.monthlyUsd.toFixed(2)).toBe('50794.93');
  });

  it('breaks even at 17,007,352,381 tokens, where 12 GPUs cost what the API does', () => {
    // 8 GPUs cost more than the API up to 13.4B tokens; then 12 GPUs cost 12 x 2.99 x 730 +
    // 33,333.33 = $59,525.73, which the API ($3.5 per million tokens) reaches at 17,007,352,381.
    expect(triage!.breakEvenTokensPerMonth).toBe(17_007_352_381);
  });

  it('costs gpu-llama, reached only as a fallback, with all the staff', () => {
    const [gpu] = cost.targets;
    expect(gpu).toMatchObject({ id: 'gpu-llama', type: 'cloud-self-hosted', gpus: 8, fitsModel: true, peakCapacityOk: true });
    expect(gpu!.monthlyUsd!.toFixed(2)).toBe('50794.93');
    expect(gpu!.breakdown.gpu.toFixed(2)).toBe('17461.60');
    expect(gpu!.breakdown).toMatchObject({ capexAmortized: 0, support: 0, power: 0 });
    expect(gpu!.breakdown.staff.toFixed(2)).toBe('33333.33');
  });

  it('totals API, self-hosted and staff once', () => {
    expect(cost.totals.apiMonthlyUsd).toBe(7000);
    expect(cost.totals.selfHostedMonthlyUsd.toFixed(2)).toBe('17461.60');
    expect(cost.totals.staffMonthlyUsd.toFixed(2)).toBe('33333.33');
    expect(cost.totals.monthlyUsd.toFixed(2)).toBe('57794.93');
    expect(cost.totals.budgetMonthlyUsd).toBeNull();
  });

  it('names the price book 0.1.8 of 2026-09-23, fresh on 2026-11-27', () => {
    expect(priceBookState(PRICE_TABLE, SETTINGS, '2026-11-27')).toEqual({ package: '@pydantic/genai-prices', version: '0.1.8', date: '2026-09-23', stale: false });
  });
});
