// One `audit` run, the same wherever it is started from: find the repositories under the roots
// and in the list, judge every manifest on worker threads (in process for small runs) and total
// them into one audit report.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { posix, resolve, sep } from 'node:path';
import { createAuditReport } from '../audit/aggregate.ts';
import type { AuditReport, ShardIdentity } from '../audit/audit-report.ts';
import { discoverRepositories, type SearchFolder } from '../audit/discovery.ts';
import { repositoryEntries } from '../audit/repository-entries.ts';
import { inShard, type Shard } from '../audit/shard.ts';
import type { ManifestVerdict } from '../audit/verdict.ts';
import type { FailOn } from '../findings/threshold.ts';
import type { EngineFlags } from '../policy/load-engine.ts';
import { loadEngine } from '../policy/load-engine.ts';
import type { Result } from '../problems/problem.ts';
import { startWorkerPool, type WorkerPool } from './worker-pool.ts';
import { failedVerdict, runAuditTask, type AuditTask } from './audit-task.ts';
import type { AuditWorkerData } from './audit-worker.ts';
import { MANIFEST_NAMES, SKIPPED_DIRECTORIES } from './discover.ts';
import { nodeFolderReader } from './folder-reader.ts';
import { newSourceCache } from '../sources/read-sources.ts';
import type { RunOptions } from './options.ts';
import { UsageError } from './usage-error.ts';

export interface AuditRunOptions extends RunOptions {
  /** Folders holding repositories, as given. */
  roots: string[];
  /** A file listing repository paths, one per line. */
  list?: string;
  expectManifest: boolean;
  waiverHorizonDays: number;
  /** Worker threads; undefined means one per core, started only for a big run. */
  jobs?: number;
  shard?: Shard;
  cwd: string;
  /** Told how many manifests there are, then called as each is judged. */
  progress?: { start(total: number): void; update(done: number): void; done(): void };
}

/** Below this many manifests, starting threads and loading the engine in each costs more than it saves. */
const SMALL_RUN = 150;

export async function auditRun(o: AuditRunOptions): Promise<Result<AuditReport>> {
  const searched = o.roots.map((root) => rootFolder(root, o.cwd));
  const listed = o.list === undefined ? [] : readList(o.list, o.cwd).map((path) => listedFolder(path, o.cwd));
  if (searched.length === 0 && listed.length === 0) {
    throw new UsageError(o.list === undefined ? 'no roots to audit; pass folders holding repositories, or --list FILE' : `${o.list} lists no repositories`);
  }

  // Worker threads start once the search has found enough manifests to be worth them, so their
  // engines load while the search goes on.
  const workers = o.jobs ?? availableParallelism();
  const threads = workers > 1;
  const threshold = o.jobs === undefined ? SMALL_RUN : 1;
  const startPool = threads ? await auditPoolStarter() : undefined;
  const settings = { cwd: o.cwd, today: o.today, failOn: o.failOn, waiverHorizonDays: o.waiverHorizonDays };
  let pool: WorkerPool<AuditTask, ManifestVerdict> | undefined;
  let seen = 0;
  const onManifest = () => {
    if (++seen === threshold && startPool) pool = startPool({ workers, data: { flags: o.engine, ...settings } });
  };
  const found = discoverRepositories({ roots: searched, listed }, nodeFolderReader, {
    manifestNames: MANIFEST_NAMES,
    skippedDirectories: SKIPPED_DIRECTORIES,
    onManifest,
  });
  const shard = o.shard;
  const repositories = shard ? found.filter((r) => inShard(r.path, shard)) : found;
  const tasks: AuditTask[] = repositories.flatMap((r) =>
    r.manifests.map((m) => ({ file: posix.join(r.absolute, m), shown: `${r.path}/${m}`, within: r.within, real: r.linked.includes(m) ? undefined : posix.join(r.real, m) })),
  );

  o.progress?.start(tasks.length);
  const onProgress = (done: number) => o.progress?.update(done);
  // With no manifest left to judge (a shard of repositories without any), the policies are still
  // loaded in process, so ones that do not compile fail the audit.
  if (tasks.length === 0) pool?.close();
  const judged = pool && tasks.length > 0 ? await pool.judge(tasks, onProgress) : await judgeInProcess(tasks, { engineFlags: o.engine, ...settings }, onProgress);
  o.progress?.done();
  if (!judged.ok) return judged;

  let k = 0;
  const entries = repositories.flatMap((repository) => {
    const verdicts = new Map<string, ManifestVerdict>();
    for (const manifest of repository.manifests) verdicts.set(manifest, judged.value[k++]!);
    return repositoryEntries(repository, verdicts, { expectManifest: o.expectManifest });
  });
  const notes = repositories.flatMap((r) => r.notes.map((message) => ({ path: r.path, message })));
  const report = createAuditReport(entries, notes);
  return { ok: true, value: shard ? { ...report, shard: shardIdentity(o, shard) } : report };
}

