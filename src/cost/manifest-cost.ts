// The cost of one manifest (spec/cost.md): each workload's API cost and self-hosted option, each
// self-hosted or on-premises target's size and monthly cost, and the totals. Pure: the manifest,
// the settings, the price table and today's date in; numbers out, unrounded.
import { gpuTypeKey } from './gpu-type.ts';
import { byProvider, providerKey } from './provider-key.ts';
import type { Manifest, Target, Workload } from '../manifest/manifest.ts';
import { resolveRouting } from '../manifest/routing.ts';
import type { Reach } from '../manifest/routing.ts';
import { allocate } from './allocation.ts';
import { apiMonthlyUsd, type RequestShape } from './api-cost.ts';
import { breakEvenTokensPerMonth } from './break-even.ts';
import type { CostSettings, Precision } from './cost-settings.ts';
import { findModelPrices, type ModelPrices } from './price-book.ts';
import type { PriceTable } from './price-table-types.ts';
import { breakdownTotal, cloudGpuMonthlyUsd, onPremisesMonthly, staffMonthlyUsd, type CostBreakdown } from './self-hosted-cost.ts';
import { selfHostedOption, type OptionShape, type SelfHostedOption } from './self-hosted-option.ts';
import { averageOutputTokensPerSecond, gpusPerReplica, memoryNeededGb, modelParamsBOf, tableThroughput } from './sizing.ts';

export interface ApiShare {
  target: string;
  provider: string | null;
  /** `pricing` (the target's own prices), `price-book`, or null when unpriced. */
  priceSource: 'pricing' | 'price-book' | null;
  model: string;
  /** The price book's model id that matched, when priced from the book. */
  bookModel?: string;
  priced: boolean;
  share: number;
  monthlyUsd: number | null;
  /** Why the target could not be priced. */
  reason?: string;
}

export interface ApiOption {
  target: string | null;
  provider: string;
  model: string;
  monthlyUsd: number;
}

export interface WorkloadCost {
  id: string;
  tokensPerMonth: number;
  requestsPerMonth: number;
  /** Present (true) when the split over several targets was not declared but assumed equal. */
  sharesAssumed?: true;
  api: ApiShare[];
  /** Shares on self-hosted and on-premises targets, when the workload has any. */
  selfHosted?: { target: string; share: number }[];
  selfHostedOption: (Omit<SelfHostedOption, 'modelParamsB' | 'gpuMonthlyUsd' | 'staffMonthlyUsd'> & Partial<SelfHostedOption>) | null;
  /** What the self-hosted share would cost on a cloud API, when the workload has one. */
  apiOption?: ApiOption;
  breakEvenTokensPerMonth: number | null;
}

export interface TargetCost {
  id: string;
  type: 'cloud-self-hosted' | 'on-premises';
  gpus: number | null;
  fitsModel: boolean | null;
  peakCapacityOk: boolean | null;
  monthlyUsd: number | null;
  breakdown: CostBreakdown;
  /** What could not be judged, in words (an unknown model size, GPU type or count). */
  unjudged?: string[];
}

/** Figures the rules need beyond what the report prints. */
export interface TargetDetail {
  modelParamsB: number | null;
  precision: Precision;
  memoryNeededGb: number | null;
  memoryGb: number | null;
  gpuType: string | null;
  peakOutputTokensPerSecond: number;
  capacityTokensPerSecond: number | null;
  capexUsd: number | null;
}

export interface ManifestCost {
  workloads: WorkloadCost[];
  targets: TargetCost[];
  totals: { apiMonthlyUsd: number; selfHostedMonthlyUsd: number; staffMonthlyUsd: number; monthlyUsd: number; budgetMonthlyUsd: number | null };
  /** Per target id, for the rules. */
  details: Record<string, TargetDetail>;
  /** Capex of on-premises targets, summed. */
  capexUsd: number;
}

