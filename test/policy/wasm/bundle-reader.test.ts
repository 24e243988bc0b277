// Reading OPA wasm bundles: the layouts `opa build -t wasm` writes, and every way a file can fail to be one.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../src/policy/wasm/bundle-reader.ts';
import { abiModule, packBundle } from './abi-modules.ts';

const MANIFEST = JSON.stringify({
  revision: 'r7',
  roots: [''],
  wasm: [
    { entrypoint: 'routewise/rules/deny', module: '/policy.wasm', annotations: [{ scope: 'rule', title: 'No OpenAI', custom: { id: 'ABI-001' } }] },
    { entrypoint: 'routewise/rules/warn', module: '/policy.wasm' },
  ],
  metadata: { owner: 'platform' },
});

async function problemCodes(bytes: Uint8Array): Promise<string[]> {
  const r = await readBundle(bytes, 'org.tar.gz');
  if (r.ok) throw new Error('expected the bundle to be refused');
  return r.problems.map((p) => `${p.code}: ${p.message}`);
}

describe('readBundle', () => {
  it('reads the module, the manifest and the data of a gzipped bundle', async () => {
    const wasm = await abiModule('findings');
    const bytes = await packBundle({ '/policy.wasm': wasm, '/data.json': '{"limits":{"max":3}}', '/.manifest': MANIFEST });
    const r = await readBundle(bytes, 'org.tar.gz');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.wasm).toEqual(wasm);
    expect(r.value.data).toEqual({ limits: { max: 3 } });
    expect(r.value.manifest?.revision).toBe('r7');
    expect(r.value.manifest?.wasm.map((w) => w.entrypoint)).toEqual(['routewise/rules/deny', 'routewise/rules/warn']);
    expect(r.value.manifest?.wasm[0]?.annotations).toEqual([{ scope: 'rule', title: 'No OpenAI', custom: { id: 'ABI-001' } }]);
    expect(r.value.manifest?.metadata).toEqual({ owner: 'platform' });
  });

  it('nests data files under their folders and merges them', async () => {
    const bytes = await packBundle({
      '/policy.wasm': await abiModule('findings'),
      '/data.json': '{"top":1,"acme":{"keep":true}}',
      '/acme/limits/data.json': '{"max":5}',
      'acme/data.yaml': 'region: eu\n',
    });
    const r = await readBundle(bytes, 'org.tar.gz');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.data).toEqual({ top: 1, acme: { keep: true, region: 'eu', limits: { max: 5 } } });
  });

  it('accepts a bare policy.wasm with no data', async () => {
    const wasm = await abiModule('findings');
    const r = await readBundle(wasm, 'policy.wasm');
    expect(r.ok && r.value).toEqual({ wasm, data: {} });
  });

  it('accepts an uncompressed tar and paths written ./policy.wasm', async () => {
    const wasm = await abiModule('findings');
    const r = await readBundle(await packBundle({ './policy.wasm': wasm }, { gzip: false }), 'org.tar');
    expect(r.ok && r.value.wasm).toEqual(wasm);
  });

  it('takes the module the manifest names', async () => {
    const wasm = await abiModule('findings');
    const manifest = JSON.stringify({ revision: '', wasm: [{ entrypoint: 'x/deny', module: '/build/rules.wasm' }] });
    const r = await readBundle(await packBundle({ '/.manifest': manifest, '/build/rules.wasm': wasm }), 'org.tar.gz');
    expect(r.ok && r.value.wasm).toEqual(wasm);
  });

  it('refuses a file that is neither gzip, tar nor wasm', async () => {
    expect(await problemCodes(new TextEncoder().encode('package routewise.rules\n'))).toEqual([
      'wasm-bundle-corrupt: org.tar.gz: neither a bundle (.tar.gz) nor a wasm module',
    ]);
  });

  it('refuses truncated gzip data', async () => {
    const bytes = await packBundle({ '/policy.wasm': await abiModule('findings') });
    const [only] = await problemCodes(bytes.subarray(0, 40));
    expect(only).toMatch(/^wasm-bundle-corrupt: org\.tar\.gz: the gzip data is corrupt/);
  });

  it('refuses gzip data that is not a tar archive', async () => {
    const [only] = await problemCodes(gzipSync(Buffer.from('just some text, not a tar archive')));
    expect(only).toMatch(/^wasm-bundle-corrupt: org\.tar\.gz: not a readable tar archive/);
  });

  it('refuses a bundle without policy.wasm, naming what is missing', async () => {
    const bytes = await packBundle({ '/data.json': '{}', '/rules.rego': 'package x\n' });
    expect(await problemCodes(bytes)).toEqual(['wasm-bundle-corrupt: org.tar.gz: the bundle has no /policy.wasm']);
  });

  it('refuses a manifest that is not JSON and data.json that is not JSON', async () => {
    const wasm = await abiModule('findings');
    const [manifest] = await problemCodes(await packBundle({ '/policy.wasm': wasm, '/.manifest': '{revision' }));
    expect(manifest).toMatch(/^wasm-bundle-corrupt: org\.tar\.gz: \/\.manifest is not valid JSON/);
    const [data] = await problemCodes(await packBundle({ '/policy.wasm': wasm, '/acme/data.json': '{"a":' }));
    expect(data).toMatch(/^wasm-bundle-corrupt: org\.tar\.gz: \/acme\/data\.json is not valid JSON/);
  });

  it('refuses a bundle whose manifest spreads entrypoints over several modules', async () => {
    const wasm = await abiModule('findings');
    const manifest = JSON.stringify({
      revision: '',
      wasm: [
        { entrypoint: 'a/deny', module: '/a.wasm' },
        { entrypoint: 'b/deny', module: '/b.wasm' },
      ],
    });
    const codes = await problemCodes(await packBundle({ '/.manifest': manifest, '/a.wasm': wasm, '/b.wasm': wasm }));
    expect(codes).toEqual(['wasm-bundle-unsupported: org.tar.gz: the bundle holds 2 wasm modules (a.wasm, b.wasm); routewise runs bundles with one module']);
  });
});
