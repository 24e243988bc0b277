// The cost settings (`routewise.config.cost` in policies/data.yaml, merged with --data files),
// read into one typed value. The defaults and their public sources live in data.yaml only.

export type Precision = 'fp32' | 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4';

export interface CostSettings {
  priceBook: { version: string; date: string };
  priceBookMaxAgeDays: number;
  priceBookProviders: Record<string, string>;
  /** Other spellings of provider names (`routewise.config.providerAliases`, beside `cost`). */
  providerAliases: Record<string, string>;
  batchPricingProviders: string[];
  batchDiscount: number;
  defaultInputShare: number;
  defaultTokensPerRequest: number;
  gpuMemoryGb: Record<string, number>;
  /** Per GPU type: model size class (largest parameter count in billions, as text) -> output tokens/s. */
  throughputTokensPerSecondPerGpu: Record<string, Record<string, number>>;
  gpuHourlyUsd: Record<string, number>;
  gpuPowerKw: Record<string, number>;
  serverOverheadKw: number;
  pue: number;
  electricityUsdPerKwh: number;
  amortizationYears: number;
  supportRatePerYear: number;
  engineerAnnualCostUsd: number;
  hoursPerMonth: number;
  replicaLoadFactor: number;
  costComparisonModelParamsB: number;
  costComparisonPrecision: Precision;
  costComparisonGpuType: string;
  costComparisonEngineers: number;
  costComparisonApiModel: string;
  costComparisonApiProvider: string;
  selfHostSavingsRatio: number;
  openModelParamsB: Record<string, number>;
}

export const BYTES_PER_PARAMETER: Record<Precision, number> = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5 };

/** The settings under `routewise.config.cost` of merged data, or undefined when there are none. */
export function costSettingsFrom(data: unknown): CostSettings | undefined {
  const cost = at(data, ['routewise', 'config', 'cost']);
  if (typeof cost !== 'object' || cost === null || Array.isArray(cost)) return undefined;
  const c = cost as Record<string, unknown>;
  // YAML reads `version: 0.1.8` as text but a date may arrive as a Date: both end up as text.
  const book = (c.priceBook ?? {}) as Record<string, unknown>;
  const date = book.date instanceof Date ? book.date.toISOString().slice(0, 10) : String(book.date ?? '');
  const aliases = at(data, ['routewise', 'config', 'providerAliases']);
  const providerAliases = typeof aliases === 'object' && aliases !== null && !Array.isArray(aliases) ? (aliases as Record<string, string>) : {};
  return { ...(c as unknown as CostSettings), providerAliases, priceBook: { version: String(book.version ?? ''), date } };
}

function at(v: unknown, path: string[]): unknown {
  let node = v;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}
