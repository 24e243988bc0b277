// Loads an OPA wasm bundle as the policy engine (kept apart so the wasm runtime loads only when used).
import { readFileSync } from 'node:fs';
import type { Engine } from './engine.ts';
import type { Result } from '../problems/problem.ts';
import { readBundle } from './wasm/bundle-reader.ts';
import { createWasmEngine } from './wasm/wasm-engine.ts';

export async function loadWasmEngine(bundle: string, data: unknown): Promise<Result<Engine>> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(bundle);
  } catch {
    return { ok: false, problems: [{ code: 'path-not-found', message: `${bundle}: cannot read the bundle file`, hint: 'check the path given to --bundle' }] };
  }
  const read = await readBundle(bytes, bundle);
  if (!read.ok) return read;
  return createWasmEngine(read.value, { name: bundle, data, thread: true });
}
