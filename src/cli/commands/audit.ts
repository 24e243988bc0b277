// `routewise audit <roots...>`: finds the repositories under many roots, judges every manifest on
// worker threads (in process for small runs) and reports across them; `audit merge` combines shards.
import { readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { posix, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { createAuditReport } from '../../audit/aggregate.ts';
import type { AuditReport } from '../../audit/audit-report.ts';
import { discoverRepositories, type SearchFolder } from '../../audit/discovery.ts';
import { auditReporters } from '../../audit/formats/index.ts';
import type { ManifestVerdict } from '../../audit/verdict.ts';
import { mergeReports } from '../../audit/merge.ts';
import { repositoryEntries } from '../../audit/repository-entries.ts';
import { inShard, parseShard } from '../../audit/shard.ts';
import { FAIL_ON_VALUES, parseFailOn, type FailOn } from '../../findings/threshold.ts';
import { workerPoolStarter, type WorkerPool } from '../audit-pool.ts';
import { runAuditTask, type AuditTask } from '../audit-task.ts';
import { useColor } from '../color.ts';
import { collect, UsageError, type CommandContext } from '../context.ts';
import { MANIFEST_NAMES, SKIPPED_DIRECTORIES } from '../discover.ts';
import { nodeFolderReader } from '../folder-reader.ts';
import { engineFlagsProblem, loadEngine, type EngineFlags } from '../../policy/load-engine.ts';
import type { Result } from '../../problems/problem.ts';
import { printProblems } from '../problem-text.ts';
import { progressBar } from '../progress-bar.ts';
import { parseReportTargets } from '../report-targets.ts';
import { resolveToday } from '../today.ts';
import type { CheckFlags } from './check.ts';

export interface AuditFlags extends CheckFlags {
  list?: string;
  expectManifest?: boolean;
  waiverHorizon: string;
  shard?: string;
  jobs?: string;
}

/** Below this many manifests, starting threads and loading the engine in each costs more than it saves. */
const SMALL_RUN = 150;

export function registerAudit(program: Command, ctx: CommandContext): void {
  const formats = [...auditReporters.keys()].join(' | ');
  const audit = program
    .command('audit')
    .description('check every manifest in many repositories and report across them')
    .argument('[roots...]', 'folders holding repositories (each direct subfolder, and every folder with a .git)')
    .option('--list <file>', 'repository paths, one per line (# starts a comment)')
    .option('--expect-manifest', 'report repositories without a manifest as missing (and fail)')
    .option('--waiver-horizon <days>', 'waivers ending within this many days count as expiring', '30')
    .option('--shard <i/n>', 'audit only shard I of N (split by a hash of the repository path)')
    .option('--jobs <n>', 'worker threads (default: one per core; 0 or 1 judges in process)')
    .option('--policy <dir>', 'add an organisation policy folder to the built-in rules (repeatable)', collect, [])
    .option('--no-builtin', 'leave out the built-in rules')
    .option('--data <file>', 'organisation settings merged over policies/data.yaml (repeatable)', collect, [])
    .option('--fail-on <severity>', FAIL_ON_VALUES.join(' | '), 'error')
    .option('--format <format>', `${formats}; repeatable as name=path`, collect, [])
    .option('--now <date>', 'judge dates as of this day (YYYY-MM-DD)')
    .option('--engine <engine>', 'rego | wasm', 'rego')
    .option('--bundle <file>', 'OPA wasm bundle (.tar.gz) or policy.wasm for --engine wasm')
    .action(async (roots: string[], flags: AuditFlags) => {
      process.exitCode = await runAudit(roots, flags, ctx);
    });
  audit
    .command('merge')
    .description('combine the JSON reports of audit shards into one report')
    .argument('<files...>', 'shard reports written with --format json=FILE')
    .option('--format <format>', `${formats}; repeatable as name=path`, collect, [])
    .action((files: string[], flags: { format: string[] }) => {
      // commander gives options written after `merge` to the audit command when both define them.
      const format = [...flags.format, ...audit.opts<{ format: string[] }>().format];
      process.exitCode = runAuditMerge(files, { format }, ctx);
    });
}

export async function runAudit(roots: string[], flags: AuditFlags, ctx: CommandContext): Promise<number> {
  const failOn = parseFailOn(flags.failOn);
  if (!failOn) throw new UsageError(`unknown --fail-on ${flags.failOn}; use one of ${FAIL_ON_VALUES.join(', ')}`);
  const engineProblem = engineFlagsProblem(flags);
  if (engineProblem) throw new UsageError(engineProblem);
  const targets = parseReportTargets(flags.format, [...auditReporters.keys()]);
  const today = resolveToday(flags.now);
  const waiverHorizonDays = wholeNumber(flags.waiverHorizon, '--waiver-horizon', 'a number of days, e.g. 30');
  const jobs = flags.jobs === undefined ? undefined : wholeNumber(flags.jobs, '--jobs', 'a number of threads, e.g. 4');
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (flags.shard !== undefined && !shard) throw new UsageError(`--shard ${flags.shard} is not a shard; write it as I/N with 1 <= I <= N, e.g. 2/4`);

  const searched = roots.map((root) => rootFolder(root, ctx.cwd));
  const listed = flags.list === undefined ? [] : readList(flags.list, ctx.cwd).map((path) => listedFolder(path, ctx.cwd));
  if (searched.length === 0 && listed.length === 0) {
    throw new UsageError(flags.list === undefined ? 'no roots to audit; pass folders holding repositories, or --list FILE' : `${flags.list} lists no repositories`);
  }

  // Worker threads start once the search has found enough manifests to be worth them, so their
  // engines load while the search goes on.
  const workers = jobs ?? availableParallelism();
  const threads = workers > 1;
  const threshold = jobs === undefined ? SMALL_RUN : 1;
  const startPool = threads ? await workerPoolStarter() : undefined;
  const engineFlags = { policy: flags.policy, builtin: flags.builtin, data: flags.data, engine: flags.engine, bundle: flags.bundle };
  let pool: WorkerPool | undefined;
  let seen = 0;
  const onManifest = () => {
    if (++seen === threshold && startPool) pool = startPool({ workers, data: { flags: engineFlags, cwd: ctx.cwd, today, failOn, waiverHorizonDays } });
  };
  const found = discoverRepositories({ roots: searched, listed }, nodeFolderReader, {
    manifestNames: MANIFEST_NAMES,
    skippedDirectories: SKIPPED_DIRECTORIES,
    onManifest,
  });
  const repositories = shard ? found.filter((r) => inShard(r.path, shard)) : found;
  const tasks: AuditTask[] = repositories.flatMap((r) => r.manifests.map((m) => ({ file: posix.join(r.absolute, m), shown: `${r.path}/${m}` })));

  const progress = progressBar(ctx.stderr, tasks.length, 'manifests', !ctx.globals().quiet);
  // With no manifest left to judge (a shard of repositories without any), the policies are still
  // loaded in process, so ones that do not compile fail the audit.
  if (tasks.length === 0) pool?.close();
  const judged = pool && tasks.length > 0
    ? await pool.judge(tasks, (done) => progress.update(done))
    : await judgeInProcess(tasks, { engineFlags, cwd: ctx.cwd, today, failOn, waiverHorizonDays }, (done) => progress.update(done));
  progress.done();
  if (!judged.ok) {
    ctx.stderr.write('routewise: the policies could not be loaded:\n');
    printProblems(ctx.stderr, judged.problems);
    return 2;
  }

  let k = 0;
  const entries = repositories.flatMap((repository) => {
    const verdicts = new Map<string, ManifestVerdict>();
    for (const manifest of repository.manifests) verdicts.set(manifest, judged.value[k++]!);
    return repositoryEntries(repository, verdicts, { expectManifest: flags.expectManifest === true });
  });
  const report = createAuditReport(entries);
  writeReports(report, targets, ctx);
  if (ctx.env.ROUTEWISE_PRINT_MAX_RSS) ctx.stderr.write(`routewise: max RSS ${process.resourceUsage().maxRSS} kB\n`);
  return report.totals.failing > 0 ? 1 : 0;
}

export function runAuditMerge(files: string[], flags: { format: string[] }, ctx: CommandContext): number {
  const targets = parseReportTargets(flags.format, [...auditReporters.keys()]);
  const shards = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(resolve(ctx.cwd, file), 'utf8');
    } catch {
      throw new UsageError(`cannot read the shard report ${file}`);
    }
    try {
      return { name: file, document: JSON.parse(text) as unknown };
    } catch (error) {
      throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
    }
  });
  const merged = mergeReports(shards);
  if (!merged.ok) {
    ctx.stderr.write('routewise: the shard reports could not be merged:\n');
    printProblems(ctx.stderr, merged.problems);
    return 2;
  }
  writeReports(merged.value, targets, ctx);
  return merged.value.totals.failing > 0 ? 1 : 0;
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
  const verdicts = tasks.map((task, i) => {
    const verdict = runAuditTask(task, settings);
    onProgress(i + 1);
    return verdict;
  });
  return { ok: true, value: verdicts };
}

function writeReports(report: AuditReport, targets: ReturnType<typeof parseReportTargets>, ctx: CommandContext): void {
  for (const t of targets) {
    const reporter = auditReporters.get(t.format)!;
    const color = t.format === 'text' && t.path === undefined && useColor(ctx.stdout, ctx.globals().color, ctx.env);
    const text = reporter.render(report, { color });
    if (t.path === undefined) ctx.stdout.write(text);
    else writeFileSync(resolve(ctx.cwd, t.path), text);
  }
}

function wholeNumber(text: string, flag: string, example: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} ${text} is not a whole number; give ${example}`);
  return Number(text);
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
