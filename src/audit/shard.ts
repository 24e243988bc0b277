// Splits repositories across machines (`--shard I/N`) by a hash of the repository path: the same
// repository always lands in the same shard, whatever else the organisation holds.

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

export function inShard(path: string, shard: Shard): boolean {
  return shardOf(path, shard.count) === shard.index;
}

/** The 1-based shard of a path: FNV-1a over its UTF-8 bytes, which is stable across platforms and versions. */
export function shardOf(path: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(path)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}
