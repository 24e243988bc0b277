// Loads an OPA wasm bundle as the policy engine (kept apart so the wasm runtime loads only when used).
import type { Engine } from '../engine/engine.ts';
import type { Result } from '../problems/problem.ts';

export async function loadWasmEngine(bundle: string, _data: unknown): Promise<Result<Engine>> {
  return { ok: false, problems: [{ code: 'wasm-unavailable', message: `${bundle}: the wasm engine is not available in this build yet` }] };
}
