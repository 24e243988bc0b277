// The worker-thread side of `routewise audit`: loads the policy engine once, then judges the
// batches of manifest files the main thread sends, one reply per batch.
import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { FailOn } from '../findings/threshold.ts';
import { runAuditTask, type AuditTask } from './audit-task.ts';
import { loadEngine, type EngineFlags } from '../policy/load-engine.ts';
import { newSourceCache } from '../sources/read-sources.ts';
import type { ManifestVerdict } from '../audit/verdict.ts';
import type { FromWorker, ToWorker } from './worker-pool.ts';

/** Where this module is, to start workers on it (in the CLI bundle, the file that loads the bundle). */
export const AUDIT_WORKER_URL = import.meta.url;

/** Marks the worker data so this module does nothing when merely imported. */
export const AUDIT_WORKER_MARK = 'routewise-audit-worker';

export interface AuditWorkerData {
  mark: typeof AUDIT_WORKER_MARK;
  flags: EngineFlags;
  cwd: string;
  today: string;
  failOn: FailOn;
  waiverHorizonDays: number;
}

type ToAuditWorker = ToWorker<AuditTask>;
type FromAuditWorker = FromWorker<ManifestVerdict>;

const data = workerData as AuditWorkerData | undefined;
if (!isMainThread && parentPort && data?.mark === AUDIT_WORKER_MARK) void serve(parentPort, data);

async function serve(port: MessagePort, data: AuditWorkerData): Promise<void> {
  const engine = await loadEngine(data.flags, data.cwd);
  if (!engine.ok) {
    port.postMessage({ type: 'engine-failed', problems: engine.problems } satisfies FromAuditWorker);
    port.close();
    return;
  }
  const settings = { engine: engine.value, today: data.today, failOn: data.failOn, waiverHorizonDays: data.waiverHorizonDays };
  const sources = newSourceCache();
  // The main thread ends this worker when the audit is done.
  port.on('message', (message: ToAuditWorker) => {
    const verdicts = message.tasks.map((task) => runAuditTask(task, settings, sources));
    port.postMessage({ type: 'done', id: message.id, results: verdicts } satisfies FromAuditWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromAuditWorker);
}
