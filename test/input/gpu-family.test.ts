import { describe, expect, it } from 'vitest';
import { gpuFamily } from '../../src/input/observed.ts';

// The cluster's node labels and the manifest's gpuType name one card in different words; drift
// rules compare the families they name.
describe('GPU families', () => {
  it('reads a manifest name and a node label for the same card as one family', () => {
    const pairs: [string, string][] = [
      ['H100 SXM', 'NVIDIA-H100-80GB-HBM3'],
      ['GeForce RTX 4090', 'NVIDIA-GeForce-RTX-4090'],
      ['RTX 6000 Ada', 'NVIDIA-RTX-6000-Ada-Generation'],
      ['NVIDIA A40', 'nvidia-a40'],
      ['AMD Instinct MI325X', 'AMD-Instinct-MI325X'],
    ];
    for (const [manifest, label] of pairs) expect(gpuFamily(manifest), `${manifest} / ${label}`).toBe(gpuFamily(label));
  });

  it('keeps cards with similar names apart', () => {
    expect(gpuFamily('A10')).not.toBe(gpuFamily('A100'));
    expect(gpuFamily('L40')).not.toBe(gpuFamily('L40S'));
    expect(gpuFamily('Quadro RTX 6000')).not.toBe(gpuFamily('RTX 6000 Ada'));
    expect(gpuFamily('RTX 4090')).not.toBe(gpuFamily('RTX 3090'));
  });
});
