// Properties of the numbers that must hold for any volume: more tokens never cost less, the
// break-even is where the two costs meet, and sizing never gives a model less than it needs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiMonthlyUsd } from '../../src/cost/api-cost.ts';
import { breakEvenTokensPerMonth } from '../../src/cost/break-even.ts';
import { selfHostedOption } from '../../src/cost/self-hosted-option.ts';
import { gpusPerReplica, memoryNeededGb, sizeForLoad } from '../../src/cost/sizing.ts';
import type { Precision } from '../../src/cost/cost-settings.ts';
import { SETTINGS } from './settings.ts';

const shape = { tokensPerRequest: 4000, inputShare: 0.75, cachedInputShare: 0, batchShare: 0 };
const gpt4o = { input: 2.5, output: 10, cachedInput: 1.25 };
const volume = fc.integer({ min: 0, max: 200_000_000_000 });
const optionShape = fc.record({
  inputShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  peakToAverage: fc.double({ min: 1, max: 6, noNaN: true }),
  engineers: fc.integer({ min: 0, max: 6 }),
  engineerAnnualCostUsd: fc.constant(200_000),
});

describe('cost properties', () => {
  it('API cost grows with tokens', () => {
    fc.assert(fc.property(volume, volume, (a, b) => apiMonthlyUsd(gpt4o, Math.min(a, b), shape, undefined) <= apiMonthlyUsd(gpt4o, Math.max(a, b), shape, undefined)));
  });

  it('the self-hosted option never costs less for more tokens', () => {
    fc.assert(
      fc.property(volume, volume, optionShape, (a, b, s) => selfHostedOption(SETTINGS, Math.min(a, b), s)!.monthlyUsd <= selfHostedOption(SETTINGS, Math.max(a, b), s)!.monthlyUsd),
    );
  });

  it('break-even is the first volume where the API costs at least the option sized for it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000_000, max: 20_000_000_000 }), optionShape, fc.double({ min: 0.5, max: 30, noNaN: true }), (declared, s, perMillion) => {
        const apiAt = (v: number) => (v * perMillion) / 1e6;
        const v = breakEvenTokensPerMonth(SETTINGS, apiAt, declared, s);
        if (v === null) {
          // None up to 100 x declared: at no sampled volume does the API cost reach the option.
          for (const f of [0.5, 1, 10, 50, 100]) expect(apiAt(declared * f)).toBeLessThan(selfHostedOption(SETTINGS, declared * f, s)!.monthlyUsd);
          return;
        }
        expect(apiAt(v)).toBeGreaterThanOrEqual(selfHostedOption(SETTINGS, v, s)!.monthlyUsd);
        expect(apiAt(v - 1)).toBeLessThan(selfHostedOption(SETTINGS, v - 1, s)!.monthlyUsd);
      }),
    );
  });

  it('sizing never gives fewer GPUs than the model needs', () => {
    const precisions: Precision[] = ['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4'];
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        fc.constantFrom(...precisions),
        fc.constantFrom(...Object.keys(SETTINGS.gpuMemoryGb)),
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (params, precision, gpu, avg, peak) => {
          const memory = SETTINGS.gpuMemoryGb[gpu]!;
          const perReplica = gpusPerReplica(params, precision, memory);
          const sized = sizeForLoad(avg, peak, perReplica, 850, 0.75);
          expect(perReplica * memory).toBeGreaterThanOrEqual(memoryNeededGb(params, precision));
          expect(sized.gpus % perReplica).toBe(0);
          expect(sized.gpus).toBeGreaterThanOrEqual(2 * perReplica);
          // Serving replicas carry the peak.
          expect(sized.replicas * perReplica * 850 * 0.75).toBeGreaterThanOrEqual(avg * peak * (1 - 1e-9));
        },
      ),
    );
  });
});