/**
 * A sharded run's identity: what decides which repositories exist and how they are judged (roots,
 * list, rules, settings, day, thresholds), as given on the command line, so every machine of one
 * matrix job computes the same value and a report of another run does not match.
 */
function shardIdentity(o: AuditRunOptions, shard: Shard): ShardIdentity {
  const listed = o.list === undefined ? null : readFileSync(resolve(o.cwd, o.list), 'utf8');
  const run = createHash('sha256')
    .update(
      JSON.stringify({
        roots: o.roots,
        listed,
        engine: o.engine,
        today: o.today,
        failOn: o.failOn,
        expectManifest: o.expectManifest,
        waiverHorizonDays: o.waiverHorizonDays,
        count: shard.count,
      }),
    )
    .digest('hex')
    .slice(0, 16);
  return { index: shard.index, count: shard.count, run };
}

/** Loads the worker module first (its file is where threads start), then gives a synchronous starter. */
async function auditPoolStarter(): Promise<(options: { workers: number; data: Omit<AuditWorkerData, 'mark'> }) => WorkerPool<AuditTask, ManifestVerdict>> {
  const { AUDIT_WORKER_URL, AUDIT_WORKER_MARK } = await import('./audit-worker.ts');
  return (options) =>
    startWorkerPool<AuditTask, ManifestVerdict, AuditWorkerData>(new URL(AUDIT_WORKER_URL), {
      workers: options.workers,
      data: { mark: AUDIT_WORKER_MARK, ...options.data },
      failed: (_task, code, message) => failedVerdict(code, message),
    });
}

interface InProcessOptions {
  engineFlags: EngineFlags;
  cwd: string;
  today: string;
  failOn: FailOn;
  waiverHorizonDays: number;
}

async function judgeInProcess(tasks: AuditTask[], o: InProcessOptions, onProgress: (done: number) => void): Promise<Result<ManifestVerdict[]>> {
  // Policies are loaded even when nothing is to be judged: ones that do not compile fail the audit.
  const engine = await loadEngine(o.engineFlags, o.cwd);
  if (!engine.ok) return engine;
  const settings = { engine: engine.value, today: o.today, failOn: o.failOn, waiverHorizonDays: o.waiverHorizonDays };
  const sources = newSourceCache();
  const verdicts = tasks.map((task, i) => {
    const verdict = runAuditTask(task, settings, sources);
    onProgress(i + 1);
    return verdict;
  });
  return { ok: true, value: verdicts };
}

/** Paths in reports use forward slashes and no trailing slash, as the root was given. */
function shownPath(path: string): string {
  const normal = posix.normalize(path.split(sep).join('/'));
  return normal.length > 1 ? normal.replace(/\/+$/, '') : normal;
}

function rootFolder(root: string, cwd: string): SearchFolder {
  const absolute = resolve(cwd, root);
  let isFolder = false;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    throw new UsageError(`no such folder: ${root}`);
  }
  if (!isFolder) throw new UsageError(`${root} is not a folder; audit takes folders that hold repositories`);
  return { absolute, shown: shownPath(root), real: realpathSync.native(absolute) };
}

/** A listed repository that does not exist is that repository's problem, found during discovery. */
function listedFolder(path: string, cwd: string): SearchFolder {
  const absolute = resolve(cwd, path);
  let real = absolute;
  try {
    real = realpathSync.native(absolute);
  } catch {
    // Left as given: reading it reports the problem.
  }
  return { absolute, shown: shownPath(path), real };
}

function readList(file: string, cwd: string): string[] {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new UsageError(`cannot read --list ${file}`);
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
