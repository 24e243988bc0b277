// The manifest as TypeScript types: hand-written for readability and kept equal to
// schemas/manifest.v1.schema.json by a test (property names and required lists per object).
export type Category = 'health' | 'financial' | 'payment-card' | 'personal' | 'confidential' | 'internal' | 'public';
export type TargetType = 'cloud-api' | 'cloud-self-hosted' | 'on-premises';
export type Strategy = TargetType | 'hybrid';
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
  sources?: Source[];
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
  /** Needed when a health, financial or payment-card class says `regulated: false` (RW-DATA-006). */
  regulatedExemption?: RegulatedExemption;
}

export interface RegulatedExemption {
  reason?: string;
  approvedBy?: string;
  expires?: string;
}

export interface Workload {
  id: string;
  dataClasses: string[];
  /** Default true: one request may carry several of the workload's classes. */
  mixesDataClasses?: boolean;
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
  fallbacks?: Fallback[];
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
  processingScope?: ProcessingScope;
  dataZone?: string;
  /** Names this target has in the LLM gateway (drift check). */
  gatewayModels?: string[];
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
  autoscaling?: Autoscaling;
  /** Price per GPU-hour (hourlyUsd is the whole target's). */
  gpuHourlyUsd?: number;
  /** Measured output tokens per second per GPU. */
  throughputTokensPerSecond?: number;
}

export interface Autoscaling {
  minReplicas: number;
  maxReplicas: number;
}

export type ProcessingScope = 'regional' | 'data-zone' | 'global';
export type FallbackTrigger = 'outage' | 'rate-limit' | 'context-window' | 'content-policy' | 'timeout';

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

export interface Fallback {
  from: string;
  to: string;
  /** Absent means every kind of failure. */
  on?: FallbackTrigger[];
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

/** Configuration that really routes or serves traffic, read by the drift check. */
export interface Source {
  type: 'litellm' | 'kubernetes';
  /** Relative to the manifest's folder. */
  path: string;
}
