// How the command line names the shared run settings in messages (`--fail-on`), and how it
// turns the options model's problems into one usage error.
import type { Problem } from '../problems/problem.ts';
import { runOptions, type GivenSettings, type RunOptions, type SettingWords } from '../runner/options.ts';
import { UsageError } from '../runner/usage-error.ts';

const FLAG_WORDS: SettingWords = {
  code: 'usage',
  wrong: (setting, value, advice) => (setting === 'now' ? `--now ${value} is not a date; ${advice}` : `unknown --${setting} ${value}; ${advice}`),
  bundleNeeded: '--engine wasm needs --bundle FILE (a bundle .tar.gz or a policy.wasm)',
  bundleUnused: '--bundle is read only by --engine wasm; add --engine wasm, or drop --bundle',
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
