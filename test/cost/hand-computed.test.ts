// API and self-hosted costs computed by hand, each with its arithmetic, against published prices.
import { describe, expect, it } from 'vitest';
import { manifestCost } from '../../src/cost/manifest-cost.ts';
import { PRICE_TABLE } from '../../src/cost/generated/price-table.ts';
import type { Manifest, Target } from '../../src/manifest/manifest.ts';
import { SETTINGS } from './settings.ts';

const TODAY = '2026-11-27';

function manifest(targets: Target[], volume: Record<string, unknown> = {}, extra: Partial<Manifest> = {}): Manifest {
  return {
    apiVersion: 'routewise/v1',
    kind: 'LLMDeployment',
    metadata: { name: 'sample', owner: 'team' },
    dataClasses: [{ id: 'docs', category: 'internal' }],
    workloads: [{ id: 'chat', dataClasses: ['docs'], customization: 'prompting', volume: { tokensPerMonth: 100_000_000, pattern: 'steady', ...volume } }],
    deployment: { strategy: targets.every((t) => t.type === targets[0]!.type) ? targets[0]!.type : 'hybrid', targets },
    ...extra,
  } as Manifest;
}

function apiCost(provider: string, model: string, volume: Record<string, unknown> = {}): number | null {
  const cost = manifestCost(manifest([{ id: 'api', type: 'cloud-api', provider, model }], volume), SETTINGS, PRICE_TABLE, TODAY);
  return cost.workloads[0]!.api[0]!.monthlyUsd;
}