/** `reaches` are the manifest's, as resolveRouting gives them; a caller that has them passes them. */
export function manifestCost(
  manifest: Manifest,
  settings: CostSettings,
  table: PriceTable,
  today: string,
  reaches: readonly Reach[] = resolveRouting(manifest).reaches,
): ManifestCost {
  const targetsById = new Map(manifest.deployment.targets.map((t) => [t.id, t]));
  const engineers = manifest.team?.mlopsEngineers ?? 0;
  const engineerAnnualCostUsd = manifest.team?.engineerAnnualCostUsd ?? settings.engineerAnnualCostUsd;
  const priceOf = pricer(settings, table, today);
  const fallbackApi = cheapestApiPrices(manifest.deployment.targets, priceOf) ?? comparisonApiOf(settings, table, today, priceOf);

  const load = new Map<string, { avg: number; peak: number }>();
  const workloads = manifest.workloads.map((w): WorkloadCost => {
    const shape = requestShape(w, settings);
    const own = reaches.filter((r) => r.workload === w.id);
    const charged = [...new Set(own.filter((r) => PRIMARY_VIAS.has(r.via)).map((r) => r.target))];
    const allocation = allocate(charged, w.volume.shareByTarget);
    const tokens = w.volume.tokensPerMonth;
    const peakToAverage = w.volume.peakToAverage ?? 1;
    const avg = averageOutputTokensPerSecond(tokens, shape.inputShare, settings.hoursPerMonth);
    const api: ApiShare[] = [];
    const pricedShares: { share: number; prices: PriceSet; discount: number | undefined }[] = [];
    const selfHosted: { target: string; share: number }[] = [];
    for (const [id, share] of Object.entries(allocation.shares)) {
      const t = targetsById.get(id);
      if (!t) continue;
      if (t.type === 'cloud-api') {
        const priced = priceOf(t);
        const discount = batchDiscountFor(t, settings);
        api.push(apiShare(t, share, tokens, shape, priced, discount));
        if (priced.ok && share > 0) pricedShares.push({ share, prices: priced.prices, discount });
      } else {
        selfHosted.push({ target: id, share });
        const l = load.get(id) ?? { avg: 0, peak: 0 };
        load.set(id, { avg: l.avg + share * avg, peak: l.peak + share * avg * peakToAverage });
      }
    }
    // Burst and fallback targets are not charged, but sized for the peak they may take over.
    for (const [id, share] of Object.entries(standInShares(own, allocation.shares, manifest.deployment.fallbacks ?? []))) {
      if (targetsById.get(id)?.type === 'cloud-api') continue;
      const l = load.get(id) ?? { avg: 0, peak: 0 };
      load.set(id, { avg: l.avg, peak: l.peak + share * avg * peakToAverage });
    }
    const optionShape: OptionShape = { inputShare: shape.inputShare, peakToAverage, engineers, engineerAnnualCostUsd };
    const option = api.length > 0 ? selfHostedOption(settings, tokens, optionShape) : undefined;
    const selfHostedShare = selfHosted.reduce((s, x) => s + x.share, 0);
    const apiOption =
      selfHosted.length > 0 && fallbackApi
        ? { target: fallbackApi.target, provider: fallbackApi.provider, model: fallbackApi.model, monthlyUsd: apiMonthlyUsd(fallbackApi.prices, tokens * selfHostedShare, shape, fallbackApi.batchDiscount) }
        : undefined;
    // The API's cost of V tokens: the workload's own priced API targets in their shares, else (for a
    // workload on own targets only) the API option. An unpriced API leaves the break-even unknown.
    const pricedShare = pricedShares.reduce((sum, p) => sum + p.share, 0);
    const apiCostAt =
      pricedShare > 0
        ? (v: number) => pricedShares.reduce((sum, p) => sum + apiMonthlyUsd(p.prices, (v * p.share) / pricedShare, shape, p.discount), 0)
        : fallbackApi && api.length === 0
          ? (v: number) => apiMonthlyUsd(fallbackApi.prices, v, shape, fallbackApi.batchDiscount)
          : undefined;
    return {
      id: w.id,
      tokensPerMonth: tokens,
      requestsPerMonth: tokens / shape.tokensPerRequest,
      ...(allocation.assumed ? { sharesAssumed: true as const } : {}),
      api,
      ...(selfHosted.length > 0 ? { selfHosted } : {}),
      selfHostedOption: option ? { gpuType: option.gpuType, gpus: option.gpus, utilization: option.utilization, monthlyUsd: option.monthlyUsd } : null,
      ...(apiOption ? { apiOption } : {}),
      breakEvenTokensPerMonth: apiCostAt ? breakEvenTokensPerMonth(settings, apiCostAt, tokens, optionShape) : null,
    };
  });

  const ownTargets = manifest.deployment.targets.filter((t) => t.type !== 'cloud-api');
  const staffTotal = ownTargets.length > 0 ? staffMonthlyUsd(engineers, engineerAnnualCostUsd) : 0;
  const gpuCount = ownTargets.reduce((s, t) => s + (t.hardware?.gpus ?? 0), 0);
  const details: Record<string, TargetDetail> = {};
  const targets = ownTargets.map((t): TargetCost => {
    const staffShare = gpuCount > 0 ? (t.hardware?.gpus ?? 0) / gpuCount : 1 / ownTargets.length;
    const { cost, detail } = ownTargetCost(t, settings, load.get(t.id) ?? { avg: 0, peak: 0 }, staffTotal * staffShare);
    details[t.id] = detail;
    return cost;
  });

  const apiMonthly = workloads.reduce((s, w) => s + w.api.reduce((a, x) => a + (x.monthlyUsd ?? 0), 0), 0);
  const selfHostedMonthly = targets.reduce((s, t) => s + (t.monthlyUsd === null ? 0 : t.monthlyUsd - t.breakdown.staff), 0);
  return {
    workloads,
    targets,
    totals: {
      apiMonthlyUsd: apiMonthly,
      selfHostedMonthlyUsd: selfHostedMonthly,
      staffMonthlyUsd: staffTotal,
      monthlyUsd: apiMonthly + selfHostedMonthly + staffTotal,
      budgetMonthlyUsd: manifest.budget?.monthlyUsd ?? null,
    },
    details,
    capexUsd: ownTargets.reduce((s, t) => s + (t.type === 'on-premises' ? (t.hardware?.capexUsd ?? 0) : 0), 0),
  };
}

