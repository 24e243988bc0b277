// Builds `input.observed` from the facts the source readers produced: each gateway deployment
// and cluster workload matched to the manifest target it stands for, with what rules need to
// judge it (where it may process data, which agreements cover it). Pure.
import type { SourcePosition } from '../problems/problem.ts';
import type { ClusterDeployment, GatewayDeployment, GatewayFallback, GatewayGuardrail, SourceFacts } from '../sources/observed.ts';
import type { Manifest, Target } from '../manifest/manifest.ts';

export interface InputAgreements {
  baa: boolean;
  dpa: boolean;
  zeroDataRetention: boolean;
  trainingOptOut: boolean;
}

export interface InputObservedSource {
  type: 'litellm' | 'kubernetes';
  file: string;
  location: SourcePosition;
}

export interface InputGatewayDeployment extends Omit<GatewayDeployment, 'modelInfo' | 'hosting'> {
  file: string;
  /**
   * A cloud API or a server of your own. An endpoint the file cannot place (a public host of no
   * known API, an api_base from the environment) is what its matched target declares, and a cloud
   * API when nothing in the manifest claims it: an unknown public server is a third party.
   */
  hosting: 'cloud-api' | 'self-hosted';
  /** The manifest target this deployment stands for; null when none matches. */
  target: string | null;
  matchedBy: 'model-info-id' | 'gateway-models' | null;
  /** The matched target's agreements; none for an unmatched deployment. */
  agreements: InputAgreements;
}

export interface InputGatewayFallback extends GatewayFallback {
  file: string;
}

export interface InputGuardrail extends GatewayGuardrail {
  file: string;
}

export interface InputClusterDeployment extends ClusterDeployment {
  file: string;
  /** Lower case, without scheme or organisation prefix: `llama-3.1-70b-instruct`. */
  normalisedModel: string | null;
  /** gpusPerPod x replicas (minReplicas when autoscaling). */
  gpus: number | null;
  /** h100, a100, l4, ... read from the GPU type label; null when unknown. */
  gpuFamily: string | null;
  target: string | null;
  matchedBy: 'annotation' | 'model' | null;
}

export interface InputObserved {
  sources: InputObservedSource[];
  gatewayDeployments: InputGatewayDeployment[];
  gatewayFallbacks: InputGatewayFallback[];
  guardrails: InputGuardrail[];
  databaseModels: { file: string; location: SourcePosition }[];
  clusterDeployments: InputClusterDeployment[];
}

const NO_AGREEMENTS: InputAgreements = { baa: false, dpa: false, zeroDataRetention: false, trainingOptOut: false };
const GPU_FAMILIES = ['gb200', 'b200', 'h200', 'h100', 'h20', 'a100', 'a10g', 'a10', 'l40s', 'l40', 'a40', 'l4', 't4', 'v100', 'mi325x', 'mi300x', 'mi250', 'rtx-6000-ada', 'a6000', '4090', '3090'];

export function emptyObserved(): InputObserved {
  return { sources: [], gatewayDeployments: [], gatewayFallbacks: [], guardrails: [], databaseModels: [], clusterDeployments: [] };
}

export function buildObserved(manifest: Manifest, facts: readonly SourceFacts[]): InputObserved {
  const observed = emptyObserved();
  const targets = manifest.deployment.targets;
  for (const source of facts) {
    if (source.type === 'litellm') {
      const g = source.facts;
      observed.sources.push({ type: 'litellm', file: g.file, location: g.location });
      for (const d of g.deployments) observed.gatewayDeployments.push(gatewayDeployment(g.file, d, targets));
      for (const f of g.fallbacks) observed.gatewayFallbacks.push({ file: g.file, ...f });
      for (const r of g.guardrails) observed.guardrails.push({ file: g.file, ...r });
      if (g.databaseModels) observed.databaseModels.push({ file: g.file, location: g.databaseModels });
    } else {
      const c = source.facts;
      observed.sources.push({ type: 'kubernetes', file: c.file, location: { file: c.file, line: 1, column: 1 } });
      for (const d of c.deployments) observed.clusterDeployments.push(clusterDeployment(d, targets));
    }
  }
  return observed;
}

function gatewayDeployment(file: string, d: GatewayDeployment, targets: readonly Target[]): InputGatewayDeployment {
  const { modelInfo: _, ...fact } = d;
  const byId = d.modelInfoId === null ? undefined : targets.find((t) => t.id === d.modelInfoId);
  const byName = byId ? undefined : targets.find((t) => (t.gatewayModels ?? []).includes(d.modelName));
  const target = byId ?? byName;
  const hosting = d.hosting !== 'unplaced' ? d.hosting : target && target.type !== 'cloud-api' ? 'self-hosted' : 'cloud-api';
  return {
    ...fact,
    hosting,
    file,
    target: target?.id ?? null,
    matchedBy: byId ? 'model-info-id' : byName ? 'gateway-models' : null,
    agreements: target ? { ...NO_AGREEMENTS, ...target.agreements } : { ...NO_AGREEMENTS },
  };
}

function clusterDeployment(d: ClusterDeployment, targets: readonly Target[]): InputClusterDeployment {
  const normalisedModel = d.model === null ? null : normaliseModel(d.model);
  const byAnnotation = d.targetAnnotation === null ? undefined : targets.find((t) => t.id === d.targetAnnotation);
  const byModel = byAnnotation || normalisedModel === null
    ? undefined
    : targets.find((t) => t.type !== 'cloud-api' && normaliseModel(t.model) === normalisedModel);
  const target = byAnnotation ?? byModel;
  const replicas = d.autoscaling?.minReplicas ?? d.replicas;
  return {
    ...d,
    file: d.location.file,
    normalisedModel,
    gpus: d.gpusPerPod === null || replicas === null ? null : d.gpusPerPod * replicas,
    gpuFamily: d.gpuType === null ? null : gpuFamily(d.gpuType),
    target: target?.id ?? null,
    matchedBy: byAnnotation ? 'annotation' : byModel ? 'model' : null,
  };
}

/** `hf://meta-llama/Llama-3.1-70B-Instruct` and `llama-3.1-70b-instruct` normalise alike. */
export function normaliseModel(model: string): string {
  const segments = model.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split('/').filter((s) => s !== '');
  return segments[segments.length - 1] ?? '';
}

/** Each family as a whole word, compiled once: manifests ask for every target with hardware. */
const FAMILY_WORDS = GPU_FAMILIES.map((f) => [f, new RegExp(`(^|[^a-z0-9])${f}([^a-z0-9]|$)`)] as const);

/** The family a GPU label names, as a whole word first (`a10` is not `a100`), else anywhere in it. */
export function gpuFamily(label: string): string {
  // Spaces and underscores read as the hyphens of node labels (`RTX 6000 Ada`, `NVIDIA-RTX-6000-Ada`).
  const l = label.toLowerCase().replace(/[\s_]+/g, '-');
  return FAMILY_WORDS.find(([, word]) => word.test(l))?.[0] ?? GPU_FAMILIES.find((f) => l.includes(f)) ?? l;
}
