// What the drift check adds to `check`: one manifest with two sources (a LiteLLM config and a
// Kubernetes folder), judged with its sources read and with them left out, in the same process
// and the same loop, so the difference is the cost of reading the sources and the drift rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkManifest } from '../src/check/check-manifest.ts';
import { readPolicyFiles } from '../src/cli/policy-files.ts';
import { createRegoEngine } from '../src/engine/rego-engine.ts';
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
    const report = checkManifest(MANIFEST, bytes, { ...settings, observe: (m, doc) => observeSources(m, doc, join(ROOT, MANIFEST), []) });
    if (report.problems.length > 0 || Object.keys(report.sourceTexts ?? {}).length !== 2) throw new Error('the sources were not read');
  };
  const without = () => checkManifest(MANIFEST, bytes, settings);
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
}
