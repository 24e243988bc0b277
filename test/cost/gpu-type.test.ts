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

  it('tells near names apart: the NVL card, the A10 and the A10G, the L40 and the L40S', () => {
    expect(key('H100 NVL')).toBe('h100-nvl');
    expect(key('NVIDIA A10')).toBe('a10');
    expect(key('A10G')).toBe('a10g');
    expect(key('NVIDIA L40')).toBe('l40');
    expect(key('L40S')).toBe('l40s');
  });

  it('finds workstation and consumer cards as their makers name them', () => {
    expect(key('NVIDIA RTX 6000 Ada Generation')).toBe('rtx-6000-ada');
    expect(key('NVIDIA RTX A6000')).toBe('rtx-a6000');
    expect(key('GeForce RTX 4090')).toBe('rtx-4090');
    expect(key('AMD Instinct MI325X')).toBe('mi325x');
  });

  it('leaves a card the tables do not hold unjudged instead of taking a near name', () => {
    // 94 GB is the NVL card, written another way; the Quadro RTX 6000 (Turing, 24 GB) is not the
    // RTX 6000 Ada.
    for (const name of ['H100 94GB', 'h100 40gb', 'Quadro RTX 6000', 'RTX 5090', 'Gaudi 3']) expect(key(name), name).toBeUndefined();
  });
});
