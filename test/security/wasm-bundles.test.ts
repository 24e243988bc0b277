// Wasm bundles come from other teams: one must not cost more than its size. A small bundle may not
// take gigabytes (a memory import asking for 4 GiB, or gzip that unpacks to a gigabyte), many data
// files merge in linear time, and an archive holding one path twice is refused, not half-read.
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { MAX_UNPACKED_BYTES, readBundle } from '../../src/policy/wasm/bundle-reader.ts';
import { loadWasmPolicy } from '../../src/policy/wasm/wasm-policy.ts';
import { registry } from '../../src/rego/builtins/index.ts';
import { abiModule, packBundle } from '../policy/wasm/abi-modules.ts';

/** A tar archive of entries in order, the same path allowed twice (which packBundle cannot express). */
async function packEntries(entries: [string, Uint8Array | string][]): Promise<Uint8Array> {
  const pack = tar.pack();
  for (const [name, content] of entries) pack.entry({ name, type: 'file' }, typeof content === 'string' ? content : Buffer.from(content));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

function problemsOf(r: { ok: boolean; problems?: { code: string; message: string }[] }): string[] {
  if (r.ok) throw new Error('expected the bundle to be refused');
  return r.problems!.map((p) => `${p.code}: ${p.message}`);
}

describe('wasm bundles', () => {
  it('refuses a bundle that holds policy.wasm twice, naming the entry', async () => {
    const first = await abiModule('findings');
    const second = await abiModule('abort');
    const r = await readBundle(await packEntries([['/policy.wasm', first], ['/policy.wasm', second]]), 'org.tar.gz');
    expect(problemsOf(r)).toEqual([expect.stringMatching(/^wasm-bundle-corrupt: org\.tar\.gz: the bundle holds \/policy\.wasm twice/)]);
  });

  it('refuses duplicate data files too, however the path is spelled', async () => {
    const wasm = await abiModule('findings');
    const r = await readBundle(await packEntries([['/policy.wasm', wasm], ['/a/data.json', '{"x":1}'], ['./a/data.json', '{"x":2}']]), 'org.tar.gz');
    expect(problemsOf(r)).toEqual([expect.stringContaining('holds /a/data.json twice')]);
  });

  it('merges 20,000 data files, each under its folder (linear, not quadratic, in the file count)', { timeout: 20_000 }, async () => {
    const files: Record<string, Uint8Array | string> = { '/policy.wasm': await abiModule('findings') };
    for (let i = 0; i < 20_000; i++) files[`/teams/t${i}/data.json`] = `{"limit":${i}}`;
    files['/teams/data.json'] = '{"shared":true}';
    const r = await readBundle(await packBundle(files), 'org.tar.gz');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const teams = (r.value.data as { teams: Record<string, unknown> }).teams;
    expect(Object.keys(teams)).toHaveLength(20_001);
    expect(teams.t0).toEqual({ limit: 0 });
    expect(teams.t19999).toEqual({ limit: 19_999 });
    expect(teams.shared).toBe(true);
  });

  it('refuses a small gzip bundle that would unpack past the limit, saying so', async () => {
    // Under 1 MB on disk, over the limit unpacked: a data file of spaces compresses a thousandfold.
    const big = Buffer.alloc(MAX_UNPACKED_BYTES + 1024 * 1024, 0x20);
    const bomb = await packEntries([['/policy.wasm', await abiModule('findings')], ['/data.json', big]]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await readBundle(bomb, 'bomb.tar.gz');
    expect(problemsOf(r)).toEqual([expect.stringMatching(/^wasm-bundle-unsupported: bomb\.tar\.gz: the bundle unpacks to more than 64 MiB/)]);
  });

  it('refuses a module whose memory import asks for gigabytes, before allocating them', async () => {
    const wasm = await abiModule('findings', { memoryLimits: '60000' });
    expect(wasm.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const r = await loadWasmPolicy(wasm, { name: 'huge.wasm', registry });
    expect(problemsOf(r)).toEqual([expect.stringContaining('huge.wasm: the module asks for 60000 pages of memory (3750 MiB) to start')]);
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
  });
});
