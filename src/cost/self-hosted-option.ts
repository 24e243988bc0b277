// The fixed comparator for a workload served by cloud APIs: an open-weights model of
// `costComparisonModelParamsB` at `costComparisonPrecision` on `costComparisonGpuType`, sized
// for the workload's peak, at the table's GPU-hour rate, with the staff it needs.
import type { CostSettings } from './cost-settings.ts';
import { staffMonthlyUsd } from './self-hosted-cost.ts';
import { averageOutputTokensPerSecond, gpusPerReplica, sizeForLoad, tableThroughput, tokensPerMonthCarried } from './sizing.ts';

export interface OptionShape {
  inputShare: number;
  peakToAverage: number;
  /** The team's MLOps engineers; the option counts at least `costComparisonEngineers`. */
  engineers: number;
  engineerAnnualCostUsd: number;
}

export interface SelfHostedOption {
  gpuType: string;
  modelParamsB: number;
  gpus: number;
  utilization: number;
  gpuMonthlyUsd: number;
  staffMonthlyUsd: number;
  monthlyUsd: number;
}

/** The comparator's fixed terms, or undefined when the tables lack its GPU type. */
export interface OptionModel {
  perReplica: number;
  throughput: number;
  gpuHourlyUsd: number;
  staff: number;
}

export function optionModel(settings: CostSettings, shape: OptionShape): OptionModel | undefined {
  const gpuType = settings.costComparisonGpuType;
  const memory = settings.gpuMemoryGb[gpuType];
  const throughput = tableThroughput(settings, gpuType, settings.costComparisonModelParamsB);
  const rate = settings.gpuHourlyUsd[gpuType];
  if (memory === undefined || throughput === undefined || rate === undefined) return undefined;
  return {
    perReplica: gpusPerReplica(settings.costComparisonModelParamsB, settings.costComparisonPrecision, memory),
    throughput,
    gpuHourlyUsd: rate,
    staff: staffMonthlyUsd(Math.max(shape.engineers, settings.costComparisonEngineers), shape.engineerAnnualCostUsd),
  };
}

export function selfHostedOption(settings: CostSettings, tokensPerMonth: number, shape: OptionShape): SelfHostedOption | undefined {
  const model = optionModel(settings, shape);
  if (!model) return undefined;
  const avg = averageOutputTokensPerSecond(tokensPerMonth, shape.inputShare, settings.hoursPerMonth);
  const sized = sizeForLoad(avg, shape.peakToAverage, model.perReplica, model.throughput, settings.replicaLoadFactor);
  const gpuMonthlyUsd = sized.gpus * model.gpuHourlyUsd * settings.hoursPerMonth;
  return {
    gpuType: settings.costComparisonGpuType,
    modelParamsB: settings.costComparisonModelParamsB,
    gpus: sized.gpus,
    utilization: sized.utilization,
    gpuMonthlyUsd,
    staffMonthlyUsd: model.staff,
    monthlyUsd: gpuMonthlyUsd + model.staff,
  };
}

/** The option's monthly cost while `replicas` serving replicas carry the load. */
export function optionCostWithReplicas(settings: CostSettings, model: OptionModel, replicas: number): number {
  return model.perReplica * (replicas + 1) * model.gpuHourlyUsd * settings.hoursPerMonth + model.staff;
}

/** The largest monthly volume `replicas` serving replicas of the option carry. */
export function optionVolumeLimit(settings: CostSettings, model: OptionModel, replicas: number, shape: OptionShape): number {
  return tokensPerMonthCarried(replicas, model.perReplica, model.throughput, settings.replicaLoadFactor, shape.inputShare, shape.peakToAverage, settings.hoursPerMonth);
}
