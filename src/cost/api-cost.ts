// Pricing a workload's traffic on a cloud API: one request of `tokensPerRequest` tokens, split
// into input (some of it cached) and output, priced as the provider prices a request, times the
// requests a month; batch traffic at the batch discount where the provider offers it.
import { requestPriceUsd, type ModelPrices } from './price-book.ts';

export interface RequestShape {
  tokensPerRequest: number;
  inputShare: number;
  cachedInputShare: number;
  batchShare: number;
}

/** USD a month for `tokensPerMonth` tokens of requests shaped `shape`. */
export function apiMonthlyUsd(prices: Pick<ModelPrices, 'input' | 'output' | 'cachedInput'>, tokensPerMonth: number, shape: RequestShape, batchDiscount: number | undefined): number {
  const input = shape.tokensPerRequest * shape.inputShare;
  const perRequest = requestPriceUsd(prices, { input, cachedInput: input * shape.cachedInputShare, output: shape.tokensPerRequest - input });
  const requests = tokensPerMonth / shape.tokensPerRequest;
  const batchFactor = batchDiscount === undefined ? 1 : 1 - shape.batchShare + shape.batchShare * batchDiscount;
  return requests * perRequest * batchFactor;
}
