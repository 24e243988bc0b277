// The manifest as TypeScript types: hand-written for readability and kept equal to
// schemas/manifest.v1.schema.json by a test (property names and required lists per object).
import type { Category, Strategy, TargetType } from '../input/policy-input.ts';

export type { Category, Strategy, TargetType };
export type Customization = 'prompting' | 'rag' | 'fine-tuning' | 'deep-modification';
export type VolumePattern = 'steady' | 'spiky' | 'unpredictable';

export interface Manifest {
  apiVersion: 'routewise/v1';
  kind: 'LLMDeployment';
  metadata: Metadata;
  dataClasses: DataClass[];
  workloads: Workload[];
  deployment: Deployment;
  team?: Team;
  timeline?: Timeline;
  budget?: Budget;
  waivers?: Waiver[];
}

export interface Metadata {
  name: string;
  owner: string;
  description?: string;
}

export interface DataClass {
  id: string;
  category: Category;
  regulated?: boolean;
  /** Known: hipaa, gdpr, pci-dss, glba, sox, ccpa, eu-ai-act; any other string is allowed. */
  regulations?: string[];
  residency?: string[];
}

export interface Workload {
  id: string;
  dataClasses: string[];
  customization: Customization;
  volume: Volume;
}

export interface Volume {
  tokensPerMonth: number;
  pattern: VolumePattern;
  peakToAverage?: number;
  /** Share of tokens that are input (default from data.yaml, 0.75). */
  inputShare?: number;
  /** Average input + output tokens per request (default from data.yaml, 4000). */
  tokensPerRequest?: number;
  /** Target id -> share of this workload's tokens, when routing splits it. */
  shareByTarget?: Record<string, number>;
  /** Share of input tokens read from the provider's cache. */
  cachedInputShare?: number;
  /** Share of traffic that may use batch pricing. */
  batchShare?: number;
}

export interface Deployment {
  strategy: Strategy;
  targets: Target[];
  routing?: Route[];
  burst?: Burst;
  monitoring?: Monitoring[];
}

export interface Target {
  id: string;
  type: TargetType;
  model: string;
  openWeights?: boolean;
  /** Required by the schema for cloud-api and cloud-self-hosted targets. */
  provider?: string;
  region?: string;
  agreements?: Agreements;
  hardware?: Hardware;
  /** Negotiated prices that replace the price book for this target. */
  pricing?: Pricing;
  /** Parameters in billions (known open models: from data.yaml). */
  modelParamsB?: number;
  precision?: 'fp32' | 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4';
}

export interface Pricing {
  inputPerMillionUsd: number;
  outputPerMillionUsd: number;
  cachedInputPerMillionUsd?: number;
}

export interface Agreements {
  baa?: boolean;
  dpa?: boolean;
  zeroDataRetention?: boolean;
  trainingOptOut?: boolean;
}

export interface Hardware {
  gpus?: number;
  gpuType?: string;
  capexUsd?: number;
  hourlyUsd?: number;
  /** Price per GPU-hour (hourlyUsd is the whole target's). */
  gpuHourlyUsd?: number;
  /** Measured output tokens per second per GPU. */
  throughputTokensPerSecond?: number;
}

export interface Route {
  when: RouteWhen;
  to: string;
}

export interface RouteWhen {
  dataClasses?: string[];
  workloads?: string[];
  default?: boolean;
}

export interface Burst {
  to: string;
  excludeDataClasses?: string[];
}

export interface Monitoring {
  target: string;
  tools?: string[];
}

export interface Team {
  mlopsEngineers?: number;
  skills?: string[];
  /** Loaded cost of one engineer a year (default from data.yaml). */
  engineerAnnualCostUsd?: number;
}

/** Exactly one of the two (the schema enforces it). */
export interface Timeline {
  launchBy?: string;
  weeksToLaunch?: number;
}

export interface Budget {
  monthlyUsd?: number;
  capexUsd?: number;
}

export interface Waiver {
  rule: string;
  target?: string;
  reason?: string;
  approvedBy?: string;
  expires?: string;
}
