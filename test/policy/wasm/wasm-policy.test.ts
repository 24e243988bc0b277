// Loading and evaluating policy modules under OPA's wasm ABI 1.x, on hand-written ABI test
// modules: entrypoints, input and data, memory growth, and each way a module is refused.
import { describe, expect, it } from 'vitest';
import { loadWasmPolicy, type WasmPolicy } from '../../../src/policy/wasm/wasm-policy.ts';
import { registry } from '../../../src/rego/builtins/index.ts';
import { abiModule } from './abi-modules.ts';

async function load(name: string): Promise<WasmPolicy> {
  const r = await loadWasmPolicy(await abiModule(name), { name: `${name}.wasm`, registry });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

async function refusal(name: string | Uint8Array): Promise<{ code: string; message: string }[]> {
  const bytes = typeof name === 'string' ? await abiModule(name) : name;
  const r = await loadWasmPolicy(bytes, { name: 'bundle.tar.gz', registry });
  if (r.ok) throw new Error('expected the module to be refused');
  return r.problems.map((p) => ({ code: p.code, message: p.message }));
}

describe('loadWasmPolicy', () => {
  it('reads the ABI version and the entrypoints of a module', async () => {
    const policy = await load('findings');
    expect(policy.abi).toEqual({ version: 1, minor: 2 });
    expect(Object.keys(policy.entrypoints).sort()).toEqual(['abi/echo', 'main/info', 'routewise/rules/allow', 'routewise/rules/deny', 'routewise/rules/warn']);
    expect(policy.builtins).toEqual([]);
  });

  it('passes input and data to the module and reads back its result (ABI 1.2 fast path)', async () => {
    const policy = await load('findings');
    expect(policy.setData({ limits: { max: 3 }, name: 'ünïcode' }).ok).toBe(true);
    const input = { targets: [{ id: 'a', provider: 'openai' }], n: 1.5, flag: false };
    expect(policy.evaluate('abi/echo', input)).toEqual({ ok: true, value: { input, data: { limits: { max: 3 }, name: 'ünïcode' } } });
  });

  it('selects the entrypoint by name, and tells undefined from defined', async () => {
    const policy = await load('findings');
    expect(policy.evaluate('routewise/rules/allow', {})).toEqual({ ok: true, value: true });
    expect(policy.evaluate('main/info', {})).toEqual({ ok: true, value: undefined });
    expect(policy.evaluate('routewise/rules/deny', { provider: 'mistral' })).toEqual({ ok: true, value: [] });
    const denied = policy.evaluate('routewise/rules/deny', { provider: 'openai' });
    expect(denied.ok && denied.value).toEqual([{ id: 'ABI-001', message: 'a target is served by openai', path: ['deployment', 'targets', 0, 'provider'] }]);
  });

  it('names an entrypoint the module does not have', async () => {
    const policy = await load('findings');
    const r = policy.evaluate('routewise/rules/nope', {});
    expect(!r.ok && r.problems[0]!.message).toBe('findings.wasm: the module has no entrypoint routewise/rules/nope');
  });

  it('grows memory for a 5 MB input on the fast path', async () => {
    const policy = await load('findings');
    policy.setData({});
    const big = { blob: 'x'.repeat(5 * 1024 * 1024), list: Array.from({ length: 20000 }, (_, i) => ({ i })) };
    const r = policy.evaluate('abi/echo', big);
    expect(r.ok).toBe(true);
    const echoed = (r as { value: { input: typeof big } }).value.input;
    expect(echoed.blob.length).toBe(big.blob.length);
    expect(echoed.list[19999]).toEqual({ i: 19999 });
    // The module still works on a small input afterwards.
    expect(policy.evaluate('abi/echo', { small: true })).toEqual({ ok: true, value: { input: { small: true }, data: {} } });
  });

  it('grows memory for a 5 MB input and 5 MB of data on the classic path (ABI 1.1)', async () => {
    const policy = await load('builtins');
    expect(policy.abi.minor).toBe(1);
    expect(policy.setData({ blob: 'd'.repeat(5 * 1024 * 1024) }).ok).toBe(true);
    const r = policy.evaluate('abi/upper', 'a'.repeat(5 * 1024 * 1024));
    expect(r.ok && (r.value as string).length).toBe(5 * 1024 * 1024);
    expect(r.ok && (r.value as string).slice(0, 3)).toBe('AAA');
  });

  it('starts memory as large as the module imports it, within its declared maximum', async () => {
    for (const memoryLimits of ['40', '2 64']) {
      const r = await loadWasmPolicy(await abiModule('findings', { memoryLimits }), { name: 'm', registry });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      r.value.setData({});
      expect(r.value.evaluate('abi/echo', { n: 1 })).toEqual({ ok: true, value: { input: { n: 1 }, data: {} } });
    }
    // Within a maximum of 64 pages (4 MiB), a 5 MB input cannot fit: a problem, not a crash.
    const capped = await loadWasmPolicy(await abiModule('findings', { memoryLimits: '2 64' }), { name: 'm', registry });
    if (!capped.ok) throw new Error(JSON.stringify(capped.problems));
    capped.value.setData({});
    const r = capped.value.evaluate('abi/echo', { blob: 'x'.repeat(5 * 1024 * 1024) });
    expect(!r.ok && r.problems[0]!.code).toBe('wasm_eval_error');
  });

  it('turns opa_abort into a problem carrying the module message, on every evaluation', async () => {
    const policy = await load('abort');
    const r = policy.evaluate('routewise/rules/deny', {});
    expect(r).toEqual({
      ok: false,
      problems: [{ code: 'wasm_abort', message: 'abort.wasm: evaluating routewise/rules/deny failed: the policy aborted: deliberate abort in an ABI test module' }],
    });
    expect(policy.evaluate('routewise/rules/deny', {}).ok).toBe(false);
  });

  it('refuses a module of another ABI major version', async () => {
    expect(await refusal('abi-2')).toEqual([
      { code: 'wasm-abi-unsupported', message: 'bundle.tar.gz: the module needs OPA wasm ABI version 2.0; routewise runs ABI 1.x' },
    ]);
  });

  it('refuses a module that calls builtins nobody provides, naming each', async () => {
    const problems = await refusal('missing-builtin');
    expect(problems.map((p) => p.code)).toEqual(['wasm-missing-builtin', 'wasm-missing-builtin']);
    expect(problems[0]!.message).toBe('bundle.tar.gz: the policy calls builtin acme.lookup, which routewise does not provide');
    expect(problems[1]!.message).toMatch(/^bundle\.tar\.gz: the policy calls http\.send, and http\.send is not available in routewise/);
  });

  it('refuses a wasm module that is no OPA policy', async () => {
    const [p] = await refusal('not-a-policy');
    expect(p).toEqual({
      code: 'wasm-abi-unsupported',
      message: 'bundle.tar.gz: the module exports no opa_wasm_abi_version / opa_wasm_abi_minor_version; it is not an OPA policy module of ABI 1.x',
    });
  });

  it('refuses bytes that are not valid wasm', async () => {
    const good = await abiModule('findings');
    const broken = good.slice(0, good.length - 50);
    const [p] = await refusal(broken);
    expect(p!.code).toBe('wasm-invalid-module');
    expect(p!.message).toMatch(/^bundle\.tar\.gz: not a valid wasm module \(/);
  });
});
