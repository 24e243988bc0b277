// `routewise test PATH...`: runs Rego unit tests (test_* rules) like `opa test`.
import type { Command } from 'commander';
import { type CommandContext } from '../context.ts';
import { UsageError } from '../../runner/usage-error.ts';
import { readPolicyFiles } from '../../policy/policy-files.ts';
import { printProblems } from '../problem-text.ts';
import { useColor } from '../color.ts';
import { regoCommandProblem } from '../rego-problems.ts';
import {
  CoverageTracker,
  compile,
  coverageJson,
  coverageReport,
  coverageSummary,
  runTests,
  thresholdMessage,
  type CompiledPolicy,
} from '../../rego/index.ts';
import { formatTestResults, summarize, type TestFormat } from '../../report/test-results.ts';
import { POLICY_INPUT_SCHEMA } from '../../input/policy-input-schema.ts';

export function registerTest(program: Command, ctx: CommandContext): void {
  program
    .command('test')
    .description('run Rego unit tests (test_* rules), like `opa test`')
    .argument('[paths...]', '.rego and data files or directories', ['.'])
    .option('-r, --run <regex>', 'run only tests whose full name matches')
    .option('-f, --format <format>', 'text, json or junit', 'text')
    .option('-v, --verbose', 'list passing tests and print() output too')
    .option('--v0-compatible', 'accept Rego v0 syntax')
    .option('-c, --coverage', "report test coverage: with --format json, OPA's coverage report instead of the test results")
    .option('--threshold <percent>', 'with --coverage: fail (exit 1) below this coverage')
    .option('--no-input-schema', "do not check refs into input against routewise's policy input schema (for Rego written for another input)")
    .action((paths: string[], opts: { run?: string; format: string; verbose?: boolean; v0Compatible?: boolean; inputSchema: boolean; coverage?: boolean; threshold?: string }) => {
      const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
      if (threshold !== undefined && (!Number.isFinite(threshold) || threshold < 0 || threshold > 100)) {
        throw new UsageError(`--threshold ${opts.threshold} is not a percentage between 0 and 100`);
      }
      if (threshold !== undefined && !opts.coverage) throw new UsageError('--threshold applies only with --coverage');
      if (opts.coverage && opts.format === 'junit') throw new UsageError('--coverage prints with --format text or json, not junit');
      if (!['text', 'json', 'junit'].includes(opts.format)) throw new UsageError(`unknown --format ${opts.format}; use text, json or junit`);
      let run: RegExp | undefined;
      if (opts.run !== undefined) {
        try {
          run = new RegExp(opts.run);
        } catch {
          throw new UsageError(`--run ${opts.run} is not a valid regular expression`);
        }
      }
      const files = readPolicyFiles(paths, { tests: true, data: true, cwd: ctx.cwd });
      if (files.problems.length > 0) {
        printProblems(ctx.stderr, files.problems);
        process.exitCode = 2;
        return;
      }
      // Checked as `check` will check them, so a test run that passes means the rules load there too.
      const compiled = compile(files.modules, { regoVersion: opts.v0Compatible ? 'v0' : 'v1', unavailableAtCall: true, ...(opts.inputSchema ? { inputSchema: POLICY_INPUT_SCHEMA } : {}) });
      if (!compiled.ok) {
        printProblems(ctx.stderr, compiled.errors.map((e) => regoCommandProblem(e, { v0Compatible: opts.v0Compatible === true })));
        process.exitCode = 2;
        return;
      }
      const tracker = opts.coverage ? new CoverageTracker() : undefined;
      const results = runTests(compiled.policy, { ...(run ? { run } : {}), data: files.data, ...(tracker ? { cover: tracker } : {}) });
      const report = tracker ? coverageReport(compiled.policy.modules, tracker) : undefined;
      if (report && opts.format === 'json') {
        // As `opa test --coverage --format json`: the coverage document replaces the test results.
        ctx.stdout.write(coverageJson(report) + '\n');
        const s = summarize(results);
        process.exitCode = s.failed > 0 || s.errors > 0 ? 1 : 0;
        if (threshold !== undefined && report.coverage < threshold) {
          ctx.stderr.write(thresholdMessage(report.coverage, threshold) + '\n');
          process.exitCode = 1;
        }
        return;
      }
      // "No tests found" would send people looking for misnamed files when --run filtered them all out.
      if (run && results.length === 0 && opts.format === 'text') {
        const all = testNames(compiled.policy);
        if (all.length > 0) {
          ctx.stdout.write(
            `no test matches --run ${opts.run}; it is matched against full names such as ${all[0]} (${all.length} test${all.length === 1 ? '' : 's'} in these files)\n`,
          );
          process.exitCode = 0;
          return;
        }
      }
      const color = useColor(ctx.stdout, ctx.globals().color, ctx.env);
      ctx.stdout.write(formatTestResults(results, opts.format as TestFormat, { verbose: opts.verbose === true, color }) + '\n');
      if (report) ctx.stdout.write(coverageSummary(report));
      const s = summarize(results);
      process.exitCode = s.failed > 0 || s.errors > 0 ? 1 : 0;
      if (report && threshold !== undefined && report.coverage < threshold) {
        ctx.stderr.write(thresholdMessage(report.coverage, threshold) + '\n');
        process.exitCode = 1;
      }
    });
}

/** Full names (`data.pkg.test_x`) of the test rules, as --run matches them. */
function testNames(policy: CompiledPolicy): string[] {
  const names = new Set<string>();
  for (const m of policy.modules) {
    for (const rule of m.rules) {
      const name = rule.head.ref[0]?.name;
      if (name?.startsWith('test_') && !rule.head.args) names.add(`data.${m.package.path.join('.')}.${name}`);
    }
  }
  return [...names];
}
