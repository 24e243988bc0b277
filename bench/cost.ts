// What running the numbers costs: checking 1,000 manifests with and without the cost facts, and
// the cost computation alone (building the policy input with and without them), in-process so
// start-up noise stays out; and `routewise cost` against `routewise check` starting on one manifest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { costSettingsFrom } from '../src/cost/cost-settings.ts';
import { PRICE_TABLE } from '../src/cost/generated/price-table.ts';
import { judgeManifest } from '../src/judge/judge-manifest.ts';
import { policyInputOf } from '../src/judge/policy-input-of.ts';
import { createRegoEngine } from '../src/policy/rego-engine.ts';
import { readPolicyFiles } from '../src/policy/policy-files.ts';
import { exampleManifests, writeCorpus } from './manifest-corpus.ts';
import { describe, median, ratio, summarize, timeSync } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/routewise.mjs');
const NOW = '2026-11-27';
const OVERHEAD_TARGET = 0.1;
const STARTUP_TARGET = 1.2;

export async function run(): Promise<void> {
  console.log('## cost');
  const files = readPolicyFiles([join(ROOT, 'policies')], { tests: false, data: true, cwd: ROOT });
  const withCost = createRegoEngine({ sources: files.modules, data: files.data });
  const data = structuredClone(files.data) as { routewise: { config: Record<string, unknown> } };
  delete data.routewise.config.cost;
  const withoutCost = createRegoEngine({ sources: files.modules, data });
  if (!withCost.ok || !withoutCost.ok) throw new Error('the built-in policies do not compile');

  const count = Number(process.env.BENCH_CORPUS_SIZE ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'routewise-cost-bench-'));
  try {
    writeCorpus(dir, join(ROOT, 'examples'), count);
    const corpus = exampleManifests(dir).map(([rel, text]) => [rel, new TextEncoder().encode(text)] as const);
    const checkAll = (engine: typeof withCost.value) => () => {
      for (const [file, bytes] of corpus) judgeManifest(file, bytes, { engine, today: NOW });
    };
    // Interleaved rounds, so load elsewhere on the machine hits both alike.
    const plain: number[] = [];
    const costed: number[] = [];
    for (let i = 0; i < 7; i++) {
      plain.push(timeSync(checkAll(withoutCost.value), { warmup: i === 0 ? 1 : 0, runs: 1 }).median);
      costed.push(timeSync(checkAll(withCost.value), { warmup: i === 0 ? 1 : 0, runs: 1 }).median);
    }
    // The cost computation itself: building the policy input with and without the cost facts.
    const costContext = { settings: costSettingsFrom(withCost.value.data)!, table: PRICE_TABLE };
    const inputsAll = (cost: typeof costContext | undefined) => () => {
      for (const [file, bytes] of corpus) policyInputOf(file, bytes, { today: NOW, knownRuleIds: [], ...(cost ? { cost } : {}) });
    };
    const inputsPlain: number[] = [];
    const inputsCosted: number[] = [];
    for (let i = 0; i < 7; i++) {
      inputsPlain.push(timeSync(inputsAll(undefined), { warmup: i === 0 ? 1 : 0, runs: 1 }).median);
      inputsCosted.push(timeSync(inputsAll(costContext), { warmup: i === 0 ? 1 : 0, runs: 1 }).median);
    }
    // Minimums: on a shared machine the fastest round is the one least disturbed.
    const whole = Math.min(...costed) / Math.min(...plain) - 1;
    const computation = (Math.min(...inputsCosted) - Math.min(...inputsPlain)) / Math.min(...plain);
    console.log(`check ${corpus.length} manifests without cost facts   ${describe(summarize(plain))}`);
    console.log(`check ${corpus.length} manifests with cost facts      ${describe(summarize(costed))}  ${ratio(median(costed), median(plain))}`);
    console.log(`policy inputs without cost facts            ${describe(summarize(inputsPlain))}`);
    console.log(`policy inputs with cost facts               ${describe(summarize(inputsCosted))}`);
    console.log(
      `cost computation (sizing, allocation, prices: the cost facts), fastest rounds: ${(computation * 100).toFixed(1)}% of checking ` +
        `(target at most ${OVERHEAD_TARGET * 100}%: ${computation <= OVERHEAD_TARGET ? 'met' : 'NOT met'})`,
    );
    console.log(`cost facts and the cost rules reading them, with their findings, fastest rounds: ${(whole * 100).toFixed(1)}% of checking`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
  const time = (args: string[]) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`routewise ${args.join(' ')} exited with ${r.status}: ${r.stderr.slice(0, 500)}`);
    return performance.now() - start;
  };
  const checkArgs = ['check', 'examples/bank-hybrid', '--now', NOW];
  const costArgs = ['cost', 'examples/bank-hybrid', '--now', NOW];
  time(checkArgs);
  time(costArgs);
  const checks: number[] = [];
  const costs: number[] = [];
  for (let i = 0; i < runs; i++) {
    checks.push(time(checkArgs));
    costs.push(time(costArgs));
  }
  const r = median(costs) / median(checks);
  console.log(`routewise check examples/bank-hybrid            ${describe(summarize(checks))}`);
  console.log(`routewise cost examples/bank-hybrid             ${describe(summarize(costs))}  ${ratio(median(costs), median(checks))}`);
  console.log(`start-up ratio cost / check: ${r.toFixed(2)} (target at most ${STARTUP_TARGET}: ${r <= STARTUP_TARGET ? 'met' : 'NOT met'})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
