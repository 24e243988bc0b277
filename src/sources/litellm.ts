// Reads a LiteLLM proxy config.yaml into gateway facts: the model list (aliases, providers,
// regions, load-balanced siblings, wildcards), every kind of fallback, guardrails and database
// mode. `os.environ/NAME` values are read as "set from the environment", never resolved.
import type { LoadedFile, LoadedPart } from '../load/load-documents.ts';
import type { Problem, Result, SourcePosition } from '../problems/problem.ts';
import type { FallbackKind, GatewayDeployment, GatewayFacts, GatewayFallback, GatewayGuardrail, ProcessingScope } from './observed.ts';
import { isPrivateEndpoint } from './private-endpoint.ts';
import { isPublicApiHost } from './api-hosts.ts';
import { azureRegionOfHost } from './azure-regions.ts';
import { inferenceProfileOf } from '../manifest/inference-profile.ts';

const FALLBACK_KINDS: readonly FallbackKind[] = ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks', 'default_fallbacks'];
const SETTINGS = ['router_settings', 'litellm_settings'] as const;
/** Prefixes whose servers you run yourself, whatever their api_base. */
const SELF_HOSTED_PROVIDERS = new Set(['hosted_vllm', 'vllm', 'ollama', 'ollama_chat', 'llamafile', 'lm_studio', 'triton', 'xinference']);
/** Prefixes that speak the OpenAI protocol to any server: self-hosted when their api_base is your own. */
const OPENAI_COMPATIBLE = new Set(['openai', 'text-completion-openai', 'openai_like']);
const ENV_PREFIX = 'os.environ/';

type Path = (string | number)[];

/**
 * A self-hosting prefix runs on your own server; an OpenAI-compatible prefix runs where its
 * api_base points (OpenAI itself without one); every other prefix is its provider's cloud API.
 */
function hostingOf(provider: string | null, apiBase: string | null): GatewayDeployment['hosting'] {
  if (SELF_HOSTED_PROVIDERS.has(provider ?? '')) return 'self-hosted';
  if (!OPENAI_COMPATIBLE.has(provider ?? '') || apiBase === null) return 'cloud-api';
  if (apiBase.startsWith('env:')) return 'unplaced';
  const host = hostOf(apiBase);
  if (isPrivateEndpoint(host)) return 'self-hosted';
  return isPublicApiHost(host) ? 'cloud-api' : 'unplaced';
}

export function readLitellm(loaded: LoadedFile): Result<GatewayFacts> {
  const file = loaded.file;
  const part = loaded.parts[0];
  if (!part) {
    return fail({ code: 'source-empty', message: 'the LiteLLM config holds no settings (expected `model_list:`)', position: { file, line: 1, column: 1 }, hint: 'point the source at the proxy config.yaml' });
  }
  const data = part.data;
  const problems: Problem[] = [];
  const deployments: GatewayDeployment[] = [];
  const list = data.model_list;
  if (list !== undefined && list !== null && !Array.isArray(list)) {
    problems.push(shapeProblem(part, ['model_list'], '`model_list` must be a list of models'));
  }
  (Array.isArray(list) ? list : []).forEach((entry, i) => {
    const read = readDeployment(part, entry, ['model_list', i]);
    if (read.ok) deployments.push(read.value);
    else problems.push(...read.problems);
  });
  const fallbacks: GatewayFallback[] = [];
  for (const settings of SETTINGS) {
    const block = data[settings];
    if (!isRecord(block)) continue;
    for (const kind of FALLBACK_KINDS) {
      if (block[kind] === undefined || block[kind] === null) continue;
      const read = readFallbacks(part, block[kind], kind, [settings, kind]);
      if (read.ok) fallbacks.push(...read.value);
      else problems.push(...read.problems);
    }
  }
  const guardrails: GatewayGuardrail[] = [];
  if (Array.isArray(data.guardrails)) data.guardrails.forEach((g, i) => {
    const read = readGuardrail(part, g, ['guardrails', i]);
    if (read) guardrails.push(read);
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      file,
      deployments,
      fallbacks,
      guardrails,
      databaseModels: databaseMode(part),
      location: list === undefined ? { file, line: 1, column: 1 } : part.positionOf(['model_list']),
    },
  };
}

