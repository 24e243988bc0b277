// The builtins a wasm policy leaves to its host (those its `builtins` export lists), served from
// routewise's own builtin registry so that both engines compute every builtin the same way.
import {
  EMPTY_OBJECT,
  UNAVAILABLE_BUILTINS,
  parseJson,
  stringify,
  unavailableMessage,
  type BuiltinContext,
  type BuiltinDef,
  type Value,
} from '../../rego/index.ts';
import type { Problem, Result } from '../../problems/problem.ts';
import { WasmFailure } from './wasm-failure.ts';

/** Builtins by the numeric id the module calls them with (`opa_builtinN(id, ctx, ...)`). */
export interface HostBuiltins {
  readonly names: readonly string[];
  /** Calls builtin `id` on JSON argument texts; JSON text of the result, or undefined. */
  call(id: number, argTexts: readonly string[], ctx: BuiltinContext): string | undefined;
}

/**
 * Matches the module's `builtins` map ({name: id}) against the registry. Every name must be
 * served before anything runs: a policy that would fail halfway through is refused up front.
 */
export function resolveHostBuiltins(required: unknown, registry: ReadonlyMap<string, BuiltinDef>, module: string): Result<HostBuiltins> {
  if (typeof required !== 'object' || required === null || Array.isArray(required)) {
    return { ok: false, problems: [{ code: 'wasm-invalid-module', message: `${module}: its builtins export is not a map of names to ids` }] };
  }
  const byId = new Map<number, BuiltinDef>();
  const problems: Problem[] = [];
  for (const [name, id] of Object.entries(required as Record<string, unknown>)) {
    const def = registry.get(name);
    if (UNAVAILABLE_BUILTINS.has(name)) {
      problems.push({ code: 'wasm-missing-builtin', message: `${module}: the policy calls ${name}, and ${unavailableMessage(name)}`, hint: 'remove the call from the policy and rebuild the bundle' });
    } else if (!def || def.relation) {
      problems.push({
        code: 'wasm-missing-builtin',
        message: `${module}: the policy calls builtin ${name}, which routewise does not provide`,
        hint: 'the wasm engine serves the builtins of routewise\'s own Rego engine; rebuild the bundle without this call',
      });
    } else if (typeof id !== 'number' || !Number.isInteger(id)) {
      problems.push({ code: 'wasm-invalid-module', message: `${module}: builtin ${name} has id ${JSON.stringify(id)}, not an integer` });
    } else {
      byId.set(id, def);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      names: [...byId.values()].map((d) => d.name).sort(),
      call(id, argTexts, ctx) {
        const def = byId.get(id);
        if (!def) throw new WasmFailure('wasm-missing-builtin', `the policy called builtin #${id}, which its builtins export does not list`);
        let args: Value[];
        try {
          args = argTexts.map(parseJson);
        } catch (e) {
          throw new WasmFailure('wasm_eval_error', `${def.name}: the module passed an argument that is not JSON (${(e as Error).message})`);
        }
        let result: Value | undefined;
        try {
          result = def.fn(args, ctx);
        } catch (e) {
          // As in the built-in engine (and OPA without strict builtin errors), a failing builtin
          // makes its call undefined; only resource exhaustion stops the evaluation.
          if (e instanceof RangeError) throw new WasmFailure('wasm_eval_error', `${def.name}: ${e.message}`);
          return undefined;
        }
        return result === undefined ? undefined : stringify(result);
      },
    },
  };
}

/** A builtin context for one wasm evaluation: one clock reading, one cache, prints collected. */
export function wasmBuiltinContext(module: string, print: (line: string) => void): BuiltinContext {
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  return {
    nowNs,
    seed: String(nowNs),
    location: { file: module, row: 0, col: 0 },
    cache: new Map(),
    print,
    // The compiled module does not pass rule metadata to its host.
    metadataRule: () => EMPTY_OBJECT,
    metadataChain: () => [],
  };
}
