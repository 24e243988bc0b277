// The worker-thread side of `routewise audit`: loads the policy engine once, then judges the
// batches of manifest files the main thread sends, one reply per batch.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { FailOn } from '../findings/threshold.ts';
import { runAuditTask, type AuditTask } from './audit-task.ts';
import type { EngineFlags } from '../policy/load-engine.ts';
import { newSourceCache } from '../sources/read-sources.ts';
import type { ManifestVerdict } from '../audit/verdict.ts';
import { serveBatches } from './worker-pool.ts';

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

const data = workerData as AuditWorkerData | undefined;
if (!isMainThread && parentPort && data?.mark === AUDIT_WORKER_MARK) {
  const { today, failOn, waiverHorizonDays } = data;
  void serveBatches<AuditTask, ManifestVerdict>(parentPort, data.flags, data.cwd, (engine) => {
    const settings = { engine, today, failOn, waiverHorizonDays };
    const sources = newSourceCache();
    return (task) => runAuditTask(task, settings, sources);
  });
}
