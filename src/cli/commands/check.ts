// `routewise check [paths...]`: validates and evaluates manifests and reports the findings.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { checkRun } from '../../runner/check-run.ts';
import { readStdinBytes } from '../../runner/read-stdin.ts';
import { jobsFrom, optionsFromFlags, withRunFlags, type RunFlags } from '../run-flags.ts';
import { reportScope, writeReportFile } from '../../runner/write-report.ts';
import { printProblems } from '../problem-text.ts';
import { parseReportTargets } from '../../runner/report-targets.ts';
import { useColor } from '../color.ts';
import { exitCodeFor } from '../../findings/threshold.ts';
import { reporters } from '../../report/check/index.ts';
import { printableLines } from '../../report/printable.ts';
import { parseSourceFlag } from '../../sources/read-sources.ts';
import { UsageError } from '../../runner/usage-error.ts';
import { collect } from '../context.ts';

export function registerCheck(program: Command, ctx: CommandContext): void {
  withRunFlags(
    program
      .command('check')
      .description('validate manifests and evaluate the rules on them')
      .argument('[paths...]', 'manifest files, directories or globs; - reads one manifest from standard input (default: the manifest in the current directory)'),
    [...reporters.keys()],
  )
    .option('--source <type=path>', 'also check against this gateway or cluster config (litellm=FILE, kubernetes=FILE|DIR; repeatable)', collect, [])
    .action(async (paths: string[], flags: RunFlags & { source: string[] }) => {
      process.exitCode = await runCheck(paths, flags, ctx);
    });
}

export async function runCheck(paths: string[], flags: RunFlags & { source?: string[] }, ctx: CommandContext): Promise<number> {
  const options = optionsFromFlags(flags);
  const targets = parseReportTargets(flags.format, [...reporters.keys()]);

  const sources = (flags.source ?? []).map((flag) => {
    const parsed = parseSourceFlag(flag, ctx.cwd);
    if (!parsed.ok) throw new UsageError(parsed.problems[0]!.message);
    return parsed.value;
  });

  for (const note of options.notes) ctx.stderr.write(`routewise: ${note}\n`);
  const stdin = paths.includes('-') ? { stdin: await readStdinBytes(ctx.stdin) } : {};
  // The user chose these paths: a manifest that is a link is read, and where it leads is said.
  const onNote = (message: string) => ctx.stderr.write(`routewise: note: ${printableLines(message, '  ')}\n`);
  const jobs = jobsFrom(flags);
  const run = await checkRun(paths, { ...options, cwd: ctx.cwd, sources, onNote, ...stdin, ...(jobs !== undefined ? { jobs } : {}) });
  if (run.notes) printProblems(ctx.stderr, run.notes);
  if (ctx.env.ROUTEWISE_DEBUG && run.threads !== undefined) ctx.stderr.write(`routewise: debug: judged on ${run.threads} worker threads\n`);
  if (!run.ok) {
    if (run.failure?.kind === 'no-manifests') {
      for (const p of run.problems) ctx.stderr.write(`routewise: ${printableLines(p.message, '  ')}\n${p.hint ? `  hint: ${printableLines(p.hint, '  ')}\n` : ''}`);
      return 2;
    }
    ctx.stderr.write('routewise: the policies could not be loaded:\n');
    printProblems(ctx.stderr, run.problems);
    return 2;
  }
  const report = run.value;
  // --quiet leaves clean manifests out of what people read; files for machines stay complete.
  const quiet = ctx.globals().quiet === true;
  const forPeople = quiet ? { ...report, manifests: report.manifests.filter((m) => m.findings.length > 0 || m.problems.length > 0) } : report;
  for (const t of targets) {
    const reporter = reporters.get(t.format)!;
    const color = t.path === undefined && useColor(ctx.stdout, ctx.globals().color, ctx.env);
    const text = reporter.render(t.path === undefined && t.format === 'text' ? forPeople : report, { color });
    const out = text.endsWith('\n') ? text : text + '\n';
    if (t.path === undefined) ctx.stdout.write(out);
    else writeReportFile(resolve(ctx.cwd, t.path), t.path, out, reportScope(t.path, ctx.cwd));
  }
  return exitCodeFor(report.manifests, options.failOn);
}
