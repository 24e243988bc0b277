// The normalised policy input: what every rule sees as `input`. Derived values (regulated
// defaults, openWeights defaults, who reaches which target and how) are computed once here in
// TypeScript, so rules stay short. Documented for rule authors in docs/policy-input.md.
import type { InputObserved } from './observed.ts';

/** Keys and indices into the manifest, e.g. ['deployment', 'routing', 2, 'to']. */
import type { Category, Strategy, TargetType } from '../manifest/manifest.ts';
import type { InputRoute, ManifestPath, MixedLanding, Reach } from '../manifest/routing.ts';

export type { Category, Strategy, TargetType };
export type { InputRoute, ManifestPath, MixedLanding, Reach };

export interface InputDataClass {
  id: string;
  category: Category;
  /** As declared, or the default: true for health, financial, payment-card. */
  regulated: boolean;
  regulations: string[];
  /** Places where this data may be processed (blocs, countries, region codes), lower-cased; null when unrestricted. */
  residency: string[] | null;
  /** Ids of workloads that use this class. */
  usedBy: string[];
  path: ManifestPath;
}

export interface InputWorkload {
  id: string;
  dataClasses: string[];
  customization: 'prompting' | 'rag' | 'fine-tuning' | 'deep-modification';
  /** As declared, or true: one request may carry several of its classes. */
  mixesDataClasses: boolean;
  volume: {
    tokensPerMonth: number;
    pattern: 'steady' | 'spiky' | 'unpredictable';
    /** As declared, or 1. */
    peakToAverage: number;
  };
  /** Ids of every target this workload reaches (by route, default or burst), sorted. */
  targets: string[];
  /** Ids of the targets it reaches by routing/default only (no burst, no fallback), sorted. */
  routedTargets: string[];
  path: ManifestPath;
}

export interface InputTarget {
  id: string;
  type: TargetType;
  model: string;
  provider: string | null;
  /** As declared, lower-cased. */
  region: string | null;
  /** As declared, or 'regional'. */
  processingScope: 'regional' | 'data-zone' | 'global';
  /** As declared, lower-cased; meaningful with processingScope 'data-zone'. */
  dataZone: string | null;
  /** Every target not on premises: cloud APIs and rented GPUs alike process the data. */
  thirdParty: boolean;
  /** As declared, or the default: false for cloud-api, true otherwise. */
  openWeights: boolean;
  /** Each flag as declared, or false. */
  agreements: { baa: boolean; dpa: boolean; zeroDataRetention: boolean; trainingOptOut: boolean };
  hardware: {
    gpus: number | null;
    gpuType: string | null;
    /** The GPU family its type names (`NVIDIA H100 80GB` is h100), to compare with a cluster's; null without a type. */
    gpuFamily: string | null;
    capexUsd: number | null;
    hourlyUsd: number | null;
    autoscaling: { minReplicas: number; maxReplicas: number } | null;
  } | null;
  /** Listed in deployment.monitoring. */
  monitored: boolean;
  /** The tools its monitoring entries name (empty when unmonitored or when no tool is named). */
  monitoringTools: string[];
  /** Ids of workloads that reach this target by any means, sorted. */
  reachedBy: string[];
  path: ManifestPath;
}

export interface InputWaiver {
  index: number;
  rule: string;
  target: string | null;
  reason: string | null;
  approvedBy: string | null;
  expires: string | null;
  /** expires < today. */
  expired: boolean;
  path: ManifestPath;
}

