// The worker-thread side of a big `check`: loads the policy engine once, then judges the batches
// of manifest files the main thread sends, one reply per batch, as the check would in process.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { EngineFlags } from '../policy/load-engine.ts';
import type { ManifestInput } from '../report/run-report.ts';
import { newSourceCache, type SourceRequest } from '../sources/read-sources.ts';
import { runCheckTask, type CheckTask } from './check-task.ts';
import type { ReadOptions } from './read-manifest.ts';
import { serveBatches } from './worker-pool.ts';

/** Where this module is, to start workers on it (in the CLI bundle, the file that loads the bundle). */
export const CHECK_WORKER_URL = import.meta.url;

/** Marks the worker data so this module does nothing when merely imported. */
export const CHECK_WORKER_MARK = 'routewise-check-worker';

export interface CheckWorkerData {
  mark: typeof CHECK_WORKER_MARK;
  flags: EngineFlags;
  cwd: string;
  today: string;
  sources: SourceRequest[];
  within?: ReadOptions;
}

const data = workerData as CheckWorkerData | undefined;
if (!isMainThread && parentPort && data?.mark === CHECK_WORKER_MARK) {
  const { today, sources, within } = data;
  void serveBatches<CheckTask, ManifestInput>(parentPort, data.flags, data.cwd, (engine) => {
    const settings = { engine, today, sources, ...(within ? { within } : {}), sourceCache: newSourceCache() };
    return (task) => runCheckTask(task, settings);
  });
}
