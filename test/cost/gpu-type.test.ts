import { describe, expect, it } from 'vitest';
import { gpuTypeKey } from '../../src/cost/gpu-type.ts';
import { SETTINGS } from './settings.ts';

const key = (name: string) => gpuTypeKey(name, SETTINGS.gpuMemoryGb);

describe('GPU type names', () => {
  it('finds the table row for the ways teams write one GPU', () => {
    for (const name of ['h100', 'H100', 'H100 SXM', 'NVIDIA H100 80GB', 'nvidia-h100-80gb-hbm3', 'H100 80 GB', 'h100_sxm5']) expect(key(name), name).toBe('h100');
    for (const name of ['A100 80GB', 'nvidia-a100-80gb', 'A100-SXM4-80GB']) expect(key(name), name).toBe('a100-80gb');
    for (const name of ['A100 40GB', 'NVIDIA A100-PCIE-40GB']) expect(key(name), name).toBe('a100-40gb');
    expect(key('AMD Instinct MI300X')).toBe('mi300x');
    expect(key('NVIDIA L40S')).toBe('l40s');
    expect(key('nvidia-tesla-t4')).toBe('t4');
  });

  it('leaves a card the tables do not hold unjudged instead of taking a near name', () => {
    // The H100 NVL has 94 GB; the A10 is not the A10G; the L40 is not the L40S.
    for (const name of ['H100 NVL', 'H100 94GB', 'A10', 'L40', 'RTX 4090', 'h100 40gb']) expect(key(name), name).toBeUndefined();
  });
});
