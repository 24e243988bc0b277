// Builds the policy input from a validated manifest: defaults applied, reaches resolved, dates
// turned into weeks. Pure; `today` and the known rule ids come from the caller.
import type { Category, DataClass, Manifest, Target } from '../manifest/manifest.ts';
import type { InputDataClass, InputTarget, InputWaiver, InputWorkload, PolicyInput } from './policy-input.ts';
import { resolveRouting } from '../manifest/routing.ts';
import { settingName } from '../manifest/setting-name.ts';
import { inferenceProfileOf, type ProcessingScope } from '../manifest/inference-profile.ts';
import { buildObserved, gpuFamily } from './observed.ts';
import type { SourceFacts } from '../sources/observed.ts';
import { costFacts, type CostContext } from './cost-facts.ts';

export interface BuildOptions {
  /** YYYY-MM-DD. */
  today: string;
  knownRuleIds: string[];
  /** What the manifest's sources (gateway, clusters) say; none when it names no sources. */
  observed?: readonly SourceFacts[];
  /** Settings and price table for the cost facts; without them `cost` is null. */
  cost?: CostContext;
}

const REGULATED_BY_DEFAULT: ReadonlySet<Category> = new Set(['health', 'financial', 'payment-card']);
const DAY_MS = 24 * 60 * 60 * 1000;
const FALLBACK_TRIGGERS = ['outage', 'rate-limit', 'context-window', 'content-policy', 'timeout'] as const;

export function buildPolicyInput(manifest: Manifest, options: BuildOptions): PolicyInput {
  const { deployment } = manifest;
  const { reaches, unrouted, routing, mixedLandings } = resolveRouting(manifest);

  // Who reaches what, gathered in one pass over the reaches rather than one per workload and target.
  const reached = new Map<string, Set<string>>();
  const routed = new Map<string, Set<string>>();
  const reachedBy = new Map<string, Set<string>>();
  for (const r of reaches) {
    addTo(reached, r.workload, r.target);
    if (r.via !== 'burst' && r.via !== 'fallback') addTo(routed, r.workload, r.target);
    addTo(reachedBy, r.target, r.workload);
  }
  const workloadTargets = (workload: string, routedOnly: boolean) => sortedIds((routedOnly ? routed : reached).get(workload));
  const monitored = new Set((deployment.monitoring ?? []).map((m) => m.target));
  const toolsOf = (target: string) =>
    monitored.has(target) ? sortedUnique((deployment.monitoring ?? []).filter((m) => m.target === target).flatMap((m) => m.tools ?? [])) : [];

  const dataClasses = manifest.dataClasses.map(
    (d, i): InputDataClass => ({
      id: d.id,
      category: d.category,
      regulated: isRegulated(d),
      // As the settings name them: `HIPAA` or `PCI DSS` must meet the same rules as hipaa and pci-dss.
      regulations: [...new Set((d.regulations ?? []).map(settingName))],
      residency: d.residency?.map((place) => place.toLowerCase()) ?? null,
      usedBy: manifest.workloads.filter((w) => w.dataClasses.includes(d.id)).map((w) => w.id),
      path: ['dataClasses', i],
    }),
  );

  const workloads = manifest.workloads.map(
    (w, i): InputWorkload => ({
      id: w.id,
      dataClasses: w.dataClasses,
      customization: w.customization,
      mixesDataClasses: w.mixesDataClasses ?? true,
      volume: {
        tokensPerMonth: w.volume.tokensPerMonth,
        pattern: w.volume.pattern,
        peakToAverage: w.volume.peakToAverage ?? 1,
      },
      targets: workloadTargets(w.id, false),
      routedTargets: workloadTargets(w.id, true),
      path: ['workloads', i],
    }),
  );

  const targets = deployment.targets.map(
    (t, i): InputTarget => ({
      id: t.id,
      type: t.type,
      model: t.model,
      provider: t.provider ?? null,
      // Azure's display names are its region codes with spaces (`Sweden Central` is swedencentral).
      region: t.region === undefined ? null : t.region.toLowerCase().replace(/\s+/g, ''),
      ...processingOf(t),
      thirdParty: t.type !== 'on-premises',
      openWeights: t.openWeights ?? t.type !== 'cloud-api',
      agreements: {
        baa: t.agreements?.baa ?? false,
        dpa: t.agreements?.dpa ?? false,
        zeroDataRetention: t.agreements?.zeroDataRetention ?? false,
        trainingOptOut: t.agreements?.trainingOptOut ?? false,
      },
      hardware: hardwareOf(t),
      monitored: monitored.has(t.id),
      monitoringTools: toolsOf(t.id),
      reachedBy: sortedIds(reachedBy.get(t.id)),
      path: ['deployment', 'targets', i],
    }),
  );

  const waivers = (manifest.waivers ?? []).map(
    (w, index): InputWaiver => ({
      index,
      rule: w.rule,
      target: w.target ?? null,
      reason: w.reason ?? null,
      approvedBy: w.approvedBy ?? null,
      expires: w.expires ?? null,
      expired: w.expires !== undefined && w.expires < options.today,
      path: ['waivers', index],
    }),
  );

  const timeline = manifest.timeline;
  return {
    manifest: manifest as unknown as Record<string, unknown>,
    today: options.today,
    strategy: deployment.strategy,
    dataClasses,
    workloads,
    targets,
    reaches,
    mixedLandings,
    unrouted,
    routing,
    routingDeclared: deployment.routing !== undefined,
    burst: deployment.burst
      ? { to: deployment.burst.to, excludeDataClasses: deployment.burst.excludeDataClasses ?? [], path: ['deployment', 'burst'] }
      : null,
    fallbacks: (deployment.fallbacks ?? []).map((f, index) => ({
      index,
      from: f.from,
      to: f.to,
      on: f.on ?? [...FALLBACK_TRIGGERS],
      excludeDataClasses: f.excludeDataClasses ?? [],
      path: ['deployment', 'fallbacks', index],
    })),
    team: {
      mlopsEngineers: manifest.team?.mlopsEngineers ?? 0,
      skills: [...new Set((manifest.team?.skills ?? []).map(settingName))],
      path: ['team'],
    },
    timeline: {
      launchBy: timeline?.launchBy ?? null,
      weeksToLaunch: timeline?.weeksToLaunch ?? null,
      weeksUntilLaunch: weeksUntilLaunch(timeline?.launchBy, timeline?.weeksToLaunch, options.today),
      path: ['timeline'],
    },
    budget: manifest.budget
      ? { monthlyUsd: manifest.budget.monthlyUsd ?? null, capexUsd: manifest.budget.capexUsd ?? null, path: ['budget'] }
      : null,
    waivers,
    totals: { tokensPerMonth: manifest.workloads.reduce((sum, w) => sum + w.volume.tokensPerMonth, 0) },
    cost: options.cost ? costFacts(manifest, options.cost, options.today, dataClasses, reaches) : null,
    knownRuleIds: [...options.knownRuleIds],
    observed: buildObserved(manifest, options.observed ?? []),
  };
}

