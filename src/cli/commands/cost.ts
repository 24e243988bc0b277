// `routewise cost [paths...]`: the numbers behind the decision (spec/cost.md). The run is
// runner/cost-run.ts; this shell maps the flags, prints the warnings and writes the chosen format.
import type { Command } from 'commander';
import { collect, type CommandContext } from '../context.ts';
import { UsageError } from '../../runner/usage-error.ts';
import { printProblems } from '../problem-text.ts';
import { resolveToday } from '../../runner/today.ts';
import { costRun } from '../../runner/cost-run.ts';
import { costFormats } from '../../cost/format/index.ts';

interface CostFlags {
  data: string[];
  now?: string;
  format: string;
}

export function registerCost(program: Command, ctx: CommandContext): void {
  program
    .command('cost')
    .description('the numbers behind the decision: API cost, self-hosted cost, GPUs and break-even per workload')
    .argument('[paths...]', 'manifest files, directories or globs (default: the manifest in the current directory)')
    .option('--data <file>', 'organisation settings merged over policies/data.yaml (repeatable)', collect, [])
    .option('--now <date>', 'price as of this day (YYYY-MM-DD)')
    .option('--format <format>', [...costFormats.keys()].join(' | '), 'text')
    .action(async (paths: string[], flags: CostFlags) => {
      process.exitCode = await runCost(paths, flags, ctx);
    });
}

async function runCost(paths: string[], flags: CostFlags, ctx: CommandContext): Promise<number> {
  const format = costFormats.get(flags.format);
  if (!format) throw new UsageError(`unknown --format ${flags.format}; use one of ${[...costFormats.keys()].join(', ')}`);
  const run = await costRun(paths, { cwd: ctx.cwd, data: flags.data, today: resolveToday(flags.now) });
  // A retired setting is still accepted for one minor version: a warning, as `check` gives.
  for (const p of run.notes ?? []) ctx.stderr.write(`routewise: warning: ${p.position?.file ?? '--data'}: ${p.message}${p.hint ? ` (${p.hint})` : ''}\n`);
  if (!run.ok) {
    if (run.failure?.kind === 'no-manifests') {
      ctx.stderr.write(`routewise: ${run.failure.message}\n`);
      return 2;
    }
    ctx.stderr.write('routewise: the settings could not be read:\n');
    printProblems(ctx.stderr, run.problems);
    return 2;
  }
  ctx.stdout.write(format.render(run.value));
  return run.value.manifests.some((m) => 'problems' in m) ? 2 : 0;
}
