// The flags `check` and `audit` share, declared once, and how the command line names them in
// messages (`--fail-on`): the options model's problems become one usage error.
import type { Command } from 'commander';
import { FAIL_ON_VALUES } from '../findings/threshold.ts';
import type { Problem } from '../problems/problem.ts';
import { runOptions, type GivenSettings, type RunOptions, type SettingWords } from '../runner/options.ts';
import { UsageError } from '../runner/usage-error.ts';
import { collect } from './context.ts';

export interface RunFlags {
  policy: string[];
  builtin: boolean;
  data: string[];
  failOn: string;
  format: string[];
  now?: string;
  engine?: string;
  bundle: string[];
  v0Compatible?: boolean;
  jobs?: string;
}

/** Declares the shared flags on a command; `formats` are the names its --format accepts. */
export function withRunFlags(command: Command, formats: readonly string[]): Command {
  return command
    .option('--policy <dir>', 'add an organisation policy folder to the built-in rules (repeatable)', collect, [])
    .option('--no-builtin', 'leave out the built-in rules')
    .option('--data <file>', 'organisation settings merged over policies/data.yaml (repeatable)', collect, [])
    .option('--fail-on <severity>', FAIL_ON_VALUES.join(' | '), 'error')
    .option('--format <format>', `${formats.join(' | ')}; repeatable as name=path`, collect, [])
    .option('--now <date>', 'judge dates as of this day (YYYY-MM-DD)')
    .option('--bundle <file>', 'OPA wasm bundle (.tar.gz) or policy.wasm whose rules run next to the Rego ones (repeatable)', collect, [])
    .option('--engine <engine>', 'deprecated: --bundle alone adds a bundle\'s rules')
    .option('--v0-compatible', 'organisation policies are written in Rego v0')
    .option('--jobs <n>', 'worker threads judging the manifests (audit: one per core by default; check: in process by default)');
}

/** `--jobs`, when given. */
export function jobsFrom(flags: RunFlags): number | undefined {
  return flags.jobs === undefined ? undefined : wholeNumber(flags.jobs, '--jobs', 'a number of threads, e.g. 4');
}

export function wholeNumber(text: string, flag: string, example: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} ${text} is not a whole number; give ${example}`);
  return Number(text);
}

const FLAG_WORDS: SettingWords = {
  code: 'usage',
  wrong: (setting, value, advice) => (setting === 'now' ? `--now ${value} is not a date; ${advice}` : `unknown --${setting} ${value}; ${advice}`),
  bundleNeeded: '--engine wasm needs --bundle FILE (a bundle .tar.gz or a policy.wasm)',
  engineDeprecated: (value) =>
    `warning: --engine is deprecated and will be removed in the next minor version; ${value === 'wasm' ? '--bundle alone runs a bundle next to the Rego rules' : 'the Rego rules always run'}, so drop --engine ${value}`,
};

/** The run options from flags; every wrong flag is reported, one line each. */
export function optionsFromFlags(given: GivenSettings): RunOptions {
  const options = runOptions(given, FLAG_WORDS);
  if (!options.ok) throw usageError(options.problems);
  return options.value;
}

function usageError(problems: readonly Problem[]): UsageError {
  return new UsageError(problems.map((p) => p.message).join('\nroutewise: '));
}
