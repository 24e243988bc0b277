// Judges many manifests on worker threads, one per core, each loading the engine once. Threads
// start as soon as a run looks big, so engines load while folders are still being searched; work
// goes out in batches, two per worker in flight, so no worker waits on the main thread.
import { Worker } from 'node:worker_threads';
import type { ManifestVerdict } from '../audit/verdict.ts';
import type { Problem, Result } from '../problems/problem.ts';
import { failedVerdict, type AuditTask } from './audit-task.ts';
import type { AuditWorkerData, FromWorker, ToWorker } from './audit-worker.ts';

export interface PoolOptions {
  workers: number;
  data: Omit<AuditWorkerData, 'mark'>;
}

export interface WorkerPool {
  /** Judges the tasks (once per pool), then ends the threads. */
  judge(tasks: readonly AuditTask[], onProgress?: (done: number) => void): Promise<Result<ManifestVerdict[]>>;
  /** Ends the threads without judging anything. */
  close(): void;
}

const IN_FLIGHT_PER_WORKER = 2;
const MAX_BATCH = 64;

/** Loads the worker module first (its file is where threads start), then gives a synchronous starter. */
export async function workerPoolStarter(): Promise<(options: PoolOptions) => WorkerPool> {
  const { AUDIT_WORKER_URL, AUDIT_WORKER_MARK } = await import('./audit-worker.ts');
  return (options) => startPool(new URL(AUDIT_WORKER_URL), AUDIT_WORKER_MARK, options);
}

function startPool(url: URL, mark: AuditWorkerData['mark'], options: PoolOptions): WorkerPool {
  const workers: Worker[] = [];
  const inFlight = new Map<Worker, Set<number>>();
  const ready = new Set<Worker>();
  let job: Job | undefined;
  let engineProblems: Problem[] | undefined;
  let lostReason: string | undefined;

  for (let i = 0; i < Math.max(1, options.workers); i++) {
    const worker = new Worker(url, { workerData: { mark, ...options.data } satisfies AuditWorkerData });
    workers.push(worker);
    inFlight.set(worker, new Set());
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'engine-failed') {
        engineProblems = message.problems as Problem[];
        job?.fail(engineProblems);
        return;
      }
      if (message.type === 'ready') ready.add(worker);
      else {
        inFlight.get(worker)?.delete(message.id);
        job?.receive(message.id, message.verdicts);
      }
      job?.feed(worker);
    });
    worker.on('error', (error) => lose(worker, error.message));
    worker.on('exit', (code) => lose(worker, `worker stopped with code ${code}`));
  }

  // A worker that dies takes its batches with it; they become problems of their manifests.
  function lose(worker: Worker, reason: string): void {
    const mine = inFlight.get(worker);
    if (!mine) return;
    inFlight.delete(worker);
    ready.delete(worker);
    lostReason = reason;
    job?.drop([...mine], reason);
    if (inFlight.size === 0) job?.dropRest(reason);
    else for (const other of ready) job?.feed(other);
  }

  function end(): void {
    for (const worker of workers) {
      inFlight.delete(worker);
      void worker.terminate();
    }
  }

  return {
    close: end,
    judge(tasks, onProgress) {
      return new Promise((resolveJudge) => {
        const settle = (result: Result<ManifestVerdict[]>) => {
          if (job === undefined) return;
          job = undefined;
          end();
          resolveJudge(result);
        };
        job = new Job(tasks, Math.max(1, options.workers), inFlight, onProgress, settle);
        if (engineProblems) return job.fail(engineProblems);
        if (inFlight.size === 0) return job.dropRest(lostReason ?? 'no worker thread could start');
        for (const worker of ready) job?.feed(worker);
        job?.checkDone();
      });
    },
  };
}

/** The batches of one judge() call and how far they have got. */
class Job {
  private readonly verdicts: ManifestVerdict[];
  private readonly batches: { start: number; tasks: readonly AuditTask[] }[] = [];
  private next = 0;
  private done = 0;

  constructor(
    private readonly tasks: readonly AuditTask[],
    workers: number,
    private readonly inFlight: Map<Worker, Set<number>>,
    private readonly onProgress: ((done: number) => void) | undefined,
    private readonly settle: (result: Result<ManifestVerdict[]>) => void,
  ) {
    this.verdicts = new Array(tasks.length);
    // Small enough that every thread gets several batches, large enough that messages stay few.
    const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(tasks.length / (workers * 8))));
    for (let start = 0; start < tasks.length; start += size) this.batches.push({ start, tasks: tasks.slice(start, start + size) });
  }

  feed(worker: Worker): void {
    const mine = this.inFlight.get(worker);
    while (mine && mine.size < IN_FLIGHT_PER_WORKER && this.next < this.batches.length) {
      const id = this.next++;
      mine.add(id);
      worker.postMessage({ type: 'batch', id, tasks: [...this.batches[id]!.tasks] } satisfies ToWorker);
    }
  }

  receive(id: number, verdicts: readonly ManifestVerdict[]): void {
    const batch = this.batches[id]!;
    verdicts.forEach((verdict, k) => (this.verdicts[batch.start + k] = verdict));
    this.done += batch.tasks.length;
    this.onProgress?.(this.done);
    this.checkDone();
  }

  drop(ids: number[], reason: string): void {
    for (const id of ids) {
      const batch = this.batches[id]!;
      batch.tasks.forEach((task, k) => (this.verdicts[batch.start + k] = crashed(task, reason)));
      this.done += batch.tasks.length;
    }
    this.checkDone();
  }

  dropRest(reason: string): void {
    const rest: number[] = [];
    while (this.next < this.batches.length) rest.push(this.next++);
    this.drop(rest, reason);
  }

  fail(problems: Problem[]): void {
    this.settle({ ok: false, problems });
  }

  checkDone(): void {
    if (this.done === this.tasks.length) this.settle({ ok: true, value: this.verdicts });
  }
}

function crashed(task: AuditTask, reason: string): ManifestVerdict {
  return failedVerdict('internal-error', `${task.shown}: could not be judged (${reason})`);
}
