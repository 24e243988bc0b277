// `routewise check [paths...]`: validates and evaluates manifests and reports the findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { collect, UsageError, type CommandContext } from '../context.ts';
import { checkRun } from '../check-run.ts';
import { engineFlagsProblem } from '../load-engine.ts';
import { printProblems } from '../problem-text.ts';
import { parseReportTargets } from '../report-targets.ts';
import { resolveToday } from '../today.ts';
import { useColor } from '../color.ts';
import { FAIL_ON_VALUES, exitCodeFor, parseFailOn } from '../../findings/threshold.ts';
import { reporters } from '../../report/index.ts';
import { parseSourceFlag } from '../../sources/read-sources.ts';

export interface CheckFlags {
  policy: string[];
  builtin: boolean;
  data: string[];
  failOn: string;
  format: string[];
  now?: string;
  engine: string;
  bundle?: string;
  source: string[];
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('validate manifests and evaluate the rules on them')
    .argument('[paths...]', 'manifest files, directories or globs (default: the manifest in the current directory)')
    .option('--policy <dir>', 'add an organisation policy folder to the built-in rules (repeatable)', collect, [])
    .option('--no-builtin', 'leave out the built-in rules')
    .option('--data <file>', 'organisation settings merged over policies/data.yaml (repeatable)', collect, [])
    .option('--fail-on <severity>', FAIL_ON_VALUES.join(' | '), 'error')
    .option('--format <format>', `${[...reporters.keys()].join(' | ')}; repeatable as name=path`, collect, [])
    .option('--now <date>', 'judge dates as of this day (YYYY-MM-DD)')
    .option('--engine <engine>', 'rego | wasm', 'rego')
    .option('--bundle <file>', 'OPA wasm bundle (.tar.gz) or policy.wasm for --engine wasm')
    .option('--source <type=path>', 'also check against this gateway or cluster config (litellm=FILE, kubernetes=FILE|DIR; repeatable)', collect, [])
    .action(async (paths: string[], flags: CheckFlags) => {
      process.exitCode = await runCheck(paths, flags, ctx);
    });
}

export async function runCheck(paths: string[], flags: CheckFlags, ctx: CommandContext): Promise<number> {
  const failOn = parseFailOn(flags.failOn);
  if (!failOn) throw new UsageError(`unknown --fail-on ${flags.failOn}; use one of ${FAIL_ON_VALUES.join(', ')}`);
  const engineProblem = engineFlagsProblem(flags);
  if (engineProblem) throw new UsageError(engineProblem);
  const targets = parseReportTargets(flags.format, [...reporters.keys()]);
  const today = resolveToday(flags.now);

  const sources = (flags.source ?? []).map((flag) => {
    const parsed = parseSourceFlag(flag, ctx.cwd);
    if (!parsed.ok) throw new UsageError(parsed.problems[0]!.message);
    return parsed.value;
  });

  const run = await checkRun(paths, { ...flags, failOn, today, cwd: ctx.cwd, sources });
  if (!run.ok) {
    if (run.failure?.kind === 'no-manifests') {
      for (const p of run.problems) ctx.stderr.write(`routewise: ${p.message}\n${p.hint ? `  hint: ${p.hint}\n` : ''}`);
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
    else writeReportFile(resolve(ctx.cwd, t.path), t.path, out);
  }
  return exitCodeFor(report.manifests, failOn);
}

/** CI jobs often name a reports folder that does not exist yet, so it is created. */
function writeReportFile(absolute: string, shown: string, text: string): void {
  try {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write the report ${shown} (${WRITE_FAILURES[code] ?? code}); pass --format name=path with a writable file`);
  }
}

const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'part of the path is a file, not a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};
