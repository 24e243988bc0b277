// Judges many manifests on worker threads, one per core, each loading the engine once. Work goes
// out in batches, two per worker in flight, so no worker waits on the main thread for its next one.
import { Worker } from 'node:worker_threads';
import type { ManifestVerdict } from '../audit/judge-manifest.ts';
import type { Problem, Result } from '../problems/problem.ts';
import { failedVerdict, type AuditTask } from './audit-task.ts';
import type { AuditWorkerData, FromWorker, ToWorker } from './audit-worker.ts';

export interface PoolOptions {
  workers: number;
  data: Omit<AuditWorkerData, 'mark'>;
  /** Called after each batch with the number of manifests judged so far. */
  onProgress?: (done: number) => void;
}

const IN_FLIGHT_PER_WORKER = 2;

export async function judgeOnWorkers(tasks: readonly AuditTask[], options: PoolOptions): Promise<Result<ManifestVerdict[]>> {
  if (tasks.length === 0) return { ok: true, value: [] };
  // Imported on demand so the bundle keeps the worker in a file of its own to start threads on.
  const { AUDIT_WORKER_URL, AUDIT_WORKER_MARK } = await import('./audit-worker.ts');
  const verdicts: ManifestVerdict[] = new Array(tasks.length);
  const batchSize = Math.max(1, Math.min(64, Math.ceil(tasks.length / (options.workers * 8))));
  const batches: { start: number; tasks: AuditTask[] }[] = [];
  for (let start = 0; start < tasks.length; start += batchSize) batches.push({ start, tasks: tasks.slice(start, start + batchSize) });

  return new Promise((resolvePool) => {
    let next = 0;
    let done = 0;
    let settled = false;
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, Set<number>>();

    const finish = (result: Result<ManifestVerdict[]>) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      resolvePool(result);
    };
    const feed = (worker: Worker) => {
      const mine = inFlight.get(worker)!;
      while (mine.size < IN_FLIGHT_PER_WORKER && next < batches.length) {
        const id = next++;
        mine.add(id);
        worker.postMessage({ type: 'batch', id, tasks: batches[id]!.tasks } satisfies ToWorker);
      }
      if (done === tasks.length) finish({ ok: true, value: verdicts });
    };
    // A worker that dies takes its batches with it; they are reported as problems of their manifests.
    const lose = (worker: Worker, reason: string) => {
      const mine = inFlight.get(worker);
      if (!mine) return;
      inFlight.delete(worker);
      for (const id of mine) {
        const batch = batches[id]!;
        batch.tasks.forEach((task, i) => (verdicts[batch.start + i] = crashed(task, reason)));
        done += batch.tasks.length;
      }
      const alive = [...inFlight.keys()];
      if (alive.length === 0) {
        while (next < batches.length) {
          const batch = batches[next++]!;
          batch.tasks.forEach((task, i) => (verdicts[batch.start + i] = crashed(task, reason)));
          done += batch.tasks.length;
        }
        finish({ ok: true, value: verdicts });
      } else alive.forEach(feed);
    };

    const count = Math.max(1, Math.min(options.workers, batches.length));
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL(AUDIT_WORKER_URL), { workerData: { mark: AUDIT_WORKER_MARK, ...options.data } satisfies AuditWorkerData });
      workers.push(worker);
      inFlight.set(worker, new Set());
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'engine-failed') return finish({ ok: false, problems: message.problems as Problem[] });
        if (message.type === 'done') {
          const batch = batches[message.id]!;
          message.verdicts.forEach((v, k) => (verdicts[batch.start + k] = v));
          done += batch.tasks.length;
          inFlight.get(worker)?.delete(message.id);
          options.onProgress?.(done);
        }
        feed(worker);
      });
      worker.on('error', (error) => lose(worker, error.message));
      worker.on('exit', (code) => {
        if (!settled) lose(worker, `worker stopped with code ${code}`);
      });
    }
  });
}

function crashed(task: AuditTask, reason: string): ManifestVerdict {
  return failedVerdict('internal-error', `${task.shown}: could not be judged (${reason})`);
}
