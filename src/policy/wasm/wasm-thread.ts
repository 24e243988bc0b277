// Runs wasm evaluations on a worker thread under a time limit. The Engine interface is synchronous,
// so the main thread posts the evaluation and sleeps on a shared flag until the answer comes or
// the limit passes; then the thread is terminated (a loop inside wasm cannot be interrupted any
// other way) and the next evaluation starts a fresh one.
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Result } from '../../problems/problem.ts';
import type { WasmAnswer, WasmLoaded, WasmRequest, WasmWorkerData } from './wasm-thread-worker.ts';

export interface WasmThreadOptions {
  /** The bundle file, for messages. */
  name: string;
  wasm: Uint8Array;
  /** The data document the policy evaluates against (already merged). */
  data: unknown;
  /** Each evaluation's time limit. */
  timeoutMs: number;
  /** How long loading the module on a thread may take (its own code runs as it parses the data). */
  loadTimeoutMs: number;
  print?: (line: string) => void;
}

export interface WasmThread {
  /** Entrypoint names to ids, as the module reported them. */
  entrypoints: Readonly<Record<string, number>>;
  evaluate(entrypoint: string, input: unknown): Result<unknown>;
}

interface Running {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

/**
 * Loads the policy on a thread (never on the main thread: a hostile module's code runs as early
 * as its start function) and gives the evaluator, or the problems that kept it from loading.
 */
export async function startWasmThread(options: WasmThreadOptions): Promise<Result<WasmThread>> {
  const { WASM_WORKER_URL, WASM_WORKER_MARK } = await import('./wasm-thread-worker.ts');
  const url = new URL(WASM_WORKER_URL);
  let running: Running | undefined;

  const spawn = (): Running => {
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const data: WasmWorkerData = { mark: WASM_WORKER_MARK, name: options.name, wasm: options.wasm, data: options.data, signal, port: port2 };
    const worker = startThread(url, data, [port2]);
    // The thread never keeps the process alive: a run ends when its work is done.
    worker.unref();
    port1.unref();
    worker.on('error', () => {});
    return { worker, port: port1, signal };
  };
  running = spawn();
  const first = running;
  const loaded = await new Promise<WasmLoaded | 'timeout' | 'exit'>((resolveLoaded) => {
    const timer = setTimeout(() => resolveLoaded('timeout'), options.loadTimeoutMs);
    const settle = (value: WasmLoaded | 'exit') => {
      clearTimeout(timer);
      resolveLoaded(value);
    };
    first.worker.once('message', (message: WasmLoaded) => settle(message));
    first.worker.once('exit', () => settle('exit'));
  });
  if (loaded === 'timeout' || loaded === 'exit' || !loaded.ok) {
    void first.worker.terminate();
    if (loaded === 'timeout') return cancelled(`${options.name}: loading the module took longer than ${formatMs(options.loadTimeoutMs)}; stopped`);
    if (loaded === 'exit') return { ok: false, problems: [{ code: 'wasm-invalid-module', message: `${options.name}: the thread loading the module stopped before it was loaded` }] };
    return loaded;
  }

  return {
    ok: true,
    value: {
      entrypoints: loaded.value.entrypoints,
      evaluate(entrypoint, input) {
        running ??= spawn();
        const { worker, port, signal } = running;
        // Loading has its own limit (the module's own code runs as it parses the data), so a thread
        // started after a timeout does not eat into the next evaluation's time.
        Atomics.wait(signal, 1, 0, options.loadTimeoutMs);
        if (Atomics.load(signal, 1) !== 1) {
          void worker.terminate();
          running = undefined;
          return cancelled(`${options.name}: loading the module on a new thread failed or took longer than ${formatMs(options.loadTimeoutMs)}; stopped`);
        }
        Atomics.store(signal, 0, 0);
        port.postMessage({ entrypoint, input } satisfies WasmRequest);
        Atomics.wait(signal, 0, 0, options.timeoutMs);
        const answer = receiveMessageOnPort(port)?.message as WasmAnswer | undefined;
        if (answer === undefined) {
          void worker.terminate();
          running = undefined;
          return cancelled(`${options.name}: evaluating ${entrypoint} took longer than ${formatMs(options.timeoutMs)}; stopped`);
        }
        for (const line of answer.prints) options.print?.(line);
        return answer.result;
      },
    },
  };
}

/** From the built bundle the module is JavaScript; from source (tests, development) it needs the TypeScript loader. */
function startThread(url: URL, workerData: WasmWorkerData, transferList: MessagePort[]): Worker {
  // The module's own memory is bounded by its import (MAX_MEMORY_PAGES); this bounds the rest.
  const resourceLimits = { maxOldGenerationSizeMb: THREAD_HEAP_MB };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData, transferList, resourceLimits });
  const source = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(source, { eval: true, workerData, transferList, resourceLimits });
}

/** Heap for the thread's JavaScript side: JSON in and out of the module, host builtins. */
const THREAD_HEAP_MB = 512;

function cancelled<T>(message: string): Result<T> {
  return { ok: false, problems: [{ code: 'eval_cancel_error', message, hint: 'the bundle may loop or do far more work than a manifest needs; ask its owners to fix it' }] };
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
