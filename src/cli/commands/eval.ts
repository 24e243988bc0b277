// `routewise eval QUERY`: evaluates a Rego query like `opa eval`, output shaped as OPA's.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { collect, type CommandContext } from '../context.ts';
import { UsageError } from '../../runner/usage-error.ts';
import { readPolicyFiles } from '../../policy/policy-files.ts';
import { BUILTIN_POLICIES } from '../../policy/assets.ts';
import { mergeData } from '../../policy/merge-data.ts';
import { printProblems } from '../problem-text.ts';
import { regoCommandProblem } from '../rego-problems.ts';
import { looksLikeManifest, policyInputOf } from '../../judge/policy-input-of.ts';
import { ruleIdsOf } from '../../policy/rule-ids.ts';
import { readManifestBytes } from '../../runner/read-manifest.ts';
import { resolveToday } from '../../runner/today.ts';
import { compile, evaluate, formatEvalErrors, formatEvalOutput, type EvalFormat, type RegoErrorData } from '../../rego/index.ts';
import { printable } from '../../report/printable.ts';

interface EvalOptions {
  data: string[];
  input?: string;
  manifest?: string;
  now?: string;
  format: string;
  v0Compatible?: boolean;
  strictBuiltinErrors?: boolean;
}

export function registerEval(program: Command, ctx: CommandContext): void {
  program
    .command('eval')
    .description('evaluate a Rego query, like `opa eval`')
    .argument('<query>', 'a Rego query, e.g. data.routewise.rules.hybrid.deny')
    .option('-d, --data <path>', 'a .rego, .json or .yaml file or a directory (repeatable)', collect, [])
    .option('-i, --input <file>', 'the input document (.json or .yaml)')
    .option('-m, --manifest <file>', 'use as input the policy input check builds from this manifest')
    .option('--now <date>', 'with --manifest: judge dates as of this day (YYYY-MM-DD)')
    .option('-f, --format <format>', 'json, pretty or values', 'json')
    .option('--v0-compatible', 'accept Rego v0 syntax')
    .option('--strict-builtin-errors', 'raise builtin errors instead of treating them as undefined')
    .action((query: string, opts: EvalOptions) => {
      if (!['json', 'pretty', 'values'].includes(opts.format)) {
        throw new UsageError(`unknown --format ${opts.format}; use json, pretty or values`);
      }
      if (opts.input !== undefined && opts.manifest !== undefined) throw new UsageError('give either -i FILE or --manifest FILE, not both');
      if (opts.now !== undefined && opts.manifest === undefined) throw new UsageError('--now applies only with --manifest FILE');
      const today = resolveToday(opts.now);
      const files = readPolicyFiles(opts.data, { tests: true, data: true, cwd: ctx.cwd });
      // With --manifest the query sees what check sees: the built-in rules and their settings
      // are loaded too, unless -d already names them.
      const withBuiltin = opts.manifest !== undefined && !opts.data.some((d) => resolve(ctx.cwd, d) === resolve(BUILTIN_POLICIES));
      const builtin = withBuiltin ? readPolicyFiles([BUILTIN_POLICIES], { tests: false, data: true, cwd: ctx.cwd }) : undefined;
      if (builtin) {
        files.modules.unshift(...builtin.modules);
        files.data = mergeData(builtin.data, files.data);
        files.problems.push(...builtin.problems);
      }
      if (files.problems.length > 0) {
        printProblems(ctx.stderr, files.problems);
        process.exitCode = 2;
        return;
      }
      let input: unknown;
      if (opts.input !== undefined) {
        input = readInput(opts.input);
        // Rules never see a manifest as written, so evaluating one against them finds nothing.
        if (looksLikeManifest(input)) {
          ctx.stderr.write(
            `routewise: note: ${opts.input} is a manifest, passed as written; rules see the policy input built from it (docs/policy-input.md): use --manifest ${opts.input}\n`,
          );
        }
      }
      // Problems go to stderr for people; with --format json, stdout also gets OPA's
      // {"errors": [...]} document for scripts.
      const regoErrors = (errors: RegoErrorData[]): void => {
        if (opts.format === 'json') ctx.stdout.write(formatEvalErrors(errors) + '\n');
        printProblems(ctx.stderr, errors.map((e) => regoCommandProblem(e, { v0Compatible: opts.v0Compatible === true })));
        process.exitCode = 2;
      };
      const builtinFiles = new Set(builtin?.modules.map((m) => m.file));
      const compiled =
        opts.v0Compatible && builtinFiles.size > 0
          ? compile(files.modules, { regoVersionOf: (file) => (builtinFiles.has(file) ? 'v1' : 'v0') })
          : compile(files.modules, { regoVersion: opts.v0Compatible ? 'v0' : 'v1' });
      if (!compiled.ok) return regoErrors(compiled.errors);
      if (opts.manifest !== undefined) {
        const bytes = readManifestBytes(resolve(ctx.cwd, opts.manifest), opts.manifest);
        const built = bytes.ok ? policyInputOf(opts.manifest, bytes.value, { today, knownRuleIds: ruleIdsOf(compiled.policy) }) : bytes;
        if (!built.ok) {
          printProblems(ctx.stderr, built.problems);
          process.exitCode = 2;
          return;
        }
        input = built.value.input;
      }
      const printed: string[] = [];
      const out = evaluate(compiled.policy, query, {
        ...(input !== undefined ? { input } : {}),
        data: files.data,
        strictBuiltinErrors: opts.strictBuiltinErrors === true,
        print: (line) => printed.push(line),
      });
      // print() output goes to stderr so the machine output on stdout stays parseable.
      for (const line of printed) ctx.stderr.write(printable(line) + '\n');
      if (!out.ok) return regoErrors(out.errors);
      const text = formatEvalOutput(out.results, opts.format as EvalFormat);
      // `--format values` prints nothing at all for an undefined query, as OPA does.
      if (text !== '') ctx.stdout.write(text + '\n');
    });
}

function readInput(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: cannot read the input file`);
  }
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(text, { intAsBigInt: true }) : JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`);
  }
}
