// Loads an OPA wasm bundle as the policy engine (kept apart so the wasm runtime loads only when used).
import { readFileSync } from 'node:fs';
import type { Engine } from './engine.ts';
import type { Result } from '../problems/problem.ts';
import { readBundle } from './wasm/bundle-reader.ts';
import { createWasmEngine } from './wasm/wasm-engine.ts';

/** `bundle` is the path to read; `shown` is how messages name it (as the user gave it). */
export async function loadWasmEngine(bundle: string, data: unknown, shown: string = bundle): Promise<Result<Engine>> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(bundle);
  } catch {
    return { ok: false, problems: [{ code: 'path-not-found', message: `${shown}: cannot read the bundle file`, hint: 'check the path given to --bundle' }] };
  }
  const read = await readBundle(bytes, shown);
  if (!read.ok) return read;
  return createWasmEngine(read.value, { name: shown, data, thread: true });
}
