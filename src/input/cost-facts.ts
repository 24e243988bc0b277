// The cost facts rules read (RW-COST-*, RW-CAP-*): the manifest's numbers from src/cost, with
// manifest paths, the price book's age, and what a self-hosted premium is paid for.
import { priceBookAgeDays } from '../cost/cost-report.ts';
import type { CostSettings } from '../cost/cost-settings.ts';
import { manifestCost } from '../cost/manifest-cost.ts';
import type { PriceTable } from '../cost/price-table-types.ts';
import type { Manifest } from '../manifest/manifest.ts';
import type { InputCost, InputDataClass, Reach } from './policy-input.ts';
import { aboutUsdText } from './money-text.ts';

export interface CostContext {
  settings: CostSettings;
  table: PriceTable;
}

export function costFacts(manifest: Manifest, context: CostContext, today: string, dataClasses: InputDataClass[], reaches: readonly Reach[]): InputCost {
  const { settings, table } = context;
  const cost = manifestCost(manifest, settings, table, today, reaches);
  const targetIndex = new Map(manifest.deployment.targets.map((t, i) => [t.id, i]));
  const regulated = new Set(dataClasses.filter((d) => d.regulated).map((d) => d.id));
  const ageDays = bookAgeDays(settings.priceBook.date, today);

  const workloads = cost.workloads.map((w, i) => {
    const unpriced = w.api.some((a) => !a.priced);
    const apiMonthly = w.api.length === 0 || unpriced ? null : w.api.reduce((s, a) => s + (a.monthlyUsd ?? 0), 0);
    return {
      id: w.id,
      tokensPerMonth: w.tokensPerMonth,
      apiOnly: w.api.length > 0 && (w.selfHosted ?? []).length === 0,
      apiModels: [...new Set(w.api.map((a) => a.model))].sort(),
      apiMonthlyUsd: apiMonthly,
      apiMonthlyUsdText: aboutUsdText(apiMonthly),
      option: w.selfHostedOption
        ? {
            gpuType: w.selfHostedOption.gpuType,
            gpus: w.selfHostedOption.gpus,
            utilization: w.selfHostedOption.utilization,
            monthlyUsd: w.selfHostedOption.monthlyUsd,
            monthlyUsdText: aboutUsdText(w.selfHostedOption.monthlyUsd),
            modelParamsB: settings.costComparisonModelParamsB,
          }
        : null,
      apiOptionMonthlyUsd: w.apiOption?.monthlyUsd ?? null,
      breakEvenTokensPerMonth: w.breakEvenTokensPerMonth,
      path: ['workloads', i] as (string | number)[],
    };
  });

  const targets = cost.targets.map((t) => {
    const d = cost.details[t.id]!;
    return {
      id: t.id,
      type: t.type,
      gpus: t.gpus,
      gpuType: d.gpuType,
      modelParamsB: d.modelParamsB,
      precision: d.precision,
      memoryNeededGb: d.memoryNeededGb,
      memoryGb: d.memoryGb,
      fitsModel: t.fitsModel,
      peakOutputTokensPerSecond: d.peakOutputTokensPerSecond,
      capacityTokensPerSecond: d.capacityTokensPerSecond,
      peakCapacityOk: t.peakCapacityOk,
      monthlyUsd: t.monthlyUsd,
      capexUsd: d.capexUsd,
      path: ['deployment', 'targets', targetIndex.get(t.id)!] as (string | number)[],
    };
  });

  const unpriced = cost.workloads
    .flatMap((w) => w.api.filter((a) => !a.priced))
    .filter((a, i, all) => all.findIndex((b) => b.target === a.target) === i)
    .map((a) => ({ target: a.target, provider: a.provider, model: a.model, reason: a.reason ?? '', path: ['deployment', 'targets', targetIndex.get(a.target)!] as (string | number)[] }));

  // What the own targets cost against the API option for the same tokens, and what requires them:
  // regulated data (RW-DATA-001 keeps it off cloud APIs) and deep modification (RW-CUST-001).
  // Residency alone does not: a cloud API in the right region or data zone meets it.
  const ownWorkloads = manifest.workloads.filter((w) => (cost.workloads.find((c) => c.id === w.id)?.selfHosted ?? []).some((s) => s.share > 0));
  const alternative = workloads.filter((w) => w.apiOptionMonthlyUsd !== null).reduce((s, w) => s + w.apiOptionMonthlyUsd!, 0);
  const ownMonthly = cost.targets.every((t) => t.monthlyUsd !== null) ? cost.targets.reduce((s, t) => s + t.monthlyUsd!, 0) : null;
  const requiredBy = [
    ...ownWorkloads.flatMap((w) => w.dataClasses.filter((c) => regulated.has(c)).map((c) => `regulated data class ${c}`)),
    ...ownWorkloads.filter((w) => w.customization === 'deep-modification').map((w) => `deep modification in workload ${w.id}`),
  ];
  const apiAlternative = cost.workloads.find((w) => w.apiOption)?.apiOption;

  return {
    priceBook: { package: table.package, version: settings.priceBook.version, date: settings.priceBook.date, ageDays, maxAgeDays: settings.priceBookMaxAgeDays, stale: ageDays > settings.priceBookMaxAgeDays },
    selfHostSavingsRatio: settings.selfHostSavingsRatio,
    workloads,
    targets,
    unpriced,
    ownTargets:
      cost.targets.length > 0 && ownMonthly !== null && ownWorkloads.length > 0 && apiAlternative
        ? {
            monthlyUsd: ownMonthly,
            monthlyUsdText: aboutUsdText(ownMonthly),
            apiAlternativeMonthlyUsd: alternative,
            apiAlternativeMonthlyUsdText: aboutUsdText(alternative),
            premiumMonthlyUsdText: aboutUsdText(ownMonthly - alternative),
            apiAlternative: `${apiAlternative.model} via ${apiAlternative.provider}`,
            requiredBy: [...new Set(requiredBy)].sort(),
          }
        : null,
    totals: {
      ...cost.totals,
      capexUsd: cost.capexUsd,
      budgetCapexUsd: manifest.budget?.capexUsd ?? null,
      apiMonthlyUsdText: aboutUsdText(cost.totals.apiMonthlyUsd),
      selfHostedMonthlyUsdText: aboutUsdText(cost.totals.selfHostedMonthlyUsd),
      staffMonthlyUsdText: aboutUsdText(cost.totals.staffMonthlyUsd),
      monthlyUsdText: aboutUsdText(cost.totals.monthlyUsd),
      budgetMonthlyUsdText: aboutUsdText(cost.totals.budgetMonthlyUsd),
    },
  };
}

/** The book's age, the same for every manifest of a run: worked out once per date pair. */
let lastAge: { bookDate: string; today: string; days: number } | undefined;

function bookAgeDays(bookDate: string, today: string): number {
  if (lastAge?.bookDate !== bookDate || lastAge.today !== today) lastAge = { bookDate, today, days: priceBookAgeDays(bookDate, today) };
  return lastAge.days;
}
