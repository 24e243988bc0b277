// Where each command lives, loaded on demand: a run loads only the module of the command it
// names, so `routewise check` does not pay for the audit workers, `init`'s prompts or `test`.
import type { Command } from 'commander';
import type { CommandContext } from './context.ts';

type Register = (program: Command, ctx: CommandContext) => void;

/** In the order `routewise --help` lists them. */
const COMMAND_MODULES: [name: string, load: () => Promise<Register>][] = [
  ['check', async () => (await import('./commands/check.ts')).registerCheck],
  ['audit', async () => (await import('./commands/audit.ts')).registerAudit],
  ['cost', async () => (await import('./commands/cost.ts')).registerCost],
  ['eval', async () => (await import('./commands/eval.ts')).registerEval],
  ['test', async () => (await import('./commands/test.ts')).registerTest],
  ['schema', async () => (await import('./commands/schema.ts')).registerSchema],
  ['policies', async () => (await import('./commands/policies.ts')).registerPolicies],
  ['init', async () => (await import('./commands/init.ts')).registerInit],
];

/**
 * The registrations a run needs: the named command's alone, or every command when the arguments
 * name none (help, a typo to suggest a fix for). Global options take no value, so the first
 * argument that is not an option is the command name; help asked before it lists every command.
 */
export async function commandsFor(args: readonly string[]): Promise<Register[]> {
  const at = args.findIndex((a) => !a.startsWith('-'));
  const helpFirst = args.slice(0, at < 0 ? args.length : at).some((a) => a === '-h' || a === '--help');
  // `--version` alone prints the version and needs no command at all.
  if (at < 0 && !helpFirst && args.includes('--version')) return [];
  const named = at < 0 || helpFirst ? undefined : COMMAND_MODULES.find(([n]) => n === args[at]);
  const wanted = named ? [named] : COMMAND_MODULES;
  return Promise.all(wanted.map(([, load]) => load()));
}