describe('API cost of 100 million tokens a month (75% input, 4,000-token requests)', () => {
  // 100M tokens = 75M input + 25M output.
  it('OpenAI gpt-4o at $2.50 / $10.00 per million (openai.com/api/pricing)', () => {
    // 75 x 2.50 + 25 x 10.00 = 187.50 + 250 = $437.50
    expect(apiCost('openai', 'gpt-4o')).toBeCloseTo(437.5, 9);
  });
  it('OpenAI gpt-4o-mini at $0.15 / $0.60 per million', () => {
    // 75 x 0.15 + 25 x 0.60 = 11.25 + 15 = $26.25
    expect(apiCost('openai', 'gpt-4o-mini')).toBeCloseTo(26.25, 9);
  });
  it('Anthropic claude-sonnet-4-5 at $3 / $15 per million (anthropic.com/pricing)', () => {
    // 75 x 3 + 25 x 15 = 225 + 375 = $600
    expect(apiCost('anthropic', 'claude-sonnet-4-5-20250929')).toBeCloseTo(600, 9);
  });
  it('Anthropic claude-3-5-haiku at $0.80 / $4 per million', () => {
    // 75 x 0.8 + 25 x 4 = 60 + 100 = $160
    expect(apiCost('anthropic', 'claude-3-5-haiku-20241022')).toBeCloseTo(160, 9);
  });
  it('Google gemini-2.5-pro on Vertex at $1.25 / $10 per million up to 200k prompt tokens (cloud.google.com/vertex-ai/generative-ai/pricing)', () => {
    // 75 x 1.25 + 25 x 10 = 93.75 + 250 = $343.75
    expect(apiCost('vertex', 'gemini-2.5-pro')).toBeCloseTo(343.75, 9);
  });
  it('Google gemini-2.5-pro above 200k prompt tokens a request: $2.50 / $15 per million, per request', () => {
    // 400,000-token requests, 300,000 input: past the 200k tier. 75 x 2.5 + 25 x 15 = 187.5 + 375 = $562.50
    expect(apiCost('vertex', 'gemini-2.5-pro', { tokensPerRequest: 400_000 })).toBeCloseTo(562.5, 9);
  });
  it('Google gemini-2.5-flash at $0.30 / $2.50 per million', () => {
    // 75 x 0.3 + 25 x 2.5 = 22.5 + 62.5 = $85
    expect(apiCost('gemini', 'gemini-2.5-flash')).toBeCloseTo(85, 9);
  });
  it('Mistral mistral-large at $2 / $6 per million (mistral.ai/pricing)', () => {
    // 75 x 2 + 25 x 6 = 150 + 150 = $300
    expect(apiCost('mistral', 'mistral-large-latest')).toBeCloseTo(300, 9);
  });
  it('Bedrock regional (eu.) Claude Sonnet 4.5 at $3.30 / $16.50, global at $3 / $15 (aws.amazon.com/bedrock/pricing)', () => {
    // regional: 75 x 3.3 + 25 x 16.5 = 247.5 + 412.5 = $660; global: $600
    expect(apiCost('bedrock', 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBeCloseTo(660, 9);
    expect(apiCost('bedrock', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBeCloseTo(600, 9);
  });
  it('a provider spelled another way (AWS Bedrock, amazon_bedrock) is priced and batch-discounted as bedrock', () => {
    const model = 'global.anthropic.claude-sonnet-4-5-20250929-v1:0';
    for (const spelled of ['AWS Bedrock', 'amazon_bedrock', 'Bedrock']) {
      expect(apiCost(spelled, model)).toBeCloseTo(600, 9);
      // Half the traffic at the batch price: 600 x (0.5 + 0.5 x 0.5) = $450.
      expect(apiCost(spelled, model, { batchShare: 0.5 })).toBeCloseTo(450, 9);
    }
    // A name that only looks like a table key is a provider the book does not know, not a crash.
    expect(apiCost('constructor', 'gpt-4o')).toBeNull();
  });
  it('Azure OpenAI gpt-4o at OpenAI list prices (azure.microsoft.com pricing, global deployment)', () => {
    expect(apiCost('azure-openai', 'gpt-4o')).toBeCloseTo(437.5, 9);
  });
  it('cached input at the cache price: half of gpt-4o input read from cache at $1.25', () => {
    // 37.5 x 2.50 + 37.5 x 1.25 + 25 x 10 = 93.75 + 46.875 + 250 = $390.625
    expect(apiCost('openai', 'gpt-4o', { cachedInputShare: 0.5 })).toBeCloseTo(390.625, 9);
  });
  it('batch traffic at half price for providers with a batch API', () => {
    // 40% batched: 437.50 x (0.6 + 0.4 x 0.5) = 437.50 x 0.8 = $350
    expect(apiCost('openai', 'gpt-4o', { batchShare: 0.4 })).toBeCloseTo(350, 9);
  });
});

describe('a model nobody can price', () => {
  it('is unpriced, never $0, with the reason', () => {
    const cost = manifestCost(manifest([{ id: 'api', type: 'cloud-api', provider: 'acme-llm', model: 'acme-1' }]), SETTINGS, PRICE_TABLE, TODAY);
    const [share] = cost.workloads[0]!.api;
    expect(share).toMatchObject({ priced: false, monthlyUsd: null, priceSource: null });
    expect(share!.reason).toContain('acme-llm is not in priceBookProviders');
  });
  it('is unpriced when the book does not know the model at a mapped provider', () => {
    const cost = manifestCost(manifest([{ id: 'api', type: 'cloud-api', provider: 'openai', model: 'totally-new-model' }]), SETTINGS, PRICE_TABLE, TODAY);
    expect(cost.workloads[0]!.api[0]).toMatchObject({ priced: false, monthlyUsd: null });
  });
});

describe('self-hosted cost', () => {
  it('rents GPUs by the hour: 4 A100 at the $1.79 list price', () => {
    // 4 x 1.79 x 730 = $5,226.80 a month; staff 1 x 200,000 / 12 = $16,666.67
    const cost = manifestCost(
      manifest([{ id: 'gpu', type: 'cloud-self-hosted', provider: 'aws', model: 'llama-3.1-70b-instruct', precision: 'fp8', hardware: { gpus: 4, gpuType: 'a100' } }], {}, { team: { mlopsEngineers: 1 } }),
      SETTINGS,
      PRICE_TABLE,
      TODAY,
    );
    const [t] = cost.targets;
    expect(t!.breakdown.gpu).toBeCloseTo(5226.8, 6);
    expect(t!.breakdown.staff).toBeCloseTo(16666.6667, 3);
    expect(t!.fitsModel).toBe(true); // 70 x 1 x 1.2 = 84 GB <= 320 GB
  });
  it('takes hourlyUsd as the whole target rate', () => {
    // $12 an hour x 730 = $8,760
    const cost = manifestCost(manifest([{ id: 'gpu', type: 'cloud-self-hosted', provider: 'gcp', model: 'llama-3.1-8b', hardware: { gpus: 2, gpuType: 'l4', hourlyUsd: 12 } }]), SETTINGS, PRICE_TABLE, TODAY);
    expect(cost.targets[0]!.breakdown.gpu).toBeCloseTo(8760, 9);
  });
  it('owns servers on premises: amortised capex, support and power through the PUE', () => {
    // capex 280,000 / 36 = 7,777.78; support 280,000 x 0.1 / 12 = 2,333.33;
    // power (8 x 0.7 + 4.6 x 1) kW = 10.2 kW x 1.4 x 730 h x $0.12 = $1,250.93
    const cost = manifestCost(
      manifest([{ id: 'rack', type: 'on-premises', model: 'llama-3.1-70b-instruct', hardware: { gpus: 8, gpuType: 'h100', capexUsd: 280_000 } }], {}, { team: { mlopsEngineers: 2 } }),
      SETTINGS,
      PRICE_TABLE,
      TODAY,
    );
    const b = cost.targets[0]!.breakdown;
    expect(b.capexAmortized).toBeCloseTo(7777.7778, 3);
    expect(b.support).toBeCloseTo(2333.3333, 3);
    expect(b.power).toBeCloseTo(1250.928, 3);
    expect(b.gpu).toBe(0);
    expect(cost.totals.staffMonthlyUsd).toBeCloseTo(33333.333, 2);
    expect(cost.capexUsd).toBe(280_000);
  });
  it('powers a workstation of two GeForce RTX 4090s at their 450 W board power', () => {
    // power (2 x 0.45 + 4.6 x 1) kW = 5.5 kW x 1.4 x 730 h x $0.12 = $674.52; capex 9,000 / 36 =
    // 250; support 9,000 x 0.1 / 12 = 75. Qwen2.5 32B: 32.5 x 2 x 1.2 = 78 GB > 2 x 24 GB.
    const cost = manifestCost(
      manifest([{ id: 'box', type: 'on-premises', model: 'qwen2.5-32b-instruct', hardware: { gpus: 2, gpuType: 'GeForce RTX 4090', capexUsd: 9_000 } }], {}, { team: { mlopsEngineers: 1 } }),
      SETTINGS,
      PRICE_TABLE,
      TODAY,
    );
    const b = cost.targets[0]!.breakdown;
    expect(b.power).toBeCloseTo(674.52, 2);
    expect(b.capexAmortized + b.support).toBeCloseTo(325, 9);
    expect(cost.targets[0]!.fitsModel).toBe(false);
    expect(cost.targets[0]!.unjudged ?? []).not.toContain('the power draw (GPU type or count unknown)');
  });
  it('says a 70B model at bf16 does not fit on one H100', () => {
    // 70 x 2 x 1.2 = 168 GB > 80 GB
    const cost = manifestCost(manifest([{ id: 'gpu', type: 'cloud-self-hosted', provider: 'aws', model: 'llama-3.1-70b', hardware: { gpus: 1, gpuType: 'h100' } }]), SETTINGS, PRICE_TABLE, TODAY);
    expect(cost.targets[0]!.fitsModel).toBe(false);
    expect(cost.details.gpu!.memoryNeededGb).toBeCloseTo(168, 9);
  });
  it('reads the GPU type as teams write it: NVIDIA H100 80GB is the h100 row, priced and sized as such', () => {
    // A Hugging Face model id and a datasheet GPU name: 70 x 2 x 1.2 = 168 GB > 80 GB, and one
    // GPU at the table's $2.99/hour x 730 hours = $2,182.70 a month.
    const cost = manifestCost(
      manifest([{ id: 'gpu', type: 'cloud-self-hosted', provider: 'AWS', model: 'meta-llama/Llama-3.3-70B-Instruct', hardware: { gpus: 1, gpuType: 'NVIDIA H100 80GB' } }]),
      SETTINGS,
      PRICE_TABLE,
      TODAY,
    );
    expect(cost.targets[0]!.fitsModel).toBe(false);
    expect(cost.targets[0]!.unjudged).toBeUndefined();
    expect(cost.details.gpu!.gpuType).toBe('h100');
    expect(cost.targets[0]!.breakdown.gpu).toBeCloseTo(SETTINGS.gpuHourlyUsd.h100! * SETTINGS.hoursPerMonth, 6);
  });
  it('says what it cannot judge instead of guessing', () => {
    const cost = manifestCost(manifest([{ id: 'gpu', type: 'cloud-self-hosted', provider: 'aws', model: 'in-house-model', hardware: { gpus: 2, gpuType: 'tpu-v9' } }]), SETTINGS, PRICE_TABLE, TODAY);
    const [t] = cost.targets;
    expect(t!.fitsModel).toBeNull();
    expect(t!.monthlyUsd).toBeNull();
    expect(t!.unjudged!.join('; ')).toMatch(/size of model in-house-model.*GPU type tpu-v9/);
  });
  it('finds the peak too big for the GPUs declared', () => {
    // 30B tokens, 25% output = 7.5B / 2,628,000 s = 2,853.9 tokens/s average, x 2 peak = 5,707.8;
    // 8 H100 with a 70B fp8 model: 850 x 0.75 x 8 = 5,100 < 5,707.8
    const cost = manifestCost(
      manifest([{ id: 'gpu', type: 'cloud-self-hosted', provider: 'aws', model: 'llama-3.1-70b', precision: 'fp8', hardware: { gpus: 8, gpuType: 'h100' } }], { tokensPerMonth: 30_000_000_000, peakToAverage: 2 }),
      SETTINGS,
      PRICE_TABLE,
      TODAY,
    );
    expect(cost.targets[0]!.peakCapacityOk).toBe(false);
    expect(cost.details.gpu!.peakOutputTokensPerSecond).toBeCloseTo(5707.76, 1);
    expect(cost.details.gpu!.capacityTokensPerSecond).toBe(5100);
  });
});

describe('which tokens land where', () => {
  it('splits equally over two routed APIs and says it assumed so', () => {
    const cost = manifestCost(
      manifest([
        { id: 'a', type: 'cloud-api', provider: 'openai', model: 'gpt-4o' },
        { id: 'b', type: 'cloud-api', provider: 'openai', model: 'gpt-4o-mini' },
      ]),
      SETTINGS,
      PRICE_TABLE,
      TODAY,
    );
    const w = cost.workloads[0]!;
    expect(w.sharesAssumed).toBe(true);
    // half of $437.50 and half of $26.25
    expect(w.api[0]!.monthlyUsd).toBeCloseTo(218.75, 9);
    expect(w.api[1]!.monthlyUsd).toBeCloseTo(13.125, 9);
  });
  it('follows shareByTarget when declared', () => {
    const cost = manifestCost(
      manifest(
        [
          { id: 'a', type: 'cloud-api', provider: 'openai', model: 'gpt-4o' },
          { id: 'b', type: 'cloud-api', provider: 'openai', model: 'gpt-4o-mini' },
        ],
        { shareByTarget: { a: 0.2, b: 0.8 } },
      ),
      SETTINGS,
      PRICE_TABLE,
      TODAY,
    );
    expect(cost.workloads[0]!.sharesAssumed).toBeUndefined();
    expect(cost.workloads[0]!.api[0]!.monthlyUsd).toBeCloseTo(87.5, 9);
    expect(cost.workloads[0]!.api[1]!.monthlyUsd).toBeCloseTo(21, 9);
  });
});

describe('burst and fallback targets', () => {
  // 30B tokens a month, 25% output: 7.5B / 2,628,000 s = 2,853.9 tokens/s average, x 2 = 5,707.8 at
  // the peak. 8 H100 serving a 70B model at fp8 carry 850 x 0.75 x 8 = 5,100 tokens/s.
  const volume = { tokensPerMonth: 30_000_000_000, peakToAverage: 2 };
  const PEAK = 5707.76;
  const gpu = (id: string, extra: Partial<Target['hardware']> = {}): Target =>
    ({ id, type: 'cloud-self-hosted', provider: 'aws', model: 'llama-3.1-70b', precision: 'fp8', hardware: { gpus: 8, gpuType: 'h100', ...extra } }) as Target;
  const gpt: Target = { id: 'gpt', type: 'cloud-api', provider: 'openai', model: 'gpt-4o' } as Target;
  const deployment = (targets: Target[], rest: Record<string, unknown>) =>
    ({ deployment: { strategy: 'hybrid', targets, routing: [{ when: { default: true }, to: targets[0]!.id }], ...rest } }) as Partial<Manifest>;

  it('sizes a fallback for the peak it may take over, without charging it per token', () => {
    const cost = manifestCost(manifest([gpt], volume, deployment([gpt, gpu('gpu')], { fallbacks: [{ from: 'gpt', to: 'gpu' }] })), SETTINGS, PRICE_TABLE, TODAY);
    const chat = cost.workloads[0]!;
    // All of chat's tokens are charged to gpt: 22.5B input x $2.50 + 7.5B output x $10 = $131,250.
    expect(chat.api.map((a) => [a.target, a.share])).toEqual([['gpt', 1]]);
    expect(chat.api[0]!.monthlyUsd).toBeCloseTo(131_250, 6);
    expect(chat.selfHosted).toBeUndefined();
    expect(cost.details.gpu!.peakOutputTokensPerSecond).toBeCloseTo(PEAK, 1);
    expect(cost.targets[0]!.peakCapacityOk).toBe(false);
  });

  it('sizes a burst target for the whole routed peak, and a fallback of it in turn', () => {
    const cost = manifestCost(
      manifest([gpt], { ...volume, tokensPerMonth: 1_000_000_000 }, deployment([gpu('main'), gpu('burst'), gpu('spare')], { burst: { to: 'burst' }, fallbacks: [{ from: 'burst', to: 'spare' }] })),
      SETTINGS,
      PRICE_TABLE,
      TODAY,
    );
    // 1B tokens: 250M output / 2,628,000 s = 95.13 tokens/s, x 2 = 190.26 at the peak.
    expect(cost.details.main!.peakOutputTokensPerSecond).toBeCloseTo(190.26, 2);
    expect(cost.details.burst!.peakOutputTokensPerSecond).toBeCloseTo(190.26, 2);
    expect(cost.details.spare!.peakOutputTokensPerSecond).toBeCloseTo(190.26, 2);
    expect(cost.workloads[0]!.selfHosted).toEqual([{ target: 'main', share: 1 }]);
  });

  it('gives a fallback only the share of the target it stands in for', () => {
    const m = manifest([gpt], { ...volume, shareByTarget: { a: 0.8, b: 0.2 } }, {
      deployment: {
        strategy: 'cloud-self-hosted',
        targets: [gpu('a'), gpu('b'), gpu('c')],
        routing: [{ when: { dataClasses: ['docs'] }, to: 'a' }, { when: { dataClasses: ['notes'] }, to: 'b' }],
        fallbacks: [{ from: 'b', to: 'c' }],
      },
    } as Partial<Manifest>);
    m.dataClasses.push({ id: 'notes', category: 'internal' } as Manifest['dataClasses'][number]);
    m.workloads[0]!.dataClasses.push('notes');
    const cost = manifestCost(m, SETTINGS, PRICE_TABLE, TODAY);
    expect(cost.details.a!.peakOutputTokensPerSecond).toBeCloseTo(0.8 * PEAK, 1);
    expect(cost.details.c!.peakOutputTokensPerSecond).toBeCloseTo(0.2 * PEAK, 1);
  });

  it('judges an autoscaled target at the capacity it grows to', () => {
    // 5,707.8 > 5,100 on 8 GPUs; growing from 1 to 2 replicas gives 10,200.
    const fixed = manifestCost(manifest([gpu('gpu')], volume), SETTINGS, PRICE_TABLE, TODAY);
    const scaled = manifestCost(manifest([gpu('gpu', { autoscaling: { minReplicas: 1, maxReplicas: 2 } })], volume), SETTINGS, PRICE_TABLE, TODAY);
    expect(fixed.targets[0]!.peakCapacityOk).toBe(false);
    expect(scaled.targets[0]!.peakCapacityOk).toBe(true);
    expect(scaled.details.gpu!.capacityTokensPerSecond).toBe(5100);
  });
});