/** Routing (a rule, the default, or none at all), as opposed to burst and fallbacks. */
const PRIMARY_VIAS: ReadonlySet<Reach['via']> = new Set(['route', 'default', 'unrestricted']);

/**
 * The share of a workload's traffic each burst or fallback target may take over beyond what is
 * routed to it: a burst target all the workload's routed traffic, a fallback what the target it
 * stands in for may receive (itself perhaps a fallback), never more than the whole workload.
 */
function standInShares(reaches: readonly Reach[], routed: Record<string, number>, fallbacks: readonly { from: string }[]): Record<string, number> {
  const standIns = reaches.filter((r) => !PRIMARY_VIAS.has(r.via));
  if (standIns.length === 0) return {};
  const whole = Object.values(routed).reduce((sum, share) => sum + share, 0);
  const received = new Map<string, number>();
  const visiting = new Set<string>();
  const mayReceive = (id: string): number => {
    const known = received.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let share = routed[id] ?? 0;
    const seen = new Set<string>();
    for (const r of standIns) {
      if (r.target !== id) continue;
      const key = `${r.via}\u0000${r.fallback}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const from = r.via === 'fallback' && r.fallback !== null ? fallbacks[r.fallback]?.from : undefined;
      share += r.via === 'burst' ? whole : from === undefined ? 0 : mayReceive(from);
    }
    visiting.delete(id);
    const capped = Math.min(whole, share);
    received.set(id, capped);
    return capped;
  };
  const extra: Record<string, number> = {};
  for (const id of new Set(standIns.map((r) => r.target))) {
    const more = mayReceive(id) - (routed[id] ?? 0);
    if (more > 0) extra[id] = more;
  }
  return extra;
}

function requestShape(w: Workload, settings: CostSettings): RequestShape {
  return {
    tokensPerRequest: w.volume.tokensPerRequest ?? settings.defaultTokensPerRequest,
    inputShare: w.volume.inputShare ?? settings.defaultInputShare,
    cachedInputShare: w.volume.cachedInputShare ?? 0,
    batchShare: w.volume.batchShare ?? 0,
  };
}

type PriceSet = Pick<ModelPrices, 'input' | 'output' | 'cachedInput'>;
type Priced = { ok: true; source: 'pricing' | 'price-book'; prices: PriceSet; bookModel?: string } | { ok: false; reason: string };

function pricer(settings: CostSettings, table: PriceTable, today: string): (t: Pick<Target, 'provider' | 'model' | 'pricing'>) => Priced {
  return (t) => {
    if (t.pricing) {
      const p = t.pricing;
      return {
        ok: true,
        source: 'pricing',
        prices: { input: p.inputPerMillionUsd, output: p.outputPerMillionUsd, ...(p.cachedInputPerMillionUsd !== undefined ? { cachedInput: p.cachedInputPerMillionUsd } : {}) },
      };
    }
    const bookProvider = t.provider === undefined ? undefined : byProvider(settings.priceBookProviders, t.provider, settings.providerAliases);
    if (bookProvider === undefined) {
      return { ok: false, reason: `provider ${t.provider ?? '(none)'} is not in priceBookProviders, and the target has no pricing` };
    }
    const found = findModelPrices(table, bookProvider, t.model, today);
    return found.ok ? { ok: true, source: 'price-book', prices: found.prices, bookModel: found.prices.model } : { ok: false, reason: `${found.reason}, and the target has no pricing` };
  };
}

function batchDiscountFor(t: Pick<Target, 'provider'>, settings: CostSettings): number | undefined {
  if (t.provider === undefined) return undefined;
  let batch = BATCH_KEYS.get(settings);
  if (!batch) BATCH_KEYS.set(settings, (batch = new Set(settings.batchPricingProviders.map((name) => providerKey(name, settings.providerAliases)))));
  return batch.has(providerKey(t.provider, settings.providerAliases)) ? settings.batchDiscount : undefined;
}

/** The batch providers by their settings names, worked out once per run's settings. */
const BATCH_KEYS = new WeakMap<CostSettings, Set<string>>();

function apiShare(t: Target, share: number, tokens: number, shape: RequestShape, priced: Priced, discount: number | undefined): ApiShare {
  const base = { target: t.id, provider: t.provider ?? null, model: t.model };
  if (!priced.ok) return { ...base, priceSource: null, priced: false, share, monthlyUsd: null, reason: priced.reason };
  return {
    ...base,
    priceSource: priced.source,
    ...(priced.bookModel !== undefined ? { bookModel: priced.bookModel } : {}),
    priced: true,
    share,
    monthlyUsd: apiMonthlyUsd(priced.prices, tokens * share, shape, discount),
  };
}

interface CheapestApi {
  target: string | null;
  provider: string;
  model: string;
  prices: PriceSet;
  batchDiscount: number | undefined;
}

function cheapestApiPrices(targets: Target[], priceOf: ReturnType<typeof pricer>): CheapestApi | undefined {
  let best: (CheapestApi & { perRequest: number }) | undefined;
  for (const t of targets) {
    if (t.type !== 'cloud-api') continue;
    const priced = priceOf(t);
    if (!priced.ok) continue;
    const perRequest = apiMonthlyUsd(priced.prices, 4000, { tokensPerRequest: 4000, inputShare: 0.75, cachedInputShare: 0, batchShare: 0 }, undefined);
    if (!best || perRequest < best.perRequest) best = { target: t.id, provider: t.provider ?? '', model: t.model, prices: priced.prices, batchDiscount: undefined, perRequest };
  }
  return best && { target: best.target, provider: best.provider, model: best.model, prices: best.prices, batchDiscount: undefined };
}

/** The comparison API is the same for every manifest of a run: priced once per settings, table and day. */
const COMPARISON_APIS = new WeakMap<CostSettings, { table: PriceTable; today: string; api: CheapestApi | undefined }>();

function comparisonApiOf(settings: CostSettings, table: PriceTable, today: string, priceOf: ReturnType<typeof pricer>): CheapestApi | undefined {
  const known = COMPARISON_APIS.get(settings);
  if (known && known.table === table && known.today === today) return known.api;
  const api = comparisonApi(settings, priceOf);
  COMPARISON_APIS.set(settings, { table, today, api });
  return api;
}

function comparisonApi(settings: CostSettings, priceOf: ReturnType<typeof pricer>): CheapestApi | undefined {
  const priced = priceOf({ provider: settings.costComparisonApiProvider, model: settings.costComparisonApiModel });
  return priced.ok ? { target: null, provider: settings.costComparisonApiProvider, model: settings.costComparisonApiModel, prices: priced.prices, batchDiscount: undefined } : undefined;
}

function ownTargetCost(t: Target, settings: CostSettings, load: { avg: number; peak: number }, staff: number): { cost: TargetCost; detail: TargetDetail } {
  const type = t.type as TargetCost['type'];
  const hw = t.hardware ?? {};
  const gpus = hw.gpus ?? null;
  // The settings' name for the GPU when they know it (`NVIDIA H100 80GB` is h100), else as written.
  const gpuType = hw.gpuType === undefined ? null : (gpuTypeKey(hw.gpuType, settings.gpuMemoryGb) ?? hw.gpuType.toLowerCase());
  const precision = t.precision ?? 'bf16';
  const params = modelParamsBOf(t.model, t.modelParamsB, settings.openModelParamsB) ?? null;
  const memory = gpuType === null ? undefined : settings.gpuMemoryGb[gpuType];
  const unjudged: string[] = [];
  if (params === null) unjudged.push(`the size of model ${t.model} (add modelParamsB)`);
  if (gpus === null) unjudged.push('the GPU count (add hardware.gpus)');
  if (gpuType === null) unjudged.push('the GPU type (add hardware.gpuType)');
  else if (memory === undefined) unjudged.push(`GPU type ${gpuType} (not in gpuMemoryGb)`);

  const needed = params === null ? null : memoryNeededGb(params, precision);
  const fitsModel = needed !== null && gpus !== null && memory !== undefined ? needed <= gpus * memory : null;

  const throughput = hw.throughputTokensPerSecond ?? (gpuType !== null && params !== null ? tableThroughput(settings, gpuType, params) : undefined);
  if (throughput === undefined && gpuType !== null && params !== null) unjudged.push(`the throughput of ${gpuType} (add hardware.throughputTokensPerSecond)`);
  const perReplica = params !== null && memory !== undefined ? gpusPerReplica(params, precision, memory) : 1;
  const servingGpus = gpus === null ? null : Math.floor(gpus / perReplica) * perReplica;
  // A model that does not fit serves nothing: that is RW-CAP-001's to say, so capacity stays unknown.
  const capacity = throughput !== undefined && servingGpus !== null && fitsModel !== false ? servingGpus * throughput * settings.replicaLoadFactor : null;
  // `gpus` is what runs at the lowest load; an autoscaled target grows by maxReplicas/minReplicas
  // to meet its peak, so the peak is judged against that grown capacity.
  const scale = hw.autoscaling ? hw.autoscaling.maxReplicas / Math.max(1, hw.autoscaling.minReplicas) : 1;
  const peakCapacityOk = capacity === null ? null : load.peak <= capacity * Math.max(1, scale);

  const breakdown: CostBreakdown = { gpu: 0, capexAmortized: 0, support: 0, power: 0, staff };
  let priced = true;
  if (type === 'cloud-self-hosted') {
    const rate = hw.gpuHourlyUsd ?? (gpuType === null ? undefined : settings.gpuHourlyUsd[gpuType]);
    if (hw.hourlyUsd !== undefined && hw.hourlyUsd > 0) breakdown.gpu = cloudGpuMonthlyUsd(settings, 0, 0, hw.hourlyUsd);
    else if (rate !== undefined && gpus !== null) breakdown.gpu = cloudGpuMonthlyUsd(settings, gpus, rate);
    else {
      priced = false;
      unjudged.push('the GPU-hour price (add hardware.gpuHourlyUsd or hourlyUsd)');
    }
  } else {
    const power = gpuType === null ? undefined : settings.gpuPowerKw[gpuType];
    if (hw.capexUsd === undefined) unjudged.push('the purchase price (add hardware.capexUsd)');
    if (power === undefined || gpus === null) unjudged.push('the power draw (GPU type or count unknown)');
    Object.assign(breakdown, onPremisesMonthly(settings, hw.capexUsd ?? 0, gpus ?? 0, power ?? 0));
  }
  return {
    cost: {
      id: t.id,
      type,
      gpus,
      fitsModel,
      peakCapacityOk,
      monthlyUsd: priced ? breakdownTotal(breakdown) : null,
      breakdown,
      ...(unjudged.length > 0 ? { unjudged } : {}),
    },
    detail: {
      modelParamsB: params,
      precision,
      memoryNeededGb: needed,
      memoryGb: memory === undefined || gpus === null ? null : memory * gpus,
      gpuType,
      peakOutputTokensPerSecond: load.peak,
      capacityTokensPerSecond: capacity,
      capexUsd: hw.capexUsd ?? null,
    },
  };
}