function readDeployment(part: LoadedPart, entry: unknown, at: Path): Result<GatewayDeployment> {
  if (!isRecord(entry)) return fail(shapeProblem(part, at, 'a model_list entry must be a mapping with `model_name` and `litellm_params`'));
  const modelName = scalarText(entry.model_name);
  if (modelName === null) return fail(shapeProblem(part, at, 'a model_list entry needs a `model_name` (the name clients call)'));
  const params = isRecord(entry.litellm_params) ? entry.litellm_params : {};
  const model = scalarText(params.model);
  if (model === null) return fail(shapeProblem(part, [...at, 'litellm_params'], `model \`${modelName}\` needs \`litellm_params.model\` (provider/model)`));
  const slash = model.indexOf('/');
  const provider = slash > 0 ? model.slice(0, slash).toLowerCase() : null;
  let providerModel = slash > 0 ? model.slice(slash + 1) : model;
  const apiBase = envOrText(params.api_base);
  const modelInfo = isRecord(entry.model_info) ? entry.model_info : {};

  // Bedrock: an optional route (converse/, invoke/) then a cross-region profile prefix.
  let processingScope: ProcessingScope = 'regional';
  let dataZone: string | null = null;
  let regionFromModel = false;
  if (provider === 'bedrock') {
    providerModel = providerModel.replace(/^(converse|invoke|converse_like)\//, '');
    const profile = inferenceProfileOf(providerModel);
    if (profile !== undefined) {
      processingScope = profile.scope;
      dataZone = profile.zone;
      providerModel = profile.model;
      regionFromModel = true;
    }
  }

  const regionKey = (['aws_region_name', 'vertex_location', 'region_name'] as const).find((k) => scalarText(params[k]) !== null);
  let region: string | null = null;
  let regionLocation: SourcePosition | null = null;
  if (regionKey !== undefined) {
    const value = envOrText(params[regionKey]);
    region = value !== null && !value.startsWith('env:') ? value.toLowerCase() : null;
    if (region !== null) regionLocation = part.valuePositionOf([...at, 'litellm_params', regionKey]);
  }
  if (region === null && (provider === 'azure' || provider === 'azure_ai') && apiBase !== null && !apiBase.startsWith('env:')) {
    region = azureRegionOfHost(hostOf(apiBase));
    if (region !== null) regionLocation = part.valuePositionOf([...at, 'litellm_params', 'api_base']);
  }
  if (regionLocation === null && regionFromModel) regionLocation = part.valuePositionOf([...at, 'litellm_params', 'model']);

  const hosting = hostingOf(provider, apiBase);
  const tags = Array.isArray(params.tags) ? params.tags.filter((t): t is string => typeof t === 'string') : [];
  return {
    ok: true,
    value: {
      modelName,
      model,
      provider,
      providerModel,
      apiBase,
      hosting,
      region,
      processingScope,
      dataZone,
      modelInfoId: scalarText(modelInfo.id),
      modelInfo,
      tags,
      wildcard: modelName.includes('*') || model.includes('*'),
      location: part.valuePositionOf([...at, 'model_name']),
      modelLocation: part.valuePositionOf([...at, 'litellm_params', 'model']),
      regionLocation,
    },
  };
}

/** `[{"gpt-4o": ["gpt-4o-mini"]}]`, `{"gpt-4o": [...]}`, or for default_fallbacks a list of names. */
function readFallbacks(part: LoadedPart, value: unknown, kind: FallbackKind, at: Path): Result<GatewayFallback[]> {
  const edges: GatewayFallback[] = [];
  const settings = String(at[0]);
  if (kind === 'default_fallbacks') {
    const names = Array.isArray(value) ? value : [value];
    names.forEach((name, i) => {
      const to = scalarText(name);
      if (to !== null) edges.push({ kind, settings, from: null, to, location: part.valuePositionOf(Array.isArray(value) ? [...at, i] : at) });
    });
    return { ok: true, value: edges };
  }
  const groups: [unknown, Path][] = Array.isArray(value) ? value.map((g, i) => [g, [...at, i]]) : [[value, at]];
  for (const [group, groupAt] of groups) {
    if (!isRecord(group)) return fail(shapeProblem(part, groupAt, `each entry of \`${kind}\` maps a model name to the list of models tried after it`));
    for (const [from, targets] of Object.entries(group)) {
      const list = Array.isArray(targets) ? targets : [targets];
      list.forEach((name, i) => {
        const to = scalarText(name);
        const path = Array.isArray(targets) ? [...groupAt, from, i] : [...groupAt, from];
        if (to !== null) edges.push({ kind, settings, from, to, location: part.valuePositionOf(path) });
      });
    }
  }
  return { ok: true, value: edges };
}

function readGuardrail(part: LoadedPart, entry: unknown, at: Path): GatewayGuardrail | null {
  if (!isRecord(entry)) return null;
  const params = isRecord(entry.litellm_params) ? entry.litellm_params : {};
  const name = scalarText(entry.guardrail_name) ?? `guardrail ${String(at[1])}`;
  const guardrail = scalarText(params.guardrail);
  const modeValue = params.mode ?? entry.mode;
  const mode = Array.isArray(modeValue) ? modeValue.map(String).join(',') : scalarText(modeValue);
  const defaultOn = (params.default_on ?? entry.default_on) === true;
  const text = `${name} ${guardrail ?? ''} ${JSON.stringify(params.pii_entities_config ?? '')}`.toLowerCase();
  const pii = /pii|presidio|personal|mask|phi/.test(text) || params.pii_entities_config !== undefined;
  return { name, guardrail, mode, defaultOn, pii, location: part.valuePositionOf([...at, 'guardrail_name']) };
}

/** store_model_in_db in general_settings, or STORE_MODEL_IN_DB in environment_variables. */
function databaseMode(part: LoadedPart): SourcePosition | null {
  const data = part.data;
  const general = isRecord(data.general_settings) ? data.general_settings : {};
  if (truthy(general.store_model_in_db)) return part.positionOf(['general_settings', 'store_model_in_db']);
  const env = isRecord(data.environment_variables) ? data.environment_variables : {};
  if (truthy(env.STORE_MODEL_IN_DB)) return part.positionOf(['environment_variables', 'STORE_MODEL_IN_DB']);
  return null;
}

function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|1|yes|on)$/i.test(value.trim()));
}

function envOrText(value: unknown): string | null {
  const text = scalarText(value);
  if (text === null) return null;
  return text.startsWith(ENV_PREFIX) ? `env:${text.slice(ENV_PREFIX.length)}` : text;
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function hostOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url.trim());
  return (match ? match[1]! : url.trim().split(/[/:]/)[0]!).toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeProblem(part: LoadedPart, at: Path, message: string): Problem {
  return { code: 'source-invalid', message, position: part.positionOf(at), hint: 'fix the LiteLLM config here (the proxy would not load it either)' };
}

function fail<T>(...problems: Problem[]): Result<T> {
  return { ok: false, problems };
}
