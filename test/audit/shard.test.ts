import fc from '../fast-check.ts';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/audit/shard.ts';

describe('sharding repositories', () => {
  it('reads I/N with 1 <= I <= N and rejects anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '-1/2', '1/2/3']) expect(parseShard(bad)).toBeUndefined();
  });

  it('puts every path in exactly one shard', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 16 }), (path, count) => {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(path, { index, count }));
        expect(owners).toEqual([shardOf(path, count)]);
      }),
    );
  });

  it('is FNV-1a of the path, a fixed function the same on every machine', () => {
    // Published FNV-1a 32-bit test vectors.
    for (const [text, hash] of [['', 0x811c9dc5], ['a', 0xe40c292c], ['foobar', 0xbf9cf968]] as const) {
      for (const n of [1, 2, 7, 1000, 65521]) expect(shardOf(text, n)).toBe((hash % n) + 1);
    }
  });

  it('spreads many repositories roughly evenly', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf(`org/team-${i % 37}/service-${i}`, 4) - 1]! += 1;
    for (const n of counts) expect(n).toBeGreaterThan(800);
  });
});
