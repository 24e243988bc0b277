// The thread side of a wasm evaluation: loads the policy once, then answers each evaluation the
// main thread asks for, waking it through a shared flag. The main thread ends this thread when an
// evaluation passes its time limit, so a module that never returns cannot hold the run.
import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { Problem, Result } from '../../problems/problem.ts';
import { builtinRegistry as registry } from '../../rego/index.ts';
import { loadWasmPolicy } from './wasm-policy.ts';

/** Where this module is, to start threads on it (in a bundle, the file that loads the bundle). */
export const WASM_WORKER_URL = import.meta.url;

/** Marks the worker data so this module does nothing when merely imported. */
export const WASM_WORKER_MARK = 'routewise-wasm-worker';

export interface WasmWorkerData {
  mark: typeof WASM_WORKER_MARK;
  name: string;
  wasm: Uint8Array;
  data: unknown;
  /** [0]: set to 1 (and notified) when an answer is on the port; [1]: 1 once the policy is loaded, 2 if it cannot be. */
  signal: Int32Array;
  port: MessagePort;
}

export interface WasmRequest {
  entrypoint: string;
  input: unknown;
}

/** Told to the thread's parent once, when loading is over. */
export type WasmLoaded = { ok: true; value: { entrypoints: Record<string, number> } } | { ok: false; problems: Problem[] };

export interface WasmAnswer {
  result: Result<unknown>;
  prints: string[];
}

const given = workerData as WasmWorkerData | undefined;
if (!isMainThread && given?.mark === WASM_WORKER_MARK) void serve(given);

async function serve(given: WasmWorkerData): Promise<void> {
  const prints: string[] = [];
  const loaded = await loadWasmPolicy(given.wasm, { name: given.name, registry, print: (line) => prints.push(line) });
  let failure: Problem[] | undefined = loaded.ok ? undefined : loaded.problems;
  if (loaded.ok) {
    const set = loaded.value.setData(given.data);
    if (!set.ok) failure = set.problems;
  }
  parentPort?.postMessage((failure ? { ok: false, problems: failure } : { ok: true, value: { entrypoints: loaded.ok ? { ...loaded.value.entrypoints } : {} } }) satisfies WasmLoaded);
  Atomics.store(given.signal, 1, failure ? 2 : 1);
  Atomics.notify(given.signal, 1);
  given.port.on('message', (request: WasmRequest) => {
    prints.length = 0;
    const result: Result<unknown> = failure ? { ok: false, problems: failure } : loaded.ok ? loaded.value.evaluate(request.entrypoint, request.input) : { ok: false, problems: [] };
    given.port.postMessage({ result, prints: [...prints] } satisfies WasmAnswer);
    Atomics.store(given.signal, 0, 1);
    Atomics.notify(given.signal, 0);
  });
}
