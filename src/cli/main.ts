// The routewise command line: parses arguments with commander and hands each command to its
// module. Every failure to run ends here as a message and exit code 2, never a stack trace.
import { isMainThread } from 'node:worker_threads';
import { Command, CommanderError, Help, type Option } from 'commander';
import { commandsFor } from './command-modules.ts';
import { type CommandContext } from './context.ts';
import { UsageError } from '../runner/usage-error.ts';
import { VERSION } from '../runner/version.ts';

const program = new Command('routewise')
  .description('Policy-as-code checks for LLM deployment decisions')
  .version(VERSION, '--version')
  .option('--no-color', 'never colour the output (also NO_COLOR)')
  .option('--quiet', 'print only findings and errors')
  .showSuggestionAfterError(true)
  .configureHelp({ optionDescription: describeOption })
  .exitOverride()
  .configureOutput({
    writeErr: (s) => process.stderr.write(s),
    writeOut: (s) => process.stdout.write(s),
    outputError: (s, write) => write(usageErrorText(s)),
  });

const ctx: CommandContext = {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  globals: () => program.opts<{ color?: boolean; quiet?: boolean }>(),
};

// The CLI is one bundle, so the threads of an audit, a big check or a wasm evaluation start on it
// too: there, the worker modules act on their worker data (each only on its own); only the main
// thread runs the command line.
if (isMainThread) void run();
else void Promise.all([import('../runner/audit-worker.ts'), import('../runner/check-worker.ts'), import('../policy/wasm/wasm-thread-worker.ts')]);

async function run(): Promise<void> {
  try {
    for (const register of await commandsFor(process.argv.slice(2))) register(program, ctx);
    program.showHelpAfterError('  hint: see `routewise --help`');
    for (const command of program.commands) command.showHelpAfterError(`  hint: see \`routewise ${command.name()} --help\``);
    await program.parseAsync(process.argv);
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}

/** Repeatable options start from an empty list, which help need not print as `(default: [])`. */
function describeOption(this: Help, option: Option): string {
  const text = Help.prototype.optionDescription.call(this, option);
  return Array.isArray(option.defaultValue) && option.defaultValue.length === 0 ? text.replace(/ \(default: \[\]\)$/, '') : text;
}

/** Commander's `error: ...` and `(Did you mean ...?)` lines, in routewise's one-line style. */
function usageErrorText(s: string): string {
  return s.replace(/^error: /, 'routewise: ').replace(/\.?\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)');
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help and --version end through here with code 0.
    if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    return 2;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`routewise: ${e.message}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  process.stderr.write(`routewise: internal error: ${err?.message ?? String(e)}\nPlease report this with the command you ran.\n`);
  if (process.env.ROUTEWISE_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  return 2;
}
