// `routewise check [paths...]`: validates and evaluates manifests and reports the findings.
import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { collect, UsageError, type CommandContext } from '../context.ts';
import { discoverManifests } from '../discover.ts';
import { loadEngine } from '../load-engine.ts';
import { printProblems } from '../problem-text.ts';
import { parseReportTargets } from '../report-targets.ts';
import { resolveToday } from '../today.ts';
import { useColor } from '../color.ts';
import { VERSION } from '../version.ts';
import { checkManifest } from '../../check/check-manifest.ts';
import { MAX_MANIFEST_BYTES } from '../../load/decode-text.ts';
import { FAIL_ON_VALUES, exitCodeFor, parseFailOn } from '../../findings/threshold.ts';
import { reporters } from '../../report/index.ts';
import { createRunReport, type ManifestInput } from '../../report/run-report.ts';

export interface CheckFlags {
  policy: string[];
  builtin: boolean;
  data: string[];
  failOn: string;
  format: string[];
  now?: string;
  engine: string;
  bundle?: string;
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('validate manifests and evaluate the rules on them')
    .argument('[paths...]', 'manifest files, directories or globs (default: the manifest in the current directory)')
    .option('--policy <dir>', 'add an organisation policy folder to the built-in rules (repeatable)', collect, [])
    .option('--no-builtin', 'leave out the built-in rules')
    .option('--data <file>', 'organisation settings merged over policies/data.yaml (repeatable)', collect, [])
    .option('--fail-on <severity>', FAIL_ON_VALUES.join(' | '), 'error')
    .option('--format <format>', `${[...reporters.keys()].join(' | ')}; repeatable as name=path`, collect, [])
    .option('--now <date>', 'judge dates as of this day (YYYY-MM-DD)')
    .option('--engine <engine>', 'rego | wasm', 'rego')
    .option('--bundle <file>', 'OPA wasm bundle (.tar.gz) or policy.wasm for --engine wasm')
    .action(async (paths: string[], flags: CheckFlags) => {
      process.exitCode = await runCheck(paths, flags, ctx);
    });
}

export async function runCheck(paths: string[], flags: CheckFlags, ctx: CommandContext): Promise<number> {
  const failOn = parseFailOn(flags.failOn);
  if (!failOn) throw new UsageError(`unknown --fail-on ${flags.failOn}; use one of ${FAIL_ON_VALUES.join(', ')}`);
  if (flags.engine !== 'rego' && flags.engine !== 'wasm') throw new UsageError(`unknown --engine ${flags.engine}; use rego or wasm`);
  const targets = parseReportTargets(flags.format, [...reporters.keys()]);
  const today = resolveToday(flags.now);

  const engine = await loadEngine(flags, ctx.cwd);
  if (!engine.ok) {
    ctx.stderr.write('routewise: the policies could not be loaded:\n');
    printProblems(ctx.stderr, engine.problems);
    return 2;
  }
  const found = await discoverManifests(paths, ctx.cwd);
  const manifests: ManifestInput[] = found.problems.map((p) => ({
    file: p.position?.file ?? '(arguments)',
    problems: [p],
    findings: [],
    rulesEvaluated: [],
  }));
  if (found.files.length === 0 && found.problems.length === 0) {
    throw new UsageError(
      paths.length === 0
        ? 'no routewise.yaml in this directory; pass manifest paths, or create one with `routewise init`'
        : `no manifests found in ${paths.join(', ')} (looked for routewise.yaml, routewise.yml, .routewise.yaml, routewise.json)`,
    );
  }
  for (const file of found.files) {
    const display = relative(ctx.cwd, resolve(ctx.cwd, file)).split(sep).join('/') || file;
    const bytes = readManifestBytes(resolve(ctx.cwd, file), display);
    if (!bytes.ok) {
      manifests.push({ file: display, problems: [bytes.problem], findings: [], rulesEvaluated: [] });
      continue;
    }
    manifests.push(checkManifest(display, bytes.value, { engine: engine.value, today }));
  }

  const report = createRunReport({
    tool: { name: 'routewise', version: VERSION },
    failOn,
    manifests,
    rules: engine.value.rules(),
  });
  for (const t of targets) {
    const reporter = reporters.get(t.format)!;
    const color = t.path === undefined && useColor(ctx.stdout, ctx.globals().color, ctx.env);
    const text = reporter.render(report, { color });
    const out = text.endsWith('\n') ? text : text + '\n';
    if (t.path === undefined) ctx.stdout.write(out);
    else writeFileSync(resolve(ctx.cwd, t.path), out);
  }
  return exitCodeFor(report.manifests, failOn);
}

type Read = { ok: true; value: Uint8Array } | { ok: false; problem: import('../../problems/problem.ts').Problem };

function readManifestBytes(path: string, display: string): Read {
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      return { ok: false, problem: { code: 'not-a-file', message: `${display} is a directory, not a manifest file`, position: { file: display, line: 1, column: 1 }, hint: 'pass the directory itself to search it, or rename it' } };
    }
    // Read at most one byte over the size limit: the loader reports files that are too big.
    const buf = Buffer.alloc(Math.min(st.size, MAX_MANIFEST_BYTES + 1));
    const fd = openSync(path, 'r');
    try {
      let n = 0;
      while (n < buf.length) {
        const got = readSync(fd, buf, n, buf.length - n, n);
        if (got === 0) break;
        n += got;
      }
      return { ok: true, value: buf.subarray(0, n) };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problem: {
        code: 'unreadable',
        message: `${display}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`,
        position: { file: display, line: 1, column: 1 },
        hint: code === 'EACCES' ? 'make the file readable' : 'check the path',
      },
    };
  }
}
