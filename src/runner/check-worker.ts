// The worker-thread side of a big `check`: loads the policy engine once, then judges the batches
// of manifest files the main thread sends, one reply per batch, as the check would in process.
import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { loadEngine, type EngineFlags } from '../policy/load-engine.ts';
import type { ManifestInput } from '../report/run-report.ts';
import { newSourceCache, type SourceRequest } from '../sources/read-sources.ts';
import { runCheckTask, type CheckTask } from './check-task.ts';
import type { ReadOptions } from './read-manifest.ts';
import type { FromWorker, ToWorker } from './worker-pool.ts';

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
if (!isMainThread && parentPort && data?.mark === CHECK_WORKER_MARK) void serve(parentPort, data);

async function serve(port: MessagePort, data: CheckWorkerData): Promise<void> {
  const engine = await loadEngine(data.flags, data.cwd);
  if (!engine.ok) {
    port.postMessage({ type: 'engine-failed', problems: engine.problems } satisfies FromWorker<ManifestInput>);
    port.close();
    return;
  }
  const settings = { engine: engine.value, today: data.today, sources: data.sources, ...(data.within ? { within: data.within } : {}), sourceCache: newSourceCache() };
  // The main thread ends this worker when the check is done.
  port.on('message', (message: ToWorker<CheckTask>) => {
    const results = message.tasks.map((task) => runCheckTask(task, settings));
    port.postMessage({ type: 'done', id: message.id, results } satisfies FromWorker<ManifestInput>);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker<ManifestInput>);
}
