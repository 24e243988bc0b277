// Builtins a wasm module leaves to its host come from routewise's own registry: the same
// implementation as the Rego engine, errors as undefined, missing ones refused by name.
import { describe, expect, it } from 'vitest';
import type { BuiltinDef } from '../../../src/rego/builtins/builtin.ts';
import { registry } from '../../../src/rego/builtins/index.ts';
import { resolveHostBuiltins, wasmBuiltinContext } from '../../../src/policy/wasm/wasm-builtins.ts';
import { loadWasmPolicy } from '../../../src/policy/wasm/wasm-policy.ts';
import { fromJS, toJS } from '../../../src/rego/value.ts';
import { abiModule } from './abi-modules.ts';

async function load(reg: ReadonlyMap<string, BuiltinDef> = registry) {
  const r = await loadWasmPolicy(await abiModule('builtins'), { name: 'builtins.wasm', registry: reg });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  r.value.setData({});
  return r.value;
}

describe('host builtins for wasm modules', () => {
  it('lists the builtins the module needs', async () => {
    expect((await load()).builtins).toEqual(['sprintf', 'upper']);
  });

  it('calls a one-argument builtin through opa_builtin1', async () => {
    expect((await load()).evaluate('abi/upper', 'grüße')).toEqual({ ok: true, value: 'GRÜßE' });
  });

  it('formats with the registry sprintf, exactly as the Rego engine does', async () => {
    const args = [['a', 1, { k: true }], 7];
    const expected = toJS(registry.get('sprintf')!.fn([fromJS('%v|%d'), fromJS(args)], wasmBuiltinContext('t', () => {}))!);
    expect(expected).toBe('["a", 1, {"k": true}]|7');
    expect((await load()).evaluate('abi/sprintf', args)).toEqual({ ok: true, value: expected });
  });

  it('serves whatever the given registry holds under the name', async () => {
    const own = new Map(registry);
    own.set('upper', { name: 'upper', arity: 1, fn: (args) => `registry saw ${toJS(args[0]!) as string}` });
    expect((await load(own)).evaluate('abi/upper', 'x')).toEqual({ ok: true, value: 'registry saw x' });
  });

  it('uses a builtin result inside a finding', async () => {
    expect((await load()).evaluate('routewise/rules/deny', {})).toEqual({ ok: true, value: [{ id: 'ABI-010', message: 'SHOUT' }] });
  });

  it('makes a failing builtin call undefined, as the Rego engine does by default', async () => {
    expect((await load()).evaluate('abi/upper', ['not', 'a', 'string'])).toEqual({ ok: true, value: undefined });
  });

  it('refuses unknown, unavailable and relation builtins by name before anything runs', () => {
    const r = resolveHostBuiltins({ 'acme.lookup': 0, 'http.send': 1, walk: 2, upper: 3 }, registry, 'org.tar.gz');
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([
      'org.tar.gz: the policy calls builtin acme.lookup, which routewise does not provide',
      'org.tar.gz: the policy calls http.send, and http.send is not available in routewise: policies cannot reach the network or the file system',
      'org.tar.gz: the policy calls builtin walk, which routewise does not provide',
    ]);
  });

  it('refuses a builtins export that is not a map of names to ids', () => {
    expect(resolveHostBuiltins(['upper'], registry, 'm').ok).toBe(false);
    expect(resolveHostBuiltins({ upper: 'zero' }, registry, 'm').ok).toBe(false);
  });
});
