// What building the policy input costs per manifest, stage by stage (reading the YAML,
// validating, reading sources, routing, cost facts), over 1,000 varied manifests in process:
// everything `check` does for a manifest before the rules are evaluated.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { costSettingsFrom } from '../src/cost/cost-settings.ts';
import { PRICE_TABLE } from '../src/cost/generated/price-table.ts';
import { buildPolicyInput } from '../src/input/build.ts';
import { costFacts } from '../src/input/cost-facts.ts';
import { resolveRouting } from '../src/manifest/routing.ts';
import { policyInputOf } from '../src/judge/policy-input-of.ts';
import { loadDocument } from '../src/load/load-document.ts';
import type { LoadedDocument } from '../src/load/loaded-document.ts';
import type { Manifest } from '../src/manifest/manifest.ts';
import { readPolicyFiles } from '../src/policy/policy-files.ts';
import { newSourceCache, observeSources } from '../src/sources/read-sources.ts';
import { validateManifest } from '../src/validate/validate-manifest.ts';
import { exampleManifests, writeCorpus } from './manifest-corpus.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NOW = '2026-11-27';
const ROUNDS = 9;

export async function run(): Promise<void> {
  console.log('## input');
  const files = readPolicyFiles([join(ROOT, 'policies')], { tests: false, data: true, cwd: ROOT });
  const settings = costSettingsFrom(files.data);
  if (!settings) throw new Error('the built-in settings have no cost section');
  const cost = { settings, table: PRICE_TABLE };
  const count = Number(process.env.BENCH_CORPUS_SIZE ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'routewise-input-bench-'));
  try {
    writeCorpus(dir, join(ROOT, 'examples'), count);
    const corpus = exampleManifests(dir).map(([rel, text]) => ({ file: `${rel}/routewise.yaml`, absolute: join(dir, rel, 'routewise.yaml'), bytes: new TextEncoder().encode(text) }));
    const docs: { absolute: string; doc: LoadedDocument; manifest: Manifest }[] = [];
    for (const m of corpus) {
      const loaded = loadDocument(m.file, m.bytes);
      const valid = loaded.ok ? validateManifest(loaded.value) : undefined;
      if (loaded.ok && valid?.ok) docs.push({ absolute: m.absolute, doc: loaded.value, manifest: valid.value });
    }
    const reaches = docs.map((d) => resolveRouting(d.manifest).reaches);
    const built = docs.map((d) => buildPolicyInput(d.manifest, { today: NOW, knownRuleIds: [] }));
    const stages: [string, () => void][] = [
      ['read YAML (loadDocument)', () => corpus.forEach((m) => loadDocument(m.file, m.bytes))],
      ['validate (schema, references)', () => docs.forEach((d) => validateManifest(d.doc))],
      ['read sources (one cache a run)', () => {
        const cache = newSourceCache();
        docs.forEach((d) => observeSources(d.manifest, d.doc, d.absolute, [], cache));
      }],
      ['routing (resolveRouting)', () => docs.forEach((d) => resolveRouting(d.manifest))],
      ['cost facts (costFacts)', () => docs.forEach((d, i) => costFacts(d.manifest, cost, NOW, built[i]!.dataClasses, reaches[i]!))],
      ['policy input without cost facts', () => docs.forEach((d) => buildPolicyInput(d.manifest, { today: NOW, knownRuleIds: [] }))],
      ['policy input with cost facts', () => docs.forEach((d) => buildPolicyInput(d.manifest, { today: NOW, knownRuleIds: [], cost }))],
      ['all of it (policyInputOf)', () => {
        const cache = newSourceCache();
        corpus.forEach((m) => policyInputOf(m.file, m.bytes, { today: NOW, knownRuleIds: [], cost, observe: (manifest, doc) => observeSources(manifest, doc, m.absolute, [], cache) }));
      }],
    ];
    // Interleaved rounds, so load elsewhere on the machine hits every stage alike; the fastest
    // round of each is the one least disturbed.
    const times = new Map<string, number[]>(stages.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, stage] of stages) {
        const start = performance.now();
        stage();
        times.get(name)!.push(performance.now() - start);
      }
    }
    const first = times.get('all of it (policyInputOf)')![0]!;
    for (const [name] of stages) {
      const fastest = Math.min(...times.get(name)!);
      console.log(`${name.padEnd(34)} ${((fastest / corpus.length) * 1000).toFixed(1).padStart(7)} µs a manifest (fastest of ${ROUNDS} rounds over ${corpus.length})`);
    }
    console.log(`${'all of it, first round'.padEnd(34)} ${((first / corpus.length) * 1000).toFixed(1).padStart(7)} µs a manifest (before the engine has optimised the code)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