export interface PolicyInput {
  /** The manifest as written (after validation), for custom rules that need any field. */
  manifest: Record<string, unknown>;
  /** Today's date, YYYY-MM-DD (from --now, or the clock). */
  today: string;
  strategy: Strategy;
  dataClasses: InputDataClass[];
  workloads: InputWorkload[];
  targets: InputTarget[];
  /** Every reach, ordered by workload, data class, then target as declared. */
  reaches: Reach[];
  /** Classes a mixed request carries to a target their own routing would not choose. */
  mixedLandings: MixedLanding[];
  /** (workload, data class) pairs that no routing rule sends anywhere. */
  unrouted: { workload: string; dataClass: string; path: ManifestPath }[];
  /** deployment.routing, empty when absent; `routingDeclared` tells the two apart. */
  routing: InputRoute[];
  routingDeclared: boolean;
  burst: { to: string; excludeDataClasses: string[]; path: ManifestPath } | null;
  /** deployment.fallbacks; `on` as declared or every failure kind. */
  fallbacks: { index: number; from: string; to: string; on: string[]; excludeDataClasses: string[]; path: ManifestPath }[];
  team: { mlopsEngineers: number; skills: string[]; path: ManifestPath };
  timeline: {
    launchBy: string | null;
    weeksToLaunch: number | null;
    /** From weeksToLaunch, or (launchBy - today) / 7 days, possibly fractional or negative; null when neither is given. */
    weeksUntilLaunch: number | null;
    path: ManifestPath;
  };
  budget: { monthlyUsd: number | null; capexUsd: number | null; path: ManifestPath } | null;
  waivers: InputWaiver[];
  totals: { tokensPerMonth: number };
  /** The numbers behind the decision (spec/cost.md); null when no cost settings are loaded. */
  cost: InputCost | null;
  /** Ids of every rule the loaded policies can report (for RW-WAIVE-001). */
  knownRuleIds: string[];
  /** What the real configuration (LLM gateway, clusters) says, from the manifest's sources; empty lists without sources. */
  observed: InputObserved;
}

export interface InputCostWorkload {
  id: string;
  tokensPerMonth: number;
  /** Every target its routing charges is a cloud API. */
  apiOnly: boolean;
  apiModels: string[];
  /** USD a month on its cloud APIs; null when it has none or one is unpriced. */
  apiMonthlyUsd: number | null;
  /** `apiMonthlyUsd` as the messages write it ("$51,000"); null when it is null or too large to write ahead. */
  apiMonthlyUsdText: string | null;
  /** The fixed self-hosted comparator sized for it; null when it uses no cloud API. */
  option: { gpuType: string; gpus: number; utilization: number; monthlyUsd: number; monthlyUsdText: string | null; modelParamsB: number } | null;
  /** What its self-hosted share would cost on the API option; null without one. */
  apiOptionMonthlyUsd: number | null;
  breakEvenTokensPerMonth: number | null;
  path: ManifestPath;
}

export interface InputCostTarget {
  id: string;
  type: 'cloud-self-hosted' | 'on-premises';
  gpus: number | null;
  gpuType: string | null;
  modelParamsB: number | null;
  precision: string;
  memoryNeededGb: number | null;
  memoryGb: number | null;
  fitsModel: boolean | null;
  peakOutputTokensPerSecond: number;
  capacityTokensPerSecond: number | null;
  peakCapacityOk: boolean | null;
  monthlyUsd: number | null;
  capexUsd: number | null;
  path: ManifestPath;
}

export interface InputCost {
  priceBook: { package: string; version: string; date: string; ageDays: number; maxAgeDays: number; stale: boolean };
  selfHostSavingsRatio: number;
  workloads: InputCostWorkload[];
  /** Self-hosted and on-premises targets. */
  targets: InputCostTarget[];
  unpriced: { target: string; provider: string | null; model: string; reason: string; path: ManifestPath }[];
  /** The `...UsdText` fields write amounts as the messages do ("$51,000"); null when too large to write ahead. */
  ownTargets: {
    monthlyUsd: number;
    monthlyUsdText: string | null;
    apiAlternativeMonthlyUsd: number;
    apiAlternativeMonthlyUsdText: string | null;
    /** monthlyUsd - apiAlternativeMonthlyUsd, written. */
    premiumMonthlyUsdText: string | null;
    apiAlternative: string;
    requiredBy: string[];
  } | null;
  totals: {
    apiMonthlyUsd: number;
    selfHostedMonthlyUsd: number;
    staffMonthlyUsd: number;
    monthlyUsd: number;
    budgetMonthlyUsd: number | null;
    capexUsd: number;
    budgetCapexUsd: number | null;
    apiMonthlyUsdText: string | null;
    selfHostedMonthlyUsdText: string | null;
    staffMonthlyUsdText: string | null;
    monthlyUsdText: string | null;
    budgetMonthlyUsdText: string | null;
  };
}
