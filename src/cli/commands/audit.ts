// `routewise audit <roots...>`: finds the repositories under many roots, judges every manifest on
// worker threads (in process for small runs) and reports across them; `audit merge` combines shards.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { AuditReport } from '../../audit/audit-report.ts';
import { auditReporters } from '../../report/audit/index.ts';
import { mergeReports } from '../../audit/merge.ts';
import { parseShard } from '../../audit/shard.ts';
import { auditRun } from '../../runner/audit-run.ts';
import { parseReportTargets } from '../../runner/report-targets.ts';
import { UsageError } from '../../runner/usage-error.ts';
import { reportScope, writeReportFile } from '../../runner/write-report.ts';
import { useColor } from '../color.ts';
import { collect, type CommandContext } from '../context.ts';
import { jobsFrom, optionsFromFlags, wholeNumber, withRunFlags, type RunFlags } from '../run-flags.ts';
import { printProblems } from '../problem-text.ts';
import { progressBar } from '../progress-bar.ts';

export interface AuditFlags extends RunFlags {
  list?: string;
  expectManifest?: boolean;
  waiverHorizon: string;
  shard?: string;
}

export function registerAudit(program: Command, ctx: CommandContext): void {
  const formats = [...auditReporters.keys()].join(' | ');
  const audit = withRunFlags(
    program
      .command('audit')
      .description('check every manifest in many repositories and report across them')
      .argument('[roots...]', 'folders holding repositories (each direct subfolder, and every folder with a .git)')
      .option('--list <file>', 'repository paths, one per line (# starts a comment)')
      .option('--expect-manifest', 'report repositories without a manifest as missing (and fail)')
      .option('--waiver-horizon <days>', 'waivers ending within this many days count as expiring', '30')
      .option('--shard <i/n>', 'audit only shard I of N (split by a hash of the repository path)'),
    [...auditReporters.keys()],
  )
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
  const options = optionsFromFlags(flags);
  const targets = parseReportTargets(flags.format, [...auditReporters.keys()]);
  for (const note of options.notes) ctx.stderr.write(`routewise: ${note}\n`);
  const waiverHorizonDays = wholeNumber(flags.waiverHorizon, '--waiver-horizon', 'a number of days, e.g. 30');
  const jobs = jobsFrom(flags);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (flags.shard !== undefined && !shard) throw new UsageError(`--shard ${flags.shard} is not a shard; write it as I/N with 1 <= I <= N, e.g. 2/4`);

  let bar: ReturnType<typeof progressBar> | undefined;
  const run = await auditRun({
    ...options,
    roots,
    ...(flags.list !== undefined ? { list: flags.list } : {}),
    expectManifest: flags.expectManifest === true,
    waiverHorizonDays,
    ...(jobs !== undefined ? { jobs } : {}),
    ...(shard ? { shard } : {}),
    cwd: ctx.cwd,
    progress: {
      start: (total) => (bar = progressBar(ctx.stderr, total, 'manifests', !ctx.globals().quiet)),
      update: (done) => bar?.update(done),
      done: () => bar?.done(),
    },
  });
  if (!run.ok) {
    ctx.stderr.write('routewise: the policies could not be loaded:\n');
    printProblems(ctx.stderr, run.problems);
    return 2;
  }
  writeReports(run.value, targets, ctx);
  if (ctx.env.ROUTEWISE_PRINT_MAX_RSS) ctx.stderr.write(`routewise: max RSS ${process.resourceUsage().maxRSS} kB\n`);
  return run.value.totals.failing > 0 ? 1 : 0;
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

function writeReports(report: AuditReport, targets: ReturnType<typeof parseReportTargets>, ctx: CommandContext): void {
  for (const t of targets) {
    const reporter = auditReporters.get(t.format)!;
    const color = t.format === 'text' && t.path === undefined && useColor(ctx.stdout, ctx.globals().color, ctx.env);
    const text = reporter.render(report, { color });
    if (t.path === undefined) ctx.stdout.write(text);
    else writeReportFile(resolve(ctx.cwd, t.path), t.path, text, reportScope(t.path, ctx.cwd));
  }
}


