// Model sizes looked up by name, as self-hosted targets name their models (Hugging Face ids,
// short names): a distilled or small variant must not be sized as the family it starts with.
import { describe, expect, it } from 'vitest';
import { modelParamsBOf } from '../../src/cost/sizing.ts';
import { SETTINGS } from './settings.ts';

const size = (model: string) => modelParamsBOf(model, undefined, SETTINGS.openModelParamsB);

describe('open model sizes', () => {
  it('reads Hugging Face ids and short names alike', () => {
    expect(size('meta-llama/Llama-3.3-70B-Instruct')).toBe(70);
    expect(size('meta-llama/Meta-Llama-3.1-70B-Instruct')).toBe(70);
    expect(size('meta-llama/Meta-Llama-3.1-8B-Instruct')).toBe(8);
    expect(size('Qwen/Qwen2.5-72B-Instruct')).toBe(72.7);
    expect(size('Qwen/Qwen2.5-7B-Instruct')).toBe(7.6);
    expect(size('mistralai/Mixtral-8x7B-Instruct-v0.1')).toBe(46.7);
  });

  it('sizes a distilled or small variant as itself, not as the family it starts with', () => {
    expect(size('deepseek-ai/DeepSeek-R1-Distill-Llama-70B')).toBe(70);
    expect(size('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B')).toBe(32.8);
    expect(size('deepseek-ai/DeepSeek-R1')).toBe(671);
    expect(size('microsoft/Phi-4-mini-instruct')).toBe(3.8);
    expect(size('microsoft/phi-4')).toBe(14.7);
    expect(size('Qwen/Qwen3-30B-A3B')).toBe(30.5);
    expect(size('meta-llama/Llama-3.2-11B-Vision-Instruct')).toBe(10.6);
    expect(size('meta-llama/Llama-3.2-1B-Instruct')).toBe(1.2);
  });

  it('leaves a model it does not know unsized, and a declared size wins', () => {
    expect(size('acme/in-house-assistant-v2')).toBeUndefined();
    expect(modelParamsBOf('deepseek-ai/DeepSeek-R1', 70, SETTINGS.openModelParamsB)).toBe(70);
  });
});
