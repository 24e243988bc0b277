// Judges many manifests on worker threads, one per core, each loading the engine once: the audit's
// verdicts and a big check's judgements. Threads start as soon as a run looks big, and manifests
// found while folders are still being searched go out to them at once (`submit`), so judging
// overlaps the search; the rest goes out in batches, two per worker in flight, so no worker waits
// on the main thread.
import { type MessagePort, Worker } from 'node:worker_threads';
import type { Engine } from '../policy/engine.ts';
import { loadEngine, type EngineFlags } from '../policy/load-engine.ts';
import type { Problem, ProblemCode, Result } from '../problems/problem.ts';

/** One manifest to judge: `file`, its absolute path, identifies it; `shown` names it in messages. */
export interface PoolTask {
  file: string;
  shown: string;
}

/**
 * The worker side: loads the engine once, then judges each batch the main thread sends with the
 * judge `judgeWith` makes for that engine, one reply per batch. The main thread ends the worker.
 */
export async function serveBatches<T, R>(port: MessagePort, flags: EngineFlags, cwd: string, judgeWith: (engine: Engine) => (task: T) => R): Promise<void> {
  const engine = await loadEngine(flags, cwd);
  if (!engine.ok) {
    port.postMessage({ type: 'engine-failed', problems: engine.problems } satisfies FromWorker<R>);
    port.close();
    return;
  }
  const judge = judgeWith(engine.value);
  port.on('message', (message: ToWorker<T>) => {
    port.postMessage({ type: 'done', id: message.id, results: message.tasks.map(judge) } satisfies FromWorker<R>);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker<R>);
}

/** What the main thread sends a worker, and what the worker answers. */
export type ToWorker<T> = { type: 'batch'; id: number; tasks: T[] };
export type FromWorker<R> = { type: 'ready' } | { type: 'engine-failed'; problems: Problem[] } | { type: 'done'; id: number; results: R[] };

export interface PoolOptions<T, D, R> {
  workers: number;
  /** Given to each worker, marked so the right worker module acts on it. */
  data: D;
  /** Heap limit of each worker thread, in MiB: one manifest cannot take the machine's memory. */
  memoryLimitMb?: number;
  /** The result for a manifest that could not be judged (its worker died). */
  failed(task: T, code: ProblemCode, message: string): R;
}

export interface WorkerPool<T extends PoolTask, R> {
  /**
   * Sends a manifest to judge before the whole list is known (while folders are searched). Its
   * result is used if `judge` lists it, and ignored otherwise.
   */
  submit(task: T): void;
  /** Judges the tasks (once per pool), in their order, then ends the threads. */
  judge(tasks: readonly T[], onProgress?: (done: number) => void): Promise<Result<R[]>>;
  /** Ends the threads without judging anything. */
  close(): void;
}

const IN_FLIGHT_PER_WORKER = 2;
const MAX_BATCH = 64;
/** Manifests submitted early go out in batches of this many. */
const EARLY_BATCH = 32;
/** Enough for the engine and a large manifest many times over; far below what kills a CI machine. */
export const WORKER_MEMORY_LIMIT_MB = 512;
const MAX_REPLACEMENTS = 10_000;

interface Batch<T> {
  tasks: readonly T[];
  /** A manifest judged again after its worker died: it runs alone, and a second death is its own. */
  alone?: boolean;
}

/** What `judge` was asked for, and how far it has got. */
interface Wanted<T, R> {
  tasks: readonly T[];
  files: ReadonlySet<string>;
  onProgress: ((done: number) => void) | undefined;
  settle: (result: Result<R[]>) => void;
  done: number;
}

/**
 * Starts `options.workers` threads on the module at `url`. A thread that dies (out of memory, a
 * crash) is replaced; the manifests it was judging are judged again, each alone on a thread, and
 * one that stops a thread a second time is its repository's problem. The run always finishes.
 */
export function startWorkerPool<T extends PoolTask, R, D extends object>(url: URL, options: PoolOptions<T, D, R>): WorkerPool<T, R> {
  const workers = new Set<Worker>();
  const inFlight = new Map<Worker, Set<number>>();
  const ready = new Set<Worker>();
  const batches: Batch<T>[] = [];
  /** Results by task file. */
  const results = new Map<string, R>();
  /** Files already in a batch (sent or waiting). */
  const batched = new Set<string>();
  /** Batches waiting for a worker; retries are batches of one, sent to a worker with nothing else. */
  const queue: number[] = [];
  const retries: number[] = [];
  let early: T[] = [];
  let wanted: Wanted<T, R> | undefined;
  let engineProblems: Problem[] | undefined;
  let lostReason: string | undefined;
  let closed = false;
  let replaced = 0;
  const memoryLimit = options.memoryLimitMb ?? WORKER_MEMORY_LIMIT_MB;

  function spawn(): void {
    const worker = new Worker(url, {
      workerData: options.data,
      resourceLimits: { maxOldGenerationSizeMb: memoryLimit, maxYoungGenerationSizeMb: Math.max(4, Math.floor(memoryLimit / 16)) },
    });
    workers.add(worker);
    inFlight.set(worker, new Set());
    worker.on('message', (message: FromWorker<R>) => {
      if (message.type === 'engine-failed') {
        engineProblems = message.problems;
        fail(engineProblems);
        return;
      }
      if (message.type === 'ready') ready.add(worker);
      else {
        inFlight.get(worker)?.delete(message.id);
        receive(message.id, message.results);
      }
      feed(worker);
    });
    worker.on('error', (error) => lose(worker, describe(error)));
    worker.on('exit', (code) => lose(worker, `the worker stopped with code ${code}`));
  }

  for (let i = 0; i < Math.max(1, options.workers); i++) spawn();

  function addBatch(tasks: readonly T[], alone = false): number {
    for (const task of tasks) batched.add(task.file);
    batches.push(alone ? { tasks, alone } : { tasks });
    return batches.length - 1;
  }

  function send(worker: Worker, id: number): void {
    inFlight.get(worker)!.add(id);
    worker.postMessage({ type: 'batch', id, tasks: [...batches[id]!.tasks] } satisfies ToWorker<T>);
  }

  /** An early batch goes to the least busy worker at once, ready or not: its port keeps it. */
  function sendEarly(id: number): void {
    let least: Worker | undefined;
    for (const worker of workers) if (!least || inFlight.get(worker)!.size < inFlight.get(least)!.size) least = worker;
    if (least) send(least, id);
    else queue.push(id);
  }

  function feed(worker: Worker): void {
    const mine = inFlight.get(worker);
    if (!mine || !ready.has(worker) || closed) return;
    if ([...mine].some((id) => batches[id]!.alone)) return;
    if (retries.length > 0) {
      if (mine.size === 0) send(worker, retries.shift()!);
      return;
    }
    while (mine.size < IN_FLIGHT_PER_WORKER && queue.length > 0) send(worker, queue.shift()!);
  }

  function receive(id: number, got: readonly R[]): void {
    batches[id]!.tasks.forEach((task, k) => settleTask(task, got[k]!));
    checkDone();
  }

  function settleTask(task: T, result: R): void {
    const fresh = !results.has(task.file);
    results.set(task.file, result);
    if (!fresh || !wanted?.files.has(task.file)) return;
    wanted.done += 1;
    wanted.onProgress?.(wanted.done);
  }

  // A worker that dies takes its batches with it: they are judged again, each manifest alone.
  function lose(worker: Worker, reason: string): void {
    const mine = inFlight.get(worker);
    if (!mine) return;
    const served = ready.has(worker);
    inFlight.delete(worker);
    ready.delete(worker);
    workers.delete(worker);
    lostReason = reason;
    for (const id of mine) {
      const batch = batches[id]!;
      if (batch.alone) settleTask(batch.tasks[0]!, options.failed(batch.tasks[0]!, 'worker-crashed', `${batch.tasks[0]!.shown}: judging it stopped the worker twice (${reason}); not judged`));
      else for (const task of batch.tasks) retries.push(addBatch([task], true));
    }
    // A worker that never got ready (its engine could not load) is not replaced: the next would fail too.
    // Each death costs a batch or a manifest, so this many replacements can only mean workers dying idle.
    if (served && !closed && engineProblems === undefined && replaced < MAX_REPLACEMENTS) {
      replaced += 1;
      spawn();
    }
    if (inFlight.size === 0) dropRest(reason);
    else for (const other of ready) feed(other);
    checkDone();
  }

  /** No worker is left: whatever was not judged is a problem of its manifest. */
  function dropRest(reason: string): void {
    for (const id of [...retries.splice(0), ...queue.splice(0)]) {
      for (const task of batches[id]!.tasks) settleTask(task, options.failed(task, 'internal-error', `${task.shown}: could not be judged (${reason})`));
    }
    if (wanted) for (const task of wanted.tasks) if (!results.has(task.file)) settleTask(task, options.failed(task, 'internal-error', `${task.shown}: could not be judged (${reason})`));
  }

  function fail(problems: Problem[]): void {
    const w = wanted;
    if (!w) return;
    wanted = undefined;
    end();
    w.settle({ ok: false, problems });
  }

  function checkDone(): void {
    const w = wanted;
    if (!w || w.done < w.files.size) return;
    wanted = undefined;
    end();
    w.settle({ ok: true, value: w.tasks.map((task) => results.get(task.file)!) });
  }

  function end(): void {
    closed = true;
    for (const worker of workers) {
      inFlight.delete(worker);
      void worker.terminate();
    }
  }

  return {
    close: end,
    submit(task) {
      if (closed || batched.has(task.file)) return;
      early.push(task);
      if (early.length >= EARLY_BATCH) {
        sendEarly(addBatch(early));
        early = [];
      }
    },
    judge(tasks, onProgress) {
      return new Promise((resolveJudge) => {
        const files = new Set(tasks.map((task) => task.file));
        wanted = { tasks, files, onProgress, settle: resolveJudge, done: [...files].filter((file) => results.has(file)).length };
        if (engineProblems) return fail(engineProblems);
        // What was submitted early and is wanted goes out now; what was not, in batches sized so
        // every thread gets several.
        const late = early.filter((task) => files.has(task.file));
        early = [];
        if (late.length > 0) queue.push(addBatch(late));
        const rest = tasks.filter((task) => !batched.has(task.file));
        const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(rest.length / (Math.max(1, options.workers) * 8))));
        for (let start = 0; start < rest.length; start += size) queue.push(addBatch(rest.slice(start, start + size)));
        if (inFlight.size === 0) dropRest(lostReason ?? 'no worker thread could start');
        else for (const worker of ready) feed(worker);
        checkDone();
      });
    },
  };
}

function describe(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the worker ran out of memory' : `the worker failed: ${error.message}`;
}
