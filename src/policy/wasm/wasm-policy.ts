// One OPA policy module (`opa build -t wasm`) instantiated under OPA's wasm policy ABI 1.x and
// evaluated through opa-wasm's LoadedPolicy; the host side (aborts, prints, builtins) is ours.
import * as opaWasm from '@open-policy-agent/opa-wasm';
import type { BuiltinDef } from '../../rego/index.ts';
import type { Problem, ProblemCode, Result } from '../../problems/problem.ts';
import { resolveHostBuiltins, wasmBuiltinContext, type HostBuiltins } from './wasm-builtins.ts';
import { WasmFailure } from './wasm-failure.ts';
import { memoryImportLimits } from './memory-import.ts';
import { wasmApi, type WasmExportValue, type WasmInstance, type WasmMemory, type WasmModule } from './wasm-api.ts';

/** What routewise uses of opa-wasm's LoadedPolicy: JSON in and out, memory grown as needed. */
interface LoadedPolicy {
  entrypoints: unknown;
  setData(data: unknown): void;
  evaluate(input: unknown, entrypoint: number): unknown;
}
// The package's ESM entry exposes LoadedPolicy on its default export only.
const { LoadedPolicy } = (opaWasm as unknown as { default: { LoadedPolicy: new (instance: WasmInstance, memory: WasmMemory, minor: number) => LoadedPolicy } }).default;

export interface WasmPolicyOptions {
  /** Names the module in messages (the bundle file). */
  name: string;
  registry: ReadonlyMap<string, BuiltinDef>;
  /** Pages of 64 KiB to start with; the memory grows as the module or a large input needs. */
  initialPages?: number;
  /** Receives `print` output of the policy (never written into machine output). */
  print?: (line: string) => void;
}

export interface WasmPolicy {
  readonly abi: { version: number; minor: number };
  /** Entrypoint names (`routewise/rules/deny`) to ids. */
  readonly entrypoints: Readonly<Record<string, number>>;
  /** Host builtins the module calls. */
  readonly builtins: readonly string[];
  setData(data: unknown): Result<void>;
  /** The entrypoint's value for this input, or undefined when the policy leaves it undefined. */
  evaluate(entrypoint: string, input: unknown): Result<unknown>;
}

const REQUIRED_FUNCTIONS = [
  'eval',
  'builtins',
  'entrypoints',
  'opa_eval_ctx_new',
  'opa_eval_ctx_set_input',
  'opa_eval_ctx_set_data',
  'opa_eval_ctx_set_entrypoint',
  'opa_eval_ctx_get_result',
  'opa_malloc',
  'opa_json_parse',
  'opa_json_dump',
  'opa_heap_ptr_get',
  'opa_heap_ptr_set',
];
const HOST_FUNCTIONS = new Set(['opa_abort', 'opa_println', 'opa_builtin0', 'opa_builtin1', 'opa_builtin2', 'opa_builtin3', 'opa_builtin4']);
const SUPPORTED_ABI = 1;
/**
 * The most memory a policy module may have, in 64 KiB pages (512 MiB): a module that declares more,
 * or grows past it, is refused instead of taking the machine's memory (a bundle under 1 MB can ask
 * for 4 GiB in its memory import).
 */
export const MAX_MEMORY_PAGES = 8192;

