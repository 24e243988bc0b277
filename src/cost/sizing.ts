// GPU sizing: how many GPUs a model needs to fit, and how many a workload needs to be served at
// its peak with one spare replica (spec/cost.md, "Self-hosted and on-premises cost").
import { BYTES_PER_PARAMETER, type CostSettings, type Precision } from './cost-settings.ts';

/** Weights are padded by this factor for the KV cache, activations and the runtime. */
export const MEMORY_HEADROOM = 1.2;
const SECONDS_PER_HOUR = 3600;

export function weightsGb(modelParamsB: number, precision: Precision): number {
  return modelParamsB * BYTES_PER_PARAMETER[precision];
}

/** GB of GPU memory the model needs: weights x 1.2. */
export function memoryNeededGb(modelParamsB: number, precision: Precision): number {
  return weightsGb(modelParamsB, precision) * MEMORY_HEADROOM;
}

/** The smallest power of two of GPUs whose memory together holds the model. */
export function gpusPerReplica(modelParamsB: number, precision: Precision, gpuMemoryGb: number): number {
  const needed = memoryNeededGb(modelParamsB, precision);
  let n = 1;
  while (n * gpuMemoryGb < needed) n *= 2;
  return n;
}

/** Average output tokens per second of a monthly token volume. */
export function averageOutputTokensPerSecond(tokensPerMonth: number, inputShare: number, hoursPerMonth: number): number {
  return (tokensPerMonth * (1 - inputShare)) / (hoursPerMonth * SECONDS_PER_HOUR);
}

/**
 * Output tokens/s per GPU for a model size on a GPU type: the table's smallest size class that
 * holds the model (classes are named by their largest parameter count in billions).
 */
export function tableThroughput(settings: Pick<CostSettings, 'throughputTokensPerSecondPerGpu'>, gpuType: string, modelParamsB: number): number | undefined {
  const classes = settings.throughputTokensPerSecondPerGpu[gpuType];
  if (!classes) return undefined;
  const sizes = sortedSizes(classes);
  const size = sizes.find((s) => modelParamsB <= s) ?? sizes[sizes.length - 1];
  return size === undefined ? undefined : classes[String(size)];
}

/** The model sizes of one GPU's throughput table, ascending; worked out once per table (a run asks often). */
function sortedSizes(classes: Record<string, number>): number[] {
  let sizes = SIZES.get(classes);
  if (!sizes) SIZES.set(classes, (sizes = Object.keys(classes).map(Number).filter(Number.isFinite).sort((a, b) => a - b)));
  return sizes;
}

const SIZES = new WeakMap<Record<string, number>, number[]>();

export interface Sizing {
  gpusPerReplica: number;
  /** Replicas serving traffic at the peak, without the spare. */
  replicas: number;
  gpus: number;
  /** Average output tokens/s over what all GPUs could produce. */
  utilization: number;
}

/**
 * N = n_rep x (ceil(R_peak / (theta x loadFactor x n_rep)) + 1): enough replicas for the peak,
 * plus one spare. At least one serving replica even with no traffic: a deployment that exists
 * holds its model.
 */
export function sizeForLoad(avgTokensPerSecond: number, peakToAverage: number, perReplica: number, throughputPerGpu: number, loadFactor: number): Sizing {
  const replicaCapacity = throughputPerGpu * loadFactor * perReplica;
  const replicas = Math.max(1, Math.ceil((avgTokensPerSecond * peakToAverage) / replicaCapacity - 1e-12));
  const gpus = perReplica * (replicas + 1);
  return { gpusPerReplica: perReplica, replicas, gpus, utilization: avgTokensPerSecond / (gpus * throughputPerGpu) };
}

/** The largest monthly volume `replicas` serving replicas carry at the peak. */
export function tokensPerMonthCarried(replicas: number, perReplica: number, throughputPerGpu: number, loadFactor: number, inputShare: number, peakToAverage: number, hoursPerMonth: number): number {
  const peakCapacity = replicas * perReplica * throughputPerGpu * loadFactor;
  return ((peakCapacity / peakToAverage) * hoursPerMonth * SECONDS_PER_HOUR) / (1 - inputShare);
}

/** Parameters in billions: declared, else the longest known open-model name the model starts with. */
export function modelParamsBOf(model: string, declared: number | undefined, known: Record<string, number>): number | undefined {
  if (declared !== undefined) return declared;
  const name = model.toLowerCase().split('/').pop()!.trim();
  let best: [string, string] | undefined;
  for (const entry of lowerCaseKeys(known)) if (name.startsWith(entry[1]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best === undefined ? undefined : known[best[0]];
}

/** Each known name with its lower-case form, worked out once per table (a run asks often). */
function lowerCaseKeys(known: Record<string, number>): [string, string][] {
  let keys = LOWER_CASE_KEYS.get(known);
  if (!keys) LOWER_CASE_KEYS.set(known, (keys = Object.keys(known).map((key) => [key, key.toLowerCase()])));
  return keys;
}

const LOWER_CASE_KEYS = new WeakMap<Record<string, number>, [string, string][]>();
