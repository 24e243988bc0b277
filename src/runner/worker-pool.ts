// Judges many manifests on worker threads, one per core, each loading the engine once: the audit's
// verdicts and a big check's judgements. Threads start as soon as a run looks big, so engines load
// while folders are still being searched; work goes out in batches, two per worker in flight, so
// no worker waits on the main thread.
import { type MessagePort, Worker } from 'node:worker_threads';
import type { Engine } from '../policy/engine.ts';
import { loadEngine, type EngineFlags } from '../policy/load-engine.ts';
import type { Problem, ProblemCode, Result } from '../problems/problem.ts';

/** One manifest to judge; `shown` names it in messages. */
export interface PoolTask {
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
  /** Judges the tasks (once per pool), then ends the threads. */
  judge(tasks: readonly T[], onProgress?: (done: number) => void): Promise<Result<R[]>>;
  /** Ends the threads without judging anything. */
  close(): void;
}

const IN_FLIGHT_PER_WORKER = 2;
const MAX_BATCH = 64;
/** Enough for the engine and a large manifest many times over; far below what kills a CI machine. */
export const WORKER_MEMORY_LIMIT_MB = 512;
const MAX_REPLACEMENTS = 10_000;

/**
 * Starts `options.workers` threads on the module at `url`. A thread that dies (out of memory, a
 * crash) is replaced; the manifests it was judging are judged again, each alone on a thread, and
 * one that stops a thread a second time is its repository's problem. The run always finishes.
 */
export function startWorkerPool<T extends PoolTask, R, D extends object>(url: URL, options: PoolOptions<T, D, R>): WorkerPool<T, R> {
  const workers = new Set<Worker>();
  const inFlight = new Map<Worker, Set<number>>();
  const ready = new Set<Worker>();
  let job: Job<T, R> | undefined;
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
        engineProblems = message.problems as Problem[];
        job?.fail(engineProblems);
        return;
      }
      if (message.type === 'ready') ready.add(worker);
      else {
        inFlight.get(worker)?.delete(message.id);
        job?.receive(message.id, message.results);
      }
      job?.feed(worker);
    });
    worker.on('error', (error) => lose(worker, describe(error)));
    worker.on('exit', (code) => lose(worker, `the worker stopped with code ${code}`));
  }

  for (let i = 0; i < Math.max(1, options.workers); i++) spawn();

  // A worker that dies takes its batches with it: they are judged again, each manifest alone.
  function lose(worker: Worker, reason: string): void {
    const mine = inFlight.get(worker);
    if (!mine) return;
    const served = ready.has(worker);
    inFlight.delete(worker);
    ready.delete(worker);
    workers.delete(worker);
    lostReason = reason;
    job?.lost([...mine], reason);
    // A worker that never got ready (its engine could not load) is not replaced: the next would fail too.
    // Each death costs a batch or a manifest, so this many replacements can only mean workers dying idle.
    if (served && !closed && engineProblems === undefined && replaced < MAX_REPLACEMENTS) {
      replaced += 1;
      spawn();
    }
    if (inFlight.size === 0) job?.dropRest(reason);
    else for (const other of ready) job?.feed(other);
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
    judge(tasks, onProgress) {
      return new Promise((resolveJudge) => {
        const settle = (result: Result<R[]>) => {
          if (job === undefined) return;
          job = undefined;
          end();
          resolveJudge(result);
        };
        job = new Job(tasks, Math.max(1, options.workers), inFlight, onProgress, settle, options.failed);
        if (engineProblems) return job.fail(engineProblems);
        if (inFlight.size === 0) return job.dropRest(lostReason ?? 'no worker thread could start');
        for (const worker of ready) job?.feed(worker);
        job?.checkDone();
      });
    },
  };
}

function describe(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the worker ran out of memory' : `the worker failed: ${error.message}`;
}

interface Batch<T> {
  start: number;
  tasks: readonly T[];
  /** A manifest judged again after its worker died: it runs alone, and a second death is its own. */
  alone?: boolean;
}

/** The batches of one judge() call and how far they have got. */
class Job<T extends PoolTask, R> {
  private readonly results: R[];
  private readonly batches: Batch<T>[] = [];
  private readonly planned: number;
  /** Batches of one manifest, waiting for a worker with nothing else to do. */
  private readonly retries: number[] = [];
  private next = 0;
  private done = 0;

  constructor(
    private readonly tasks: readonly T[],
    workers: number,
    private readonly inFlight: Map<Worker, Set<number>>,
    private readonly onProgress: ((done: number) => void) | undefined,
    private readonly settle: (result: Result<R[]>) => void,
    private readonly failed: (task: T, code: ProblemCode, message: string) => R,
  ) {
    this.results = new Array(tasks.length);
    // Small enough that every thread gets several batches, large enough that messages stay few.
    const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(tasks.length / (workers * 8))));
    for (let start = 0; start < tasks.length; start += size) this.batches.push({ start, tasks: tasks.slice(start, start + size) });
    this.planned = this.batches.length;
  }

  feed(worker: Worker): void {
    const mine = this.inFlight.get(worker);
    if (!mine) return;
    if ([...mine].some((id) => this.batches[id]!.alone)) return;
    if (this.retries.length > 0) {
      if (mine.size === 0) this.send(worker, mine, this.retries.shift()!);
      return;
    }
    while (mine.size < IN_FLIGHT_PER_WORKER && this.next < this.planned) this.send(worker, mine, this.next++);
  }

  private send(worker: Worker, mine: Set<number>, id: number): void {
    mine.add(id);
    worker.postMessage({ type: 'batch', id, tasks: [...this.batches[id]!.tasks] } satisfies ToWorker<T>);
  }

  receive(id: number, results: readonly R[]): void {
    const batch = this.batches[id]!;
    results.forEach((result, k) => (this.results[batch.start + k] = result));
    this.done += batch.tasks.length;
    this.onProgress?.(this.done);
    this.checkDone();
  }

  /** The batches of a worker that died: each manifest again alone, or its problem the second time. */
  lost(ids: number[], reason: string): void {
    for (const id of ids) {
      const batch = this.batches[id]!;
      if (batch.alone) {
        this.results[batch.start] = this.failed(batch.tasks[0]!, 'worker-crashed', `${batch.tasks[0]!.shown}: judging it stopped the worker twice (${reason}); not judged`);
        this.done += 1;
        continue;
      }
      batch.tasks.forEach((task, k) => {
        this.retries.push(this.batches.length);
        this.batches.push({ start: batch.start + k, tasks: [task], alone: true });
      });
    }
    this.checkDone();
  }

  drop(ids: number[], reason: string): void {
    for (const id of ids) {
      const batch = this.batches[id]!;
      batch.tasks.forEach((task, k) => (this.results[batch.start + k] = this.failed(task, 'internal-error', `${task.shown}: could not be judged (${reason})`)));
      this.done += batch.tasks.length;
    }
    this.checkDone();
  }

  /** No worker is left: whatever was not judged is a problem of its manifest. */
  dropRest(reason: string): void {
    const rest: number[] = this.retries.splice(0);
    while (this.next < this.planned) rest.push(this.next++);
    this.drop(rest, reason);
  }

  fail(problems: Problem[]): void {
    this.settle({ ok: false, problems });
  }

  checkDone(): void {
    if (this.done === this.tasks.length) this.settle({ ok: true, value: this.results });
  }
}
