// The routewise command line: parses arguments with commander and hands each command to its
// module. Every failure to run ends here as a message and exit code 2, never a stack trace.
import { Command, CommanderError } from 'commander';
import { commandsFor } from './command-modules.ts';
import { UsageError, type CommandContext } from './context.ts';
import { VERSION } from './version.ts';

const program = new Command('routewise')
  .description('Policy-as-code checks for LLM deployment decisions')
  .version(VERSION, '--version')
  .option('--no-color', 'never colour the output (also NO_COLOR)')
  .option('--quiet', 'print only findings and errors')
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

const ctx: CommandContext = {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  globals: () => program.opts<{ color?: boolean; quiet?: boolean }>(),
};

try {
  for (const register of await commandsFor(process.argv.slice(2))) register(program, ctx);
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCodeFor(e);
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help and --version end through here with code 0.
    if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    return 2;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`routewise: ${e.message}\n`);
    return 2;
  }
  const err = e as Error;
  process.stderr.write(`routewise: internal error: ${err?.message ?? String(e)}\nPlease report this with the command you ran.\n`);
  if (process.env.ROUTEWISE_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  return 2;
}
