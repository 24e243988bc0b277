// What a workload's numbers mean, in words: which option is cheaper, and where self-hosting
// starts to pay (shared by the text and markdown formats).
import type { WorkloadCost } from '../manifest-cost.ts';
import { tokensInWords, usd } from './human-numbers.ts';

/** The workload's API cost a month, or null when some API share is unpriced or there is none. */
export function workloadApiMonthlyUsd(w: WorkloadCost): number | null {
  if (w.api.length === 0 || w.api.some((a) => !a.priced)) return null;
  return w.api.reduce((s, a) => s + (a.monthlyUsd ?? 0), 0);
}

export function verdict(w: WorkloadCost): string {
  const api = workloadApiMonthlyUsd(w);
  if (w.api.some((a) => !a.priced)) return 'cannot tell: an API target is unpriced';
  if (api !== null && w.selfHostedOption) {
    const option = w.selfHostedOption.monthlyUsd;
    if (api >= option) return `self-hosting would save ${usd(api - option)}/month`;
    return `APIs are cheaper by ${usd(option - api)}/month`;
  }
  if (w.apiOption) return `self-hosted; on ${w.apiOption.model} via ${w.apiOption.provider} it would cost ${usd(w.apiOption.monthlyUsd)}/month`;
  return 'no comparison';
}

export function breakEvenInWords(w: WorkloadCost): string {
  const run = tokensInWords(w.tokensPerMonth);
  if (w.api.some((a) => !a.priced)) return 'break-even unknown: an API target is unpriced';
  if (w.breakEvenTokensPerMonth === null) return `self-hosting does not pay below 100 times your volume (${run} tokens a month)`;
  const from = tokensInWords(w.breakEvenTokensPerMonth);
  const already = w.breakEvenTokensPerMonth <= w.tokensPerMonth ? ', so it already pays' : '';
  return `self-hosting pays from ${from} tokens a month; you run ${run}${already}`;
}
