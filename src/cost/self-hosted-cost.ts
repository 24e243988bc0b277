// What running models yourself costs a month: rented GPUs by the hour, or owned servers
// (amortised purchase, support contract, power through the facility's PUE), and the staff.
import type { CostSettings } from './cost-settings.ts';

export interface CostBreakdown {
  gpu: number;
  capexAmortized: number;
  support: number;
  power: number;
  staff: number;
}

/** Rented GPUs: `hourlyUsd` is the whole target's rate when declared, else GPUs x the GPU-hour rate. */
export function cloudGpuMonthlyUsd(settings: Pick<CostSettings, 'hoursPerMonth'>, gpus: number, gpuHourlyUsd: number, targetHourlyUsd?: number): number {
  return (targetHourlyUsd ?? gpus * gpuHourlyUsd) * settings.hoursPerMonth;
}

/** Owned servers: purchase written off over the amortisation years, support, and power. */
export function onPremisesMonthly(
  settings: Pick<CostSettings, 'amortizationYears' | 'supportRatePerYear' | 'serverOverheadKw' | 'pue' | 'hoursPerMonth' | 'electricityUsdPerKwh'>,
  capexUsd: number,
  gpus: number,
  gpuPowerKw: number,
): Pick<CostBreakdown, 'capexAmortized' | 'support' | 'power'> {
  const kw = gpus * gpuPowerKw + settings.serverOverheadKw * Math.ceil(gpus / 8);
  return {
    capexAmortized: capexUsd / (12 * settings.amortizationYears),
    support: (capexUsd * settings.supportRatePerYear) / 12,
    power: kw * settings.pue * settings.hoursPerMonth * settings.electricityUsdPerKwh,
  };
}

/** Staff a month: engineers x loaded annual cost / 12. */
export function staffMonthlyUsd(engineers: number, engineerAnnualCostUsd: number): number {
  return (engineers * engineerAnnualCostUsd) / 12;
}

export function breakdownTotal(b: CostBreakdown): number {
  return b.gpu + b.capexAmortized + b.support + b.power + b.staff;
}