export async function loadWasmPolicy(wasm: Uint8Array, options: WasmPolicyOptions): Promise<Result<WasmPolicy>> {
  const name = options.name;
  let module: WasmModule;
  try {
    module = await wasmApi.compile(wasm);
  } catch (e) {
    return fail('wasm-invalid-module', `${name}: not a valid wasm module (${(e as Error).message})`);
  }
  const shape = checkShape(module, name);
  if (shape) return { ok: false, problems: shape };

  // Start at least as large as the module asks (opa-wasm's default of 5 pages otherwise); the module's
  // allocator and opa-wasm grow it from there, up to the module's declared maximum if it has one.
  const limits = memoryImportLimits(wasm);
  if ((limits?.initial ?? 0) > MAX_MEMORY_PAGES) {
    return fail(
      'wasm-invalid-module',
      `${name}: the module asks for ${limits!.initial} pages of memory (${Math.round((limits!.initial * 64) / 1024)} MiB) to start; routewise allows at most ${MAX_MEMORY_PAGES} (${(MAX_MEMORY_PAGES * 64) / 1024} MiB)`,
    );
  }
  const initial = Math.max(options.initialPages ?? 5, limits?.initial ?? 0);
  // An import without a maximum accepts any; one with a maximum accepts a smaller one.
  const maximum = Math.min(limits?.maximum ?? MAX_MEMORY_PAGES, MAX_MEMORY_PAGES);
  const memory = new wasmApi.Memory({ initial: Math.min(initial, maximum), maximum });
  const print = options.print ?? (() => {});
  // Filled in once the instance exists: builtin calls need its exports, and the ids come from it.
  let exports: Record<string, WasmExportValue> = {};
  let host: HostBuiltins | undefined;
  let ctx = wasmBuiltinContext(name, print);

  const text = (addr: number): string => {
    const bytes = new Uint8Array(memory.buffer);
    let end = addr;
    while (end < bytes.length && bytes[end] !== 0) end++;
    return new TextDecoder().decode(bytes.subarray(addr, end));
  };
  const dump = (valueAddr: number): string => text(fn(exports, 'opa_json_dump')(valueAddr));
  const load = (json: string): number => {
    const bytes = new TextEncoder().encode(json);
    const addr = fn(exports, 'opa_malloc')(bytes.length);
    new Uint8Array(memory.buffer).set(bytes, addr);
    const value = fn(exports, 'opa_json_parse')(addr, bytes.length);
    if (value === 0) throw new WasmFailure('wasm_eval_error', 'the module could not parse a builtin result');
    return value;
  };
  const builtin = (id: number, ...args: number[]): number => {
    if (!host) throw new WasmFailure('wasm_eval_error', 'the module called a builtin while loading');
    const result = host.call(id, args.map(dump), ctx);
    return result === undefined ? 0 : load(result);
  };
  const env = {
    memory,
    opa_abort: (addr: number) => {
      throw new WasmFailure('wasm_abort', `the policy aborted: ${text(addr)}`);
    },
    opa_println: (addr: number) => print(text(addr)),
    opa_builtin0: (id: number, _ctx: number) => builtin(id),
    opa_builtin1: (id: number, _ctx: number, a: number) => builtin(id, a),
    opa_builtin2: (id: number, _ctx: number, a: number, b: number) => builtin(id, a, b),
    opa_builtin3: (id: number, _ctx: number, a: number, b: number, c: number) => builtin(id, a, b, c),
    opa_builtin4: (id: number, _ctx: number, a: number, b: number, c: number, d: number) => builtin(id, a, b, c, d),
  };

  let instance: WasmInstance;
  try {
    instance = await wasmApi.instantiate(module, { env });
  } catch (e) {
    return failure(e, 'wasm-invalid-module', `${name}: the module cannot be instantiated`);
  }
  exports = instance.exports;

  const version = globalValue(exports.opa_wasm_abi_version);
  const minor = globalValue(exports.opa_wasm_abi_minor_version);
  if (version !== SUPPORTED_ABI) {
    return fail(
      'wasm-abi-unsupported',
      `${name}: the module needs OPA wasm ABI version ${version}.${minor}; routewise runs ABI ${SUPPORTED_ABI}.x`,
      'rebuild the bundle with an OPA release whose wasm ABI is 1.x',
    );
  }
  if (minor >= 2 && typeof exports.opa_eval !== 'function') {
    return fail('wasm-invalid-module', `${name}: the module declares ABI 1.${minor} but does not export opa_eval`);
  }

  let policy: LoadedPolicy;
  try {
    const required: unknown = JSON.parse(dump(fn(exports, 'builtins')()));
    const resolved = resolveHostBuiltins(required, options.registry, name);
    if (!resolved.ok) return resolved;
    host = resolved.value;
    policy = new LoadedPolicy(instance, memory, minor);
  } catch (e) {
    return failure(e, 'wasm-invalid-module', `${name}: the module failed while loading`);
  }
  const entrypoints = readEntrypoints(policy.entrypoints);
  if (!entrypoints) return fail('wasm-invalid-module', `${name}: its entrypoints export is not a map of names to ids`);

  return {
    ok: true,
    value: {
      abi: { version, minor },
      entrypoints,
      builtins: host.names,
      setData(data) {
        try {
          policy.setData(data as object);
          return { ok: true, value: undefined };
        } catch (e) {
          return failure(e, 'wasm_eval_error', `${name}: the module could not load the data`);
        }
      },
      evaluate(entrypoint, input) {
        const id = entrypoints[entrypoint];
        if (id === undefined) return fail('wasm-entrypoint', `${name}: the module has no entrypoint ${entrypoint}`);
        ctx = wasmBuiltinContext(name, print);
        let resultSet: unknown;
        try {
          resultSet = policy.evaluate(input, id);
        } catch (e) {
          return failure(e, 'wasm_eval_error', `${name}: evaluating ${entrypoint} failed`);
        }
        if (!Array.isArray(resultSet)) return fail('wasm_eval_error', `${name}: ${entrypoint} returned ${JSON.stringify(resultSet)}, not a result set`);
        if (resultSet.length === 0) return { ok: true, value: undefined };
        const first: unknown = resultSet[0];
        if (typeof first !== 'object' || first === null || !('result' in first)) {
          return fail('wasm_eval_error', `${name}: ${entrypoint} returned a result set without "result"`);
        }
        return { ok: true, value: (first as { result: unknown }).result };
      },
    },
  };
}

