// `routewise cost [paths...]`: the numbers behind the decision (spec/cost.md). The shell reads
// the settings and manifests; src/cost computes and formats.
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { collect, type CommandContext } from '../context.ts';
import { UsageError } from '../../runner/usage-error.ts';
import { BUILTIN_POLICIES } from '../../policy/assets.ts';
import { discoverManifests, MANIFEST_NAMES } from '../../runner/discover.ts';
import { readDataFile } from '../../policy/load-engine.ts';
import { printProblems } from '../problem-text.ts';
import { readManifestBytes } from '../../runner/read-manifest.ts';
import { checkSettings, settingsSchema } from '../../policy/settings-check.ts';
import { resolveToday } from '../../runner/today.ts';
import { mergeData } from '../../policy/merge-data.ts';
import type { Problem } from '../../problems/problem.ts';
import { costOfManifest } from '../../cost/cost-of-manifest.ts';
import { priceBookState, type CostReport } from '../../cost/cost-report.ts';
import { costSettingsFrom } from '../../cost/cost-settings.ts';
import { costFormats } from '../../cost/format/index.ts';
import { PRICE_TABLE } from '../../cost/generated/price-table.ts';

interface CostFlags {
  data: string[];
  now?: string;
  format: string;
}

export function registerCost(program: Command, ctx: CommandContext): void {
  program
    .command('cost')
    .description('the numbers behind the decision: API cost, self-hosted cost, GPUs and break-even per workload')
    .argument('[paths...]', 'manifest files, directories or globs (default: the manifest in the current directory)')
    .option('--data <file>', 'organisation settings merged over policies/data.yaml (repeatable)', collect, [])
    .option('--now <date>', 'price as of this day (YYYY-MM-DD)')
    .option('--format <format>', [...costFormats.keys()].join(' | '), 'text')
    .action(async (paths: string[], flags: CostFlags) => {
      process.exitCode = await runCost(paths, flags, ctx);
    });
}

async function runCost(paths: string[], flags: CostFlags, ctx: CommandContext): Promise<number> {
  const format = costFormats.get(flags.format);
  if (!format) throw new UsageError(`unknown --format ${flags.format}; use one of ${[...costFormats.keys()].join(', ')}`);
  const today = resolveToday(flags.now);
  const defaultsFile = join(BUILTIN_POLICIES, 'data.yaml');
  const defaults: unknown = parseYaml(readFileSync(defaultsFile, 'utf8'));
  let data = defaults;
  const problems: Problem[] = [];
  for (const file of flags.data) {
    const doc = readDataFile(resolve(ctx.cwd, file), file);
    if (!doc.ok) {
      problems.push(...doc.problems);
      continue;
    }
    for (const p of checkSettings(settingsSchema(), defaults, doc.value.data, file, doc.value.text)) {
      // A retired setting is still accepted for one minor version: a warning, as `check` gives.
      if (p.code === 'retired-setting') ctx.stderr.write(`routewise: warning: ${file}: ${p.message}${p.hint ? ` (${p.hint})` : ''}\n`);
      else problems.push(p);
    }
    data = mergeData(data, doc.value.data);
  }
  if (problems.length > 0) {
    ctx.stderr.write('routewise: the settings could not be read:\n');
    printProblems(ctx.stderr, problems);
    return 2;
  }
  const settings = costSettingsFrom(data)!;
  const found = await discoverManifests(paths, ctx.cwd);
  if (found.files.length === 0) {
    const why = found.problems.length > 0 ? found.problems.map((p) => p.message).join('; ') : `no manifest (${MANIFEST_NAMES.join(', ')}) found in ${paths.join(', ') || '.'}`;
    ctx.stderr.write(`routewise: ${why}\n`);
    return 2;
  }
  const report: CostReport = { version: 1, priceBook: priceBookState(PRICE_TABLE, settings, today), manifests: [] };
  for (const p of found.problems) report.manifests.push({ file: p.position?.file ?? '(arguments)', problems: [p] });
  for (const file of found.files) {
    const absolute = resolve(ctx.cwd, file);
    const display = relative(ctx.cwd, absolute).split(sep).join('/') || file;
    const bytes = readManifestBytes(absolute, display);
    report.manifests.push(bytes.ok ? costOfManifest(display, bytes.value, settings, PRICE_TABLE, today) : { file: display, problems: bytes.problems });
  }
  ctx.stdout.write(format.render(report));
  return report.manifests.some((m) => 'problems' in m) ? 2 : 0;
}
