// What the LiteLLM reader observes in a proxy config: providers and hosting from the prefix and
// api_base, regions and Bedrock profiles, environment references left unresolved, and every
// fallback, guardrail and database setting with its place.
import { describe, expect, it } from 'vitest';
import { loadDocuments } from '../../src/load/load-documents.ts';
import { readLitellm } from '../../src/sources/litellm.ts';
import { isPrivateEndpoint } from '../../src/sources/private-endpoint.ts';
import { buildObserved } from '../../src/input/observed.ts';
import type { Manifest } from '../../src/manifest/manifest.ts';

function read(text: string) {
  const loaded = loadDocuments('config.yaml', new TextEncoder().encode(text));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return readLitellm(loaded.value);
}

function facts(text: string) {
  const r = read(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const entry = (name: string, params: string) => `  - model_name: ${name}\n    litellm_params:\n${params.split('\n').map((l) => `      ${l}`).join('\n')}\n`;

describe('LiteLLM reader', () => {
  it('tells Bedrock global and data-zone profiles from regional models', () => {
    const { deployments } = facts(
      'model_list:\n' +
        entry('a', 'model: bedrock/global.anthropic.claude-sonnet-4-20250514-v1:0') +
        entry('b', 'model: bedrock/converse/eu.anthropic.claude-3-7-sonnet-20250219-v1:0\naws_region_name: eu-west-1') +
        entry('c', 'model: bedrock/anthropic.claude-3-haiku-20240307-v1:0\naws_region_name: us-east-1'),
    );
    expect(deployments.map((d) => [d.processingScope, d.dataZone, d.region, d.providerModel])).toEqual([
      ['global', null, null, 'anthropic.claude-sonnet-4-20250514-v1:0'],
      ['data-zone', 'eu', 'eu-west-1', 'anthropic.claude-3-7-sonnet-20250219-v1:0'],
      ['regional', null, 'us-east-1', 'anthropic.claude-3-haiku-20240307-v1:0'],
    ]);
    // A global profile's place is its model line, where the change is needed.
    expect(deployments[0]!.regionLocation).toEqual({ file: 'config.yaml', line: 4, column: 14 });
  });

  it('reads the region of Vertex, Azure hosts and region_name, and never resolves os.environ', () => {
    const { deployments } = facts(
      'model_list:\n' +
        entry('v', 'model: vertex_ai/gemini-1.5-pro\nvertex_location: europe-west4') +
        entry('az', 'model: azure/gpt-4o\napi_base: https://acme-westeurope.openai.azure.com/') +
        entry('env', 'model: azure/gpt-4o\napi_base: os.environ/AZURE_API_BASE\naws_region_name: os.environ/REGION') +
        entry('m', 'model: mistral/mistral-large-latest\nregion_name: EU'),
    );
    expect(deployments.map((d) => [d.provider, d.region, d.apiBase])).toEqual([
      ['vertex_ai', 'europe-west4', null],
      ['azure', 'westeurope', 'https://acme-westeurope.openai.azure.com/'],
      ['azure', null, 'env:AZURE_API_BASE'],
      ['mistral', 'eu', null],
    ]);
  });

  it('counts hosted_vllm, ollama and openai/ with a private api_base as self-hosted, openai/ without one or on a known API host as a cloud API', () => {
    const { deployments } = facts(
      'model_list:\n' +
        entry('a', 'model: hosted_vllm/llama\napi_base: https://llm.example.com/v1') +
        entry('b', 'model: ollama/llama3') +
        entry('c', 'model: openai/llama\napi_base: http://vllm:8000/v1') +
        entry('d', 'model: openai/gpt-4o') +
        entry('e', 'model: openai/llama\napi_base: https://api.together.xyz/v1') +
        entry('f', 'model: gpt-4o-mini') +
        entry('g', 'model: openai/gpt-4o\napi_base: https://acme.openai.azure.com/openai/v1') +
        entry('h', 'model: openai/llama\napi_base: https://llm.acme-lending.com/v1') +
        entry('i', 'model: openai/llama\napi_base: os.environ/LLAMA_BASE'),
    );
    expect(deployments.map((d) => d.hosting)).toEqual(['self-hosted', 'self-hosted', 'self-hosted', 'cloud-api', 'cloud-api', 'cloud-api', 'cloud-api', 'unplaced', 'unplaced']);
    expect(deployments[5]!.provider).toBeNull();
  });

  it('marks wildcards in the alias or the model', () => {
    const { deployments } = facts('model_list:\n' + entry('"*"', 'model: "*"') + entry('claude-*', 'model: anthropic/claude-*') + entry('x', 'model: openai/gpt-4o'));
    expect(deployments.map((d) => d.wildcard)).toEqual([true, true, false]);
  });

  it('reads every fallback kind in both settings blocks, with the place of each target', () => {
    const { fallbacks } = facts(
      'model_list: []\n' +
        'router_settings:\n  fallbacks: [{"a": ["b", "c"]}]\n  context_window_fallbacks:\n    - a: [d]\n' +
        'litellm_settings:\n  content_policy_fallbacks: [{a: [e]}]\n  default_fallbacks: ["f"]\n',
    );
    expect(fallbacks.map((f) => [f.kind, f.settings, f.from, f.to, f.location.line])).toEqual([
      ['fallbacks', 'router_settings', 'a', 'b', 3],
      ['fallbacks', 'router_settings', 'a', 'c', 3],
      ['context_window_fallbacks', 'router_settings', 'a', 'd', 5],
      ['content_policy_fallbacks', 'litellm_settings', 'a', 'e', 7],
      ['default_fallbacks', 'litellm_settings', null, 'f', 8],
    ]);
  });

  it('reads guardrails with mode and default_on, and recognises PII ones', () => {
    const { guardrails } = facts(
      'model_list: []\nguardrails:\n' +
        '  - guardrail_name: presidio-mask\n    litellm_params: {guardrail: presidio, mode: pre_call, default_on: true}\n' +
        '  - guardrail_name: jailbreak\n    litellm_params: {guardrail: lakera_prompt_injection, mode: during_call}\n',
    );
    expect(guardrails.map((g) => [g.name, g.mode, g.defaultOn, g.pii])).toEqual([
      ['presidio-mask', 'pre_call', true, true],
      ['jailbreak', 'during_call', false, false],
    ]);
  });

  it('notices models kept in the database, from general_settings or the environment block', () => {
    expect(facts('model_list: []\ngeneral_settings:\n  store_model_in_db: true\n').databaseModels).toEqual({ file: 'config.yaml', line: 3, column: 3 });
    expect(facts('model_list: []\nenvironment_variables:\n  STORE_MODEL_IN_DB: "True"\n').databaseModels?.line).toBe(3);
    expect(facts('model_list: []\ngeneral_settings:\n  store_model_in_db: false\n').databaseModels).toBeNull();
  });

  it('refuses an entry without a model, at its place', () => {
    const r = read('model_list:\n  - model_name: a\n    litellm_params:\n      api_base: http://x\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'source-invalid', position: { line: 3, column: 5 } });
  });
});

describe('private endpoints', () => {
  it.each(['localhost', '127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.9', 'vllm', 'llm.ns.svc.cluster.local', 'gpu.internal', '[::1]'])('%s is your own', (host) => {
    expect(isPrivateEndpoint(host)).toBe(true);
  });
  it.each(['api.openai.com', '8.8.8.8', '172.32.0.1', 'api.together.xyz'])('%s is not', (host) => {
    expect(isPrivateEndpoint(host)).toBe(false);
  });
});

describe('an endpoint the file cannot place', () => {
  // Three entries on public hosts of no known API, each standing for another kind of target.
  const gateway = facts(
    'model_list:\n' +
      entry('own', 'model: openai/llama\napi_base: https://llm.acme.example/v1') +
      entry('api', 'model: openai/gpt-4o\napi_base: https://gateway.partner.example/v1') +
      entry('stray', 'model: openai/llama\napi_base: https://llm.elsewhere.example/v1'),
  );
  const manifest = {
    deployment: {
      targets: [
        { id: 'rack', type: 'on-premises', model: 'llama', gatewayModels: ['own'] },
        { id: 'proxy', type: 'cloud-api', provider: 'openai', model: 'gpt-4o', gatewayModels: ['api'] },
      ],
    },
  } as unknown as Manifest;
  const observed = buildObserved(manifest, [{ type: 'litellm', facts: gateway }]).gatewayDeployments;

  it('is what its matched target declares, and a cloud API when no target claims it', () => {
    expect(observed.map((d) => [d.modelName, d.target, d.hosting])).toEqual([
      ['own', 'rack', 'self-hosted'],
      ['api', 'proxy', 'cloud-api'],
      ['stray', null, 'cloud-api'],
    ]);
  });
});
