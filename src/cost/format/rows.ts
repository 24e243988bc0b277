// The rows the text and markdown tables share: one per workload, one per own target, and the
// totals, each already in words and rounded money.
import type { ManifestCostEntry } from '../cost-report.ts';
import type { TargetCost, WorkloadCost } from '../manifest-cost.ts';
import { percent, tokensInWords, usd } from './human-numbers.ts';
import { verdict, workloadApiMonthlyUsd } from './verdict.ts';

export const WORKLOAD_HEADER = ['workload', 'tokens/month', 'API/month', 'self-hosted option/month', 'break-even', 'verdict'];
export const TARGET_HEADER = ['target', 'type', 'GPUs', 'fits model', 'peak capacity', 'monthly', 'of which'];

export function workloadRow(w: WorkloadCost): string[] {
  const api = workloadApiMonthlyUsd(w);
  const option = w.selfHostedOption;
  return [
    w.id,
    tokensInWords(w.tokensPerMonth),
    w.api.length === 0 ? '-' : api === null ? 'unpriced' : usd(api),
    option ? `${usd(option.monthlyUsd)} (${option.gpus} ${option.gpuType}, ${percent(option.utilization)} busy)` : '-',
    w.breakEvenTokensPerMonth === null ? 'none' : tokensInWords(w.breakEvenTokensPerMonth),
    verdict(w),
  ];
}

export function targetRow(t: TargetCost): string[] {
  const b = t.breakdown;
  const parts = (
    [
      ['GPUs', b.gpu],
      ['capex', b.capexAmortized],
      ['support', b.support],
      ['power', b.power],
      ['staff', b.staff],
    ] as const
  )
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${usd(v)}`);
  return [
    t.id,
    t.type,
    t.gpus === null ? '?' : String(t.gpus),
    t.fitsModel === null ? 'unknown' : t.fitsModel ? 'yes' : 'NO',
    t.peakCapacityOk === null ? 'unknown' : t.peakCapacityOk ? 'ok' : 'TOO SMALL',
    t.monthlyUsd === null ? 'unpriced' : usd(t.monthlyUsd),
    parts.join(', ') || '-',
  ];
}

export function totalsLine(m: Extract<ManifestCostEntry, { workloads: unknown }>): string {
  const t = m.totals;
  const budget = t.budgetMonthlyUsd === null ? '' : `; budget ${usd(t.budgetMonthlyUsd)}${t.monthlyUsd > t.budgetMonthlyUsd ? ' (exceeded)' : ''}`;
  return `total ${usd(t.monthlyUsd)}/month: APIs ${usd(t.apiMonthlyUsd)}, self-hosted ${usd(t.selfHostedMonthlyUsd)}, staff ${usd(t.staffMonthlyUsd)}${budget}`;
}

/** Notes under a manifest's tables: assumed shares, unpriced targets, what could not be judged. */
export function notes(m: Extract<ManifestCostEntry, { workloads: unknown }>): string[] {
  const out: string[] = [];
  for (const w of m.workloads) {
    if (w.sharesAssumed) out.push(`${w.id}: split equally over ${[...w.api.map((a) => a.target), ...(w.selfHosted ?? []).map((s) => s.target)].join(', ')} (add volume.shareByTarget to say how)`);
    for (const a of w.api) if (!a.priced) out.push(`${a.target}: unpriced: ${a.reason}`);
  }
  for (const t of m.targets) for (const u of t.unjudged ?? []) out.push(`${t.id}: could not judge ${u}`);
  return out;
}
