// The observed facts: what the real configuration (gateway, clusters) says, one shape for every
// source type, each fact with the file, line and column it was read from.
import type { ProcessingScope } from '../manifest/inference-profile.ts';
import type { SourcePosition } from '../problems/problem.ts';

export type { ProcessingScope };

export type SourceType = 'litellm' | 'kubernetes';

/** One entry of a gateway's model list. */
export interface GatewayDeployment {
  /** The alias clients call (LiteLLM `model_name`); entries sharing one are load-balanced. */
  modelName: string;
  /** `litellm_params.model` as written, e.g. `bedrock/eu.anthropic.claude-3-5-sonnet-20240620-v1:0`. */
  model: string;
  /** The provider prefix (`azure`, `bedrock`, `openai`, ...); null when the model has none. */
  provider: string | null;
  /** The model without the provider prefix, route prefix or Bedrock zone prefix. */
  providerModel: string;
  /** `api_base` as written; `env:NAME` for an `os.environ/NAME` reference (never resolved). */
  apiBase: string | null;
  /**
   * Where the deployment runs: a cloud API, a server of your own (by prefix or private `api_base`),
   * or `unplaced`: an OpenAI-compatible prefix whose api_base is a public host no known API uses,
   * or is set from the environment, so the file cannot tell your server from a third party's.
   */
  hosting: 'cloud-api' | 'self-hosted' | 'unplaced';
  /** aws_region_name, vertex_location, region_name, or the region in an Azure endpoint host. */
  region: string | null;
  processingScope: ProcessingScope;
  /** For processingScope data-zone: eu, us, apac. */
  dataZone: string | null;
  /** `model_info.id`, when given. */
  modelInfoId: string | null;
  modelInfo: Record<string, unknown>;
  tags: string[];
  /** `model_name: "*"` or a model with a `*`: it exposes whole families of models. */
  wildcard: boolean;
  /** The model_list entry (its `model_name`). */
  location: SourcePosition;
  /** The `litellm_params.model` value. */
  modelLocation: SourcePosition;
  /** The region value, or the model value when the region comes from a Bedrock zone prefix. */
  regionLocation: SourcePosition | null;
}

export type FallbackKind = 'fallbacks' | 'context_window_fallbacks' | 'content_policy_fallbacks' | 'default_fallbacks';

/** One edge: when `from` fails the gateway tries `to` (default_fallbacks: from any model). */
export interface GatewayFallback {
  kind: FallbackKind;
  /** router_settings or litellm_settings. */
  settings: string;
  /** null for default_fallbacks. */
  from: string | null;
  to: string;
  /** The `to` entry in the file. */
  location: SourcePosition;
}

export interface GatewayGuardrail {
  name: string;
  /** The guardrail integration (`presidio`, `aporia`, `bedrock`, ...). */
  guardrail: string | null;
  /** pre_call | during_call | post_call | logging_only | ... ; null when absent. */
  mode: string | null;
  defaultOn: boolean;
  /** Looks like personal-data masking (presidio, a name or guardrail mentioning pii). */
  pii: boolean;
  location: SourcePosition;
}

export interface GatewayFacts {
  file: string;
  deployments: GatewayDeployment[];
  fallbacks: GatewayFallback[];
  guardrails: GatewayGuardrail[];
  /** Where the config keeps models in a database (store_model_in_db / STORE_MODEL_IN_DB); null when it does not. */
  databaseModels: SourcePosition | null;
  /** Where the model list starts (or the top of the file). */
  location: SourcePosition;
}

/** One model server in a cluster: a vLLM/TGI Deployment or a KServe InferenceService. */
export interface ClusterDeployment {
  kind: 'Deployment' | 'StatefulSet' | 'InferenceService';
  name: string;
  namespace: string | null;
  server: 'vllm' | 'tgi' | 'sglang' | 'kserve';
  /** The served model (`--model`, `MODEL_ID`, storageUri); null when not written. */
  model: string | null;
  modelLocation: SourcePosition | null;
  gpusPerPod: number | null;
  replicas: number | null;
  /** GPU type from a node selector or affinity on a common GPU label. */
  gpuType: string | null;
  gpuLocation: SourcePosition | null;
  /** HorizontalPodAutoscaler or KServe min/maxReplicas; null when it does not autoscale. */
  autoscaling: { minReplicas: number | null; maxReplicas: number | null; location: SourcePosition } | null;
  /** The `routewise.dev/target` annotation. */
  targetAnnotation: string | null;
  location: SourcePosition;
}

export interface ClusterFacts {
  /** The file or folder given. */
  file: string;
  deployments: ClusterDeployment[];
}

export type SourceFacts = { type: 'litellm'; facts: GatewayFacts } | { type: 'kubernetes'; facts: ClusterFacts };

/** Everything read from a manifest's sources. */
export interface ObservedSources {
  facts: SourceFacts[];
  /** Text of every file read, by file as shown in reports, for code frames. */
  texts: Record<string, string>;
}