const SCOPE_WIDTH: Record<ProcessingScope, number> = { regional: 0, 'data-zone': 1, global: 2 };

/**
 * Where a target may process a request: as declared (default regional), or wider when a cloud
 * API's model id is an inference profile (`global.anthropic...` may run in any Region, whatever
 * `processingScope` says; `eu.anthropic...` anywhere in the EU zone).
 */
function processingOf(t: Target): { processingScope: ProcessingScope; dataZone: string | null } {
  const declared = { processingScope: t.processingScope ?? 'regional', dataZone: t.dataZone?.toLowerCase() ?? null };
  const profile = t.type === 'cloud-api' ? inferenceProfileOf(t.model) : undefined;
  if (profile === undefined || SCOPE_WIDTH[profile.scope] < SCOPE_WIDTH[declared.processingScope]) return declared;
  return { processingScope: profile.scope, dataZone: profile.zone };
}

function isRegulated(d: DataClass): boolean {
  return d.regulated ?? REGULATED_BY_DEFAULT.has(d.category);
}

function hardwareOf(t: Target): InputTarget['hardware'] {
  if (!t.hardware) return null;
  return {
    gpus: t.hardware.gpus ?? null,
    gpuType: t.hardware.gpuType ?? null,
    gpuFamily: t.hardware.gpuType === undefined ? null : gpuFamily(t.hardware.gpuType),
    capexUsd: t.hardware.capexUsd ?? null,
    hourlyUsd: t.hardware.hourlyUsd ?? null,
    autoscaling: t.hardware.autoscaling
      ? { minReplicas: t.hardware.autoscaling.minReplicas, maxReplicas: t.hardware.autoscaling.maxReplicas }
      : null,
  };
}

function weeksUntilLaunch(launchBy: string | undefined, weeksToLaunch: number | undefined, today: string): number | null {
  if (weeksToLaunch !== undefined) return weeksToLaunch;
  if (launchBy === undefined) return null;
  return (dayNumber(launchBy) - dayNumber(today)) / 7;
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function sortedUnique(ids: string[]): string[] {
  return [...new Set(ids)].sort();
}

function sortedIds(ids: Set<string> | undefined): string[] {
  return ids === undefined ? [] : [...ids].sort();
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) index.set(key, new Set([id]));
  else ids.add(id);
}
