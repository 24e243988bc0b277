// What the drift check adds to `check`: one manifest with two sources (a LiteLLM config and a
// Kubernetes folder), judged with its sources read and with them left out, in the same process
// and the same loop, so the difference is the cost of reading the sources and the drift rules.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeManifest } from '../src/judge/judge-manifest.ts';
import { readPolicyFiles } from '../src/policy/policy-files.ts';
import { createRegoEngine } from '../src/policy/rego-engine.ts';
import { observeSources } from '../src/sources/read-sources.ts';
import { describe, median, timeSync, verdict } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MANIFEST = 'examples/hybrid-gateway/routewise.yaml';
/** Milliseconds two sources may add to the check of one manifest. */
const TARGET_MS = 20;

export async function run(): Promise<void> {
  console.log('## drift check: a manifest with two sources');
  const files = readPolicyFiles([join(ROOT, 'policies')], { tests: false, data: true, cwd: ROOT });
  const engine = createRegoEngine({ sources: files.modules, data: files.data });
  if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
  const bytes = readFileSync(join(ROOT, MANIFEST));
  const settings = { engine: engine.value, today: '2026-11-27' };
  const withSources = () => {
    const report = judgeManifest(MANIFEST, bytes, { ...settings, observe: (m, doc) => observeSources(m, doc, join(ROOT, MANIFEST), []) });
    if (report.problems.length > 0 || Object.keys(report.sourceTexts ?? {}).length !== 2) throw new Error('the sources were not read');
  };
  const without = () => judgeManifest(MANIFEST, bytes, settings);
  // Alternate the two, so load on a shared machine falls on both alike.
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < 5; round++) {
    a.push(timeSync(withSources, { warmup: 3, runs: 10 }).median);
    b.push(timeSync(without, { warmup: 3, runs: 10 }).median);
  }
  const withMs = median(a);
  const withoutMs = median(b);
  console.log(`check with its sources read:  ${describe({ runs: a.length, median: withMs, min: Math.min(...a), p90: Math.max(...a) })}`);
  console.log(`check with its sources left out: ${describe({ runs: b.length, median: withoutMs, min: Math.min(...b), p90: Math.max(...b) })}`);
  console.log(verdict('added by two sources (LiteLLM config + Kubernetes folder)', withMs - withoutMs, TARGET_MS));
  // On a shared machine the medians carry other processes' load; the fastest runs show the cost itself.
  console.log(`added, fastest runs: ${(Math.min(...a) - Math.min(...b)).toFixed(2)} ms`);
  processFigures();
}

/** The same as a user meets it: whole `check` processes, with and without the `sources` entries. */
function processFigures(): void {
  const dir = mkdtempSync(join(tmpdir(), 'routewise-bench-drift-'));
  try {
    cpSync(join(ROOT, 'examples/hybrid-gateway'), join(dir, 'with'), { recursive: true });
    cpSync(join(ROOT, 'examples/hybrid-gateway'), join(dir, 'without'), { recursive: true });
    const manifest = join(dir, 'without', 'routewise.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/\nsources:\n(  .*\n)+/, '\n'));
    const bin = join(ROOT, 'bin/routewise.mjs');
    const time = (folder: string) => {
      const start = performance.now();
      const r = spawnSync(process.execPath, [bin, 'check', join(dir, folder), '--now', '2026-11-27'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`check of ${folder} exited with ${r.status}: ${r.stderr}`);
      return performance.now() - start;
    };
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < Number(process.env.BENCH_DRIFT_RUNS ?? 10); i++) {
      a.push(time('with'));
      b.push(time('without'));
    }
    console.log(`whole check process, with sources: median ${median(a).toFixed(0)} ms; without: median ${median(b).toFixed(0)} ms; difference ${(median(a) - median(b)).toFixed(0)} ms (${a.length} runs each)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
