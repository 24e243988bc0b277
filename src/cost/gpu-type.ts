// Which row of the settings' GPU tables a manifest's `gpuType` means. Teams write one GPU many
// ways (`h100`, `H100 SXM`, `NVIDIA H100 80GB`, `nvidia-a100-80gb`); the tables name each once.

/** Words that name the vendor, product line or form factor, not the GPU. */
const NOISE = new Set(['nvidia', 'amd', 'instinct', 'tesla', 'geforce', 'generation', 'gpu', 'sxm', 'sxm4', 'sxm5', 'pcie', 'hbm2e', 'hbm3', 'hbm3e']);

/**
 * The table key `name` means, or undefined. A memory size in the name must agree with the table
 * (`h100 80gb` is the h100 row; `h100 94gb`, the NVL card, is none), so a card the tables do not
 * hold is left unjudged rather than judged as another.
 */
export function gpuTypeKey(name: string, memoryGb: Readonly<Record<string, number>>): string | undefined {
  const words = name
    .toLowerCase()
    .replace(/(\d)\s*gb\b/g, '$1gb')
    .split(/[\s_\-/]+/)
    .filter((w) => w !== '' && !NOISE.has(w));
  const memory = words.map((w) => /^(\d+)gb$/.exec(w)?.[1]).find((m) => m !== undefined);
  const whole = words.join('');
  const bare = words.filter((w) => !/^\d+gb$/.test(w)).join('');
  let found: string | undefined;
  for (const [key, compact] of compactKeys(memoryGb)) {
    if (compact === whole) return key;
    if (found === undefined && compact === bare && (memory === undefined || Number(memory) === memoryGb[key])) found = key;
  }
  return found;
}

/** Each key with its separators dropped, worked out once per table (every own target asks). */
function compactKeys(memoryGb: Readonly<Record<string, number>>): [string, string][] {
  let keys = COMPACT_KEYS.get(memoryGb);
  if (!keys) COMPACT_KEYS.set(memoryGb, (keys = Object.keys(memoryGb).map((key) => [key, key.toLowerCase().replace(/[\s_\-/]+/g, '')])));
  return keys;
}

const COMPACT_KEYS = new WeakMap<object, [string, string][]>();
