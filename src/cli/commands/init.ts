// `routewise init`: writes a commented starter routewise.yaml, from flags or by asking on a TTY.
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { UsageError, type CommandContext } from '../context.ts';
import {
  checkAnswers,
  starterManifest,
  STARTER_CATEGORIES,
  STARTER_STRATEGIES,
  type StarterAnswers,
} from '../../init/starter-manifest.ts';

interface InitFlags {
  name?: string;
  owner?: string;
  strategy?: string;
  category?: string;
  output: string;
  force?: boolean;
  yes?: boolean;
}

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description('write a commented starter routewise.yaml')
    .option('--name <slug>', 'project name (lowercase slug)')
    .option('--owner <owner>', 'owning team, person or address')
    .option('--strategy <strategy>', STARTER_STRATEGIES.join(' | '))
    .option('--category <category>', `main data category: ${STARTER_CATEGORIES.join(' | ')}`)
    .option('-o, --output <file>', 'where to write', 'routewise.yaml')
    .option('--force', 'overwrite an existing file')
    .option('-y, --yes', 'do not ask; use defaults for missing answers')
    .action(async (flags: InitFlags) => {
      const target = join(ctx.cwd, flags.output);
      if (existsSync(target) && !flags.force) {
        throw new UsageError(`${flags.output} already exists; pass --force to overwrite it`);
      }
      const defaults: StarterAnswers = {
        name: slug(basename(ctx.cwd)) || 'my-llm-project',
        owner: flags.owner ?? 'my-team',
        strategy: 'cloud-api',
        category: 'internal',
      };
      let answers: StarterAnswers = {
        name: flags.name ?? defaults.name,
        owner: flags.owner ?? defaults.owner,
        strategy: (flags.strategy ?? defaults.strategy) as StarterAnswers['strategy'],
        category: (flags.category ?? defaults.category) as StarterAnswers['category'],
      };
      const missing = !flags.name || !flags.owner || !flags.strategy || !flags.category;
      if (missing && !flags.yes && ctx.stdin.isTTY && ctx.stdout.isTTY) answers = await ask(ctx, answers, flags);
      const problem = checkAnswers(answers);
      if (problem) throw new UsageError(problem);
      writeFileSync(target, starterManifest(answers));
      if (!ctx.globals().quiet) ctx.stdout.write(`wrote ${flags.output}; check it with: routewise check ${flags.output}\n`);
    });
}

async function ask(ctx: CommandContext, start: StarterAnswers, flags: InitFlags): Promise<StarterAnswers> {
  const rl = createInterface({ input: ctx.stdin, output: ctx.stdout });
  try {
    const q = async (label: string, current: string, given: string | undefined) =>
      given ?? ((await rl.question(`${label} [${current}]: `)).trim() || current);
    return {
      name: await q('Project name', start.name, flags.name),
      owner: await q('Owner (team, person or address)', start.owner, flags.owner),
      strategy: (await q(`Strategy (${STARTER_STRATEGIES.join(', ')})`, start.strategy, flags.strategy)) as StarterAnswers['strategy'],
      category: (await q(`Main data category (${STARTER_CATEGORIES.join(', ')})`, start.category, flags.category)) as StarterAnswers['category'],
    };
  } finally {
    rl.close();
  }
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
