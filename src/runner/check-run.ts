// One `check` run, shared by the command line and the GitHub Action: load the engine, find the
// manifests, judge each one, and gather everything into one run report.
import { relative, resolve, sep } from 'node:path';
import type { Problem, Result } from '../problems/problem.ts';
import { judgeManifest } from '../judge/judge-manifest.ts';
import { createRunReport, type ManifestInput, type RunReport } from '../report/run-report.ts';
import { newSourceCache, type SourceRequest } from '../sources/read-sources.ts';
import { failedCheck, runCheckTask, withoutInput, type CheckTask } from './check-task.ts';
import type { CheckWorkerData } from './check-worker.ts';
import { startWorkerPool, type WorkerPool } from './worker-pool.ts';
import { discoverManifests, MANIFEST_NAMES } from './discover.ts';
import { loadEngine } from '../policy/load-engine.ts';
import type { RunOptions } from './options.ts';
import { realPathOf } from './real-path.ts';
import { VERSION } from './version.ts';
import { STDIN_NAME } from './read-stdin.ts';

export interface CheckRunOptions extends RunOptions {
  /** Paths are resolved from here; report file names are relative to it. */
  cwd: string;
  /** Sources from `--source TYPE=PATH`, read for every manifest besides its own `sources`. */
  sources?: SourceRequest[];
  /**
   * Set where the repository is not the user's own choice (the Action): a manifest that resolves
   * outside `cwd` through a symbolic link is refused, never read.
   */
  refuseLinksOut?: boolean;
  /** Told where a manifest that is a symbolic link leads (the command line reads it anyway). */
  onNote?: (message: string) => void;
  /** The manifest the path `-` stands for (read from standard input by the shell). */
  stdin?: Uint8Array;
  /** Judge the manifests on this many worker threads when more than one (`--jobs`); else in process. */
  jobs?: number;
}

export type CheckRunFailure =
  | { kind: 'policies'; problems: Problem[] }
  | { kind: 'no-manifests'; message: string };

/**
 * `notes` are warnings the run still judged through (retired settings in --data files);
 * `threads`, how many worker threads judged the manifests (none: in process).
 */
export type CheckRunResult = Result<RunReport> & { failure?: CheckRunFailure; notes?: Problem[]; threads?: number };

export async function checkRun(paths: string[], options: CheckRunOptions): Promise<CheckRunResult> {
  const engine = await loadEngine(options.engine, options.cwd);
  const notes = engine.notes ? { notes: engine.notes } : {};
  if (!engine.ok) return { ok: false, problems: engine.problems, failure: { kind: 'policies', problems: engine.problems }, ...notes };

  // `-` is the manifest on standard input; the other paths are searched as usual.
  const fromStdin = paths.includes('-') && options.stdin !== undefined;
  const searched = fromStdin ? paths.filter((p) => p !== '-') : paths;
  const found = searched.length > 0 || !fromStdin ? await discoverManifests(searched, options.cwd) : { files: [], problems: [] };
  if (fromStdin) found.files.unshift(STDIN_NAME);
  // Nothing to judge is a usage problem, not a report about a manifest that does not exist.
  if (found.files.length === 0) {
    const problems: Problem[] =
      found.problems.length > 0
        ? found.problems
        : [{ code: 'no-manifests', message: `no manifest (${MANIFEST_NAMES.join(', ')}) found in ${paths.join(', ')}`, hint: 'pass manifest files or the folders that hold them' }];
    const message = problems.map((p) => p.message).join('; ');
    return { ok: false, problems, failure: { kind: 'no-manifests', message }, ...notes };
  }
  const manifests: ManifestInput[] = found.problems.map((p) => ({
    file: p.position?.file ?? '(arguments)',
    problems: [p],
    findings: [],
    rulesEvaluated: [],
  }));
  const realCwd = realPathOf(options.cwd) ?? options.cwd;
  const within = options.refuseLinksOut ? { within: realCwd, withinName: 'the workspace' } : undefined;
  const sources = options.sources ?? [];
  const tasks: CheckTask[] = [];
  for (const file of found.files) {
    if (fromStdin && file === STDIN_NAME) {
      manifests.push(withoutInput(judgeManifest(STDIN_NAME, options.stdin!, { engine: engine.value, today: options.today })));
      continue;
    }
    const absolute = resolve(options.cwd, file);
    const display = relative(options.cwd, absolute).split(sep).join('/') || file;
    const real = realPathOf(absolute);
    if (!options.refuseLinksOut && real !== undefined && real !== resolve(realCwd, relative(options.cwd, absolute))) {
      options.onNote?.(`${display} is a symbolic link to ${real}`);
    }
    tasks.push({ file: absolute, shown: display });
  }
  // Threads only when asked for: on two cores a check of 1,000 or 3,000 manifests ran about 10%
  // slower on two threads than in process (each thread warms its own engine up, results are
  // copied back, and V8's own background threads already use the second core).
  const workers = options.jobs ?? 1;
  let threads: number | undefined;
  if (workers > 1 && tasks.length > 1) {
    const pool = await startCheckPool(workers, { flags: options.engine, cwd: options.cwd, today: options.today, sources, ...(within ? { within } : {}) });
    const judged = await pool.judge(tasks);
    if (!judged.ok) return { ok: false, problems: judged.problems, failure: { kind: 'policies', problems: judged.problems }, ...notes };
    manifests.push(...judged.value);
    threads = workers;
  } else {
    const settings = { engine: engine.value, today: options.today, sources, ...(within ? { within } : {}), sourceCache: newSourceCache() };
    for (const task of tasks) manifests.push(runCheckTask(task, settings));
  }
  return {
    ok: true,
    ...notes,
    ...(threads !== undefined ? { threads } : {}),
    value: createRunReport({ tool: { name: 'routewise', version: VERSION }, failOn: options.failOn, manifests, rules: engine.value.rules() }),
  };
}

/** Threads start on the worker module's file, so the module is loaded first. */
async function startCheckPool(workers: number, data: Omit<CheckWorkerData, 'mark'>): Promise<WorkerPool<CheckTask, ManifestInput>> {
  const { CHECK_WORKER_URL, CHECK_WORKER_MARK } = await import('./check-worker.ts');
  return startWorkerPool<CheckTask, ManifestInput, CheckWorkerData>(new URL(CHECK_WORKER_URL), { workers, data: { mark: CHECK_WORKER_MARK, ...data }, failed: failedCheck });
}
