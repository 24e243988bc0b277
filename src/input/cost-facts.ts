// The cost facts rules read (RW-COST-*, RW-CAP-*): the manifest's numbers from src/cost, with
// manifest paths, the price book's age, and what a self-hosted premium is paid for.
import { priceBookAgeDays } from '../cost/cost-report.ts';
import type { CostSettings } from '../cost/cost-settings.ts';
import { manifestCost } from '../cost/manifest-cost.ts';
import type { PriceTable } from '../cost/price-table-types.ts';
import type { Manifest } from '../manifest/manifest.ts';
import type { InputCost, InputCostTarget, InputCostWorkload, InputDataClass, Reach } from './policy-input.ts';
import { aboutUsdText } from './money-text.ts';

export interface CostContext {
  settings: CostSettings;
  table: PriceTable;
}

export function costFacts(manifest: Manifest, context: CostContext, today: string, dataClasses: InputDataClass[], reaches: readonly Reach[]): InputCost {
  const { settings, table } = context;
  const cost = manifestCost(manifest, settings, table, today, reaches);
  const targetIndex = (id: string) => manifest.deployment.targets.findIndex((t) => t.id === id);
  const ageDays = bookAgeDays(settings.priceBook.date, today);

  // Plain loops and literals throughout: this runs for every manifest of a run, mostly before
  // the engine has optimised it.
  const workloads: InputCostWorkload[] = [];
  const unpriced: InputCost['unpriced'] = [];
  for (let i = 0; i < cost.workloads.length; i++) {
    const w = cost.workloads[i]!;
    let apiTotal = 0;
    let allPriced = true;
    const models: string[] = [];
    for (const a of w.api) {
      apiTotal += a.monthlyUsd ?? 0;
      if (!models.includes(a.model)) models.push(a.model);
      if (a.priced) continue;
      allPriced = false;
      if (!unpriced.some((u) => u.target === a.target)) {
        unpriced.push({ target: a.target, provider: a.provider, model: a.model, reason: a.reason ?? '', path: ['deployment', 'targets', targetIndex(a.target)] });
      }
    }
    const apiMonthly = w.api.length === 0 || !allPriced ? null : apiTotal;
    const option = w.selfHostedOption;
    workloads.push({
      id: w.id,
      tokensPerMonth: w.tokensPerMonth,
      apiOnly: w.api.length > 0 && (w.selfHosted === undefined || w.selfHosted.length === 0),
      apiModels: models.sort(),
      apiMonthlyUsd: apiMonthly,
      apiMonthlyUsdText: aboutUsdText(apiMonthly),
      option: option
        ? {
            gpuType: option.gpuType,
            gpus: option.gpus,
            utilization: option.utilization,
            monthlyUsd: option.monthlyUsd,
            monthlyUsdText: aboutUsdText(option.monthlyUsd),
            modelParamsB: settings.costComparisonModelParamsB,
          }
        : null,
      apiOptionMonthlyUsd: w.apiOption?.monthlyUsd ?? null,
      breakEvenTokensPerMonth: w.breakEvenTokensPerMonth,
      path: ['workloads', i],
    });
  }

  const targets: InputCostTarget[] = [];
  let ownMonthly: number | null = 0;
  for (const t of cost.targets) {
    const d = cost.details[t.id]!;
    targets.push({
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
      path: ['deployment', 'targets', targetIndex(t.id)],
    });
    ownMonthly = ownMonthly === null || t.monthlyUsd === null ? null : ownMonthly + t.monthlyUsd;
  }

  // What the own targets cost against the API option for the same tokens, and what requires them:
  // regulated data (RW-DATA-001 keeps it off cloud APIs) and deep modification (RW-CUST-001).
  // Residency alone does not: a cloud API in the right region or data zone meets it.
  let alternative = 0;
  for (const w of workloads) if (w.apiOptionMonthlyUsd !== null) alternative += w.apiOptionMonthlyUsd;
  const apiAlternative = cost.workloads.find((w) => w.apiOption)?.apiOption;
  let ownTargets: InputCost['ownTargets'] = null;
  if (cost.targets.length > 0 && ownMonthly !== null && apiAlternative) {
    const ownWorkloads = manifest.workloads.filter((w) => cost.workloads.find((c) => c.id === w.id)?.selfHosted?.some((s) => s.share > 0));
    if (ownWorkloads.length > 0) {
      const regulated = new Set<string>();
      for (const d of dataClasses) if (d.regulated) regulated.add(d.id);
      const requiredBy = new Set<string>();
      for (const w of ownWorkloads) for (const c of w.dataClasses) if (regulated.has(c)) requiredBy.add(`regulated data class ${c}`);
      for (const w of ownWorkloads) if (w.customization === 'deep-modification') requiredBy.add(`deep modification in workload ${w.id}`);
      ownTargets = {
        monthlyUsd: ownMonthly,
        monthlyUsdText: aboutUsdText(ownMonthly),
        apiAlternativeMonthlyUsd: alternative,
        apiAlternativeMonthlyUsdText: aboutUsdText(alternative),
        premiumMonthlyUsdText: aboutUsdText(ownMonthly - alternative),
        apiAlternative: `${apiAlternative.model} via ${apiAlternative.provider}`,
        requiredBy: [...requiredBy].sort(),
      };
    }
  }

  const totals = cost.totals;
  return {
    priceBook: { package: table.package, version: settings.priceBook.version, date: settings.priceBook.date, ageDays, maxAgeDays: settings.priceBookMaxAgeDays, stale: ageDays > settings.priceBookMaxAgeDays },
    selfHostSavingsRatio: settings.selfHostSavingsRatio,
    workloads,
    targets,
    unpriced,
    ownTargets,
    totals: {
      apiMonthlyUsd: totals.apiMonthlyUsd,
      selfHostedMonthlyUsd: totals.selfHostedMonthlyUsd,
      staffMonthlyUsd: totals.staffMonthlyUsd,
      monthlyUsd: totals.monthlyUsd,
      budgetMonthlyUsd: totals.budgetMonthlyUsd,
      capexUsd: cost.capexUsd,
      budgetCapexUsd: manifest.budget?.capexUsd ?? null,
      apiMonthlyUsdText: aboutUsdText(totals.apiMonthlyUsd),
      selfHostedMonthlyUsdText: aboutUsdText(totals.selfHostedMonthlyUsd),
      staffMonthlyUsdText: aboutUsdText(totals.staffMonthlyUsd),
      monthlyUsdText: aboutUsdText(totals.monthlyUsd),
      budgetMonthlyUsdText: aboutUsdText(totals.budgetMonthlyUsd),
    },
  };
}

/** The book's age, the same for every manifest of a run: worked out once per date pair. */
let lastAge: { bookDate: string; today: string; days: number } | undefined;

function bookAgeDays(bookDate: string, today: string): number {
  if (lastAge?.bookDate !== bookDate || lastAge.today !== today) lastAge = { bookDate, today, days: priceBookAgeDays(bookDate, today) };
  return lastAge.days;
}
