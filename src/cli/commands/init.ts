// `routewise init`: writes a commented starter routewise.yaml, from flags or by asking on a TTY.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Command } from 'commander';
import { type CommandContext } from '../context.ts';
import { UsageError } from '../../runner/usage-error.ts';
import {
  checkAnswer,
  checkCombination,
  defaultStrategy,
  starterManifest,
  toSlug,
  STARTER_CATEGORIES,
  STARTER_STRATEGIES,
  type AnswerField,
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

const FIELDS: readonly AnswerField[] = ['name', 'owner', 'category', 'strategy'];

const QUESTIONS: Record<AnswerField, string> = {
  name: 'Project name',
  owner: 'Owner (team, person or address)',
  category: `Main data category (${STARTER_CATEGORIES.join(', ')})`,
  strategy: `Strategy (${STARTER_STRATEGIES.join(', ')})`,
};

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
      // An absolute -o is used as given; a relative one is below the current folder.
      const target = resolve(ctx.cwd, flags.output);
      if (existsSync(target) && !flags.force) {
        throw new UsageError(`${flags.output} already exists; pass --force to overwrite it`);
      }
      // Flags are checked before any question, so a typo is not found only after the last answer.
      const given: Partial<Record<AnswerField, string>> = {};
      for (const field of FIELDS) {
        const value = flags[field];
        if (value === undefined) continue;
        const c = checkAnswer(field, value, false, `--${field}`);
        if (!c.ok) throw new UsageError(c.problem);
        given[field] = c.value;
      }
      const interactive = FIELDS.some((f) => given[f] === undefined) && !flags.yes && ctx.stdin.isTTY === true && ctx.stdout.isTTY === true;
      const answers = interactive ? await ask(ctx, given) : withDefaults(given, ctx.cwd);
      const problem = checkCombination(answers);
      if (problem) throw new UsageError(problem);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, starterManifest(answers));
      if (!ctx.globals().quiet) ctx.stdout.write(`wrote ${flags.output}; check it with: routewise check ${flags.output}\n`);
    });
}

function defaultFor(field: AnswerField, so: Partial<Record<AnswerField, string>>, cwd: string): string {
  switch (field) {
    case 'name':
      return toSlug(basename(cwd)) || 'my-llm-project';
    case 'owner':
      return 'my-team';
    case 'category':
      return 'internal';
    case 'strategy':
      return defaultStrategy((so.category ?? 'internal') as StarterAnswers['category']);
  }
}

function withDefaults(given: Partial<Record<AnswerField, string>>, cwd: string): StarterAnswers {
  const out: Partial<Record<AnswerField, string>> = { ...given };
  for (const field of FIELDS) out[field] ??= defaultFor(field, out, cwd);
  return out as StarterAnswers;
}

/** Asks for each missing answer until it is valid; Ctrl+C (exit 130) or Ctrl+D (exit 2) ends the run with nothing written. */
async function ask(ctx: CommandContext, given: Partial<Record<AnswerField, string>>): Promise<StarterAnswers> {
  const prompt = new Prompt(ctx);
  try {
    const out: Partial<Record<AnswerField, string>> = { ...given };
    for (const field of FIELDS) out[field] ??= await prompt.answer(field, defaultFor(field, out, ctx.cwd));
    // A regulated category on a cloud API is refused by RW-DATA-001: ask again for what was asked.
    for (let problem = checkCombination(out as StarterAnswers); problem; problem = checkCombination(out as StarterAnswers)) {
      const field = given.strategy === undefined ? 'strategy' : given.category === undefined ? 'category' : undefined;
      if (!field) break;
      ctx.stdout.write(`  ${problem}\n`);
      out[field] = await prompt.answer(field, defaultFor(field, out, ctx.cwd));
    }
    return out as StarterAnswers;
  } finally {
    prompt.close();
  }
}

/**
 * Questions on the terminal. Lines are read from readline's line stream, not `question()`, so
 * answers typed ahead (or pasted) are kept for the next question instead of being dropped.
 */
class Prompt {
  private readonly rl: Interface;
  private readonly lines: AsyncIterator<string>;
  private interrupted = false;

  constructor(private readonly ctx: CommandContext) {
    this.rl = createInterface({ input: ctx.stdin, output: ctx.stdout });
    this.lines = this.rl[Symbol.asyncIterator]();
    this.rl.on('SIGINT', () => {
      this.interrupted = true;
      this.rl.close();
    });
  }

  async answer(field: AnswerField, fallback: string): Promise<string> {
    for (;;) {
      this.rl.setPrompt(`${QUESTIONS[field]} [${fallback}]: `);
      this.rl.prompt();
      const next = await this.lines.next();
      if (next.done) {
        this.ctx.stdout.write('\n');
        // Ctrl+C is an interruption (exit 130), Ctrl+D the end of the answers (exit 2).
        if (this.interrupted) throw new UsageError('init interrupted; nothing written', 130);
        throw new UsageError('init cancelled; nothing written');
      }
      const typed = next.value.trim();
      const c = checkAnswer(field, typed === '' ? fallback : typed, true);
      if (c.ok) return c.value;
      this.ctx.stdout.write(`  ${c.problem}\n`);
    }
  }

  close(): void {
    this.rl.close();
  }
}