/** Refuses modules that are not OPA policies before running any of their code. */
function checkShape(module: WasmModule, name: string): Problem[] | undefined {
  const exported = new Map(wasmApi.Module.exports(module).map((e) => [e.name, e.kind]));
  if (exported.get('opa_wasm_abi_version') !== 'global' || exported.get('opa_wasm_abi_minor_version') !== 'global') {
    return [
      {
        code: 'wasm-abi-unsupported',
        message: `${name}: the module exports no opa_wasm_abi_version / opa_wasm_abi_minor_version; it is not an OPA policy module of ABI 1.x`,
        hint: 'build it with `opa build -t wasm` (OPA 0.27 or later)',
      },
    ];
  }
  const missing = REQUIRED_FUNCTIONS.filter((f) => exported.get(f) !== 'function');
  if (missing.length > 0) return [{ code: 'wasm-invalid-module', message: `${name}: the module lacks the OPA exports ${missing.join(', ')}` }];
  const problems: Problem[] = [];
  for (const imp of wasmApi.Module.imports(module)) {
    const known = imp.module === 'env' && ((imp.name === 'memory' && imp.kind === 'memory') || (HOST_FUNCTIONS.has(imp.name) && imp.kind === 'function'));
    if (!known) problems.push({ code: 'wasm-invalid-module', message: `${name}: the module imports ${imp.module}.${imp.name} (${imp.kind}), which the OPA wasm ABI does not define` });
  }
  return problems.length > 0 ? problems : undefined;
}

function readEntrypoints(x: unknown): Record<string, number> | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(x)) {
    if (typeof v !== 'number') return undefined;
    out[k] = v;
  }
  return out;
}

function globalValue(g: WasmExportValue | undefined): number {
  return g instanceof wasmApi.Global ? Number(g.value) : NaN;
}

function fn(exports: Record<string, WasmExportValue>, name: string): (...args: number[]) => number {
  return exports[name] as (...args: number[]) => number;
}

/** Anything thrown from inside the module (ours, a trap, a string from a careless host) as a Problem. */
function failure<T>(e: unknown, code: ProblemCode, context: string): Result<T> {
  if (e instanceof WasmFailure) return fail(e.code, `${context}: ${e.message}`);
  const detail = e instanceof Error ? e.message : String(e);
  return fail(code, `${context}: ${detail}`);
}

function fail<T>(code: ProblemCode, message: string, hint?: string): Result<T> {
  return { ok: false, problems: [{ code, message, ...(hint ? { hint } : {}) }] };
}
