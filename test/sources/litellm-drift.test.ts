// LiteLLM proxy configs written the way its documentation shows them, each checked against one
// clinic manifest: the drift findings each config must produce, and nothing more.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';
import type { Engine } from '../../src/policy/engine.ts';
import type { Finding } from '../../src/policy/finding.ts';
import { observeSources, parseSourceFlag } from '../../src/sources/read-sources.ts';

const files = readPolicyFiles(['policies'], { tests: false, data: true, cwd: process.cwd() });
const built = createRegoEngine({ sources: files.modules, data: files.data });
if (!built.ok) throw new Error(JSON.stringify(built.problems));
const engine = built.value;

const FOLDER = 'test/fixtures/drift/litellm';
const MANIFEST = `${FOLDER}/routewise.yaml`;

function driftFindings(config: string): Finding[] {
  return findings(config).filter((f) => f.id.startsWith('RW-DRIFT-'));
}

function findings(config: string, options: { engine?: Engine; manifest?: (text: string) => string } = {}): Finding[] {
  const source = parseSourceFlag(`litellm=${FOLDER}/${config}`, process.cwd());
  if (!source.ok) throw new Error(source.problems[0]!.message);
  const text = (options.manifest ?? ((t) => t))(readFileSync(MANIFEST, 'utf8'));
  const report = judgeManifest(MANIFEST, Buffer.from(text), {
    engine: options.engine ?? engine,
    today: '2026-11-27',
    observe: (manifest, doc) => observeSources(manifest, doc, resolve(MANIFEST), [source.value]),
  });
  expect(report.problems).toEqual([]);
  return report.findings;
}

/** The built-in rules with an organisation's own region added, as `--data` adds it. */
function engineWithRegion(region: string, places: string[]): Engine {
  const config = (files.data as { routewise: { config: Record<string, unknown> } }).routewise.config;
  const data = { routewise: { config: { ...config, regionJurisdictions: { ...(config.regionJurisdictions as object), [region]: places } } } };
  const made = createRegoEngine({ sources: files.modules, data });
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return made.value;
}

function counts(findings: Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.id] = (out[f.id] ?? 0) + 1;
  return out;
}

function lineOf(config: string, needle: string, nth = 1): number {
  const lines = readFileSync(`${FOLDER}/${config}`, 'utf8').split('\n');
  let seen = 0;
  const index = lines.findIndex((l) => l.includes(needle) && ++seen === nth);
  if (index < 0) throw new Error(`${needle} not in ${config}`);
  return index + 1;
}

describe('LiteLLM configs against the manifest', () => {
  it.each([
    ['simple.yaml', {}],
    ['self_hosted_vllm.yaml', {}],
    // A public host of no known API behind `openai/`: the target it stands for says what it is.
    ['own_domain.yaml', {}],
    // ... and one no target stands for is a third party: patient notes may not fall back to it.
    ['unplaced_fallback.yaml', { 'RW-DRIFT-002': 1, 'RW-DRIFT-004': 1 }],
    ['allowed_fallback.yaml', {}],
    ['fallbacks.yaml', { 'RW-DRIFT-002': 1, 'RW-DRIFT-004': 1 }],
    ['context_window_fallbacks.yaml', { 'RW-DRIFT-002': 1, 'RW-DRIFT-004': 1 }],
    ['content_policy_fallbacks.yaml', { 'RW-DRIFT-002': 1, 'RW-DRIFT-004': 1 }],
    // Every model falls back: the Llama's patient notes, and the EU customers of Azure, Bedrock
    // and Vertex, all reach OpenAI (one finding per model whose data leaves).
    ['default_fallbacks.yaml', { 'RW-DRIFT-002': 4, 'RW-DRIFT-004': 1 }],
    ['load_balancing.yaml', { 'RW-DRIFT-002': 1, 'RW-DRIFT-003': 1 }],
    ['regions.yaml', { 'RW-DRIFT-003': 3 }],
    ['hosted_elsewhere.yaml', { 'RW-DRIFT-001': 1 }],
    ['provider_drift.yaml', { 'RW-DRIFT-001': 1 }],
    ['guardrails.yaml', { 'RW-DRIFT-006': 2 }],
    ['wildcard.yaml', { 'RW-DRIFT-004': 1, 'RW-DRIFT-005': 1 }],
    ['database.yaml', { 'RW-DRIFT-008': 1 }],
    ['database_env.yaml', { 'RW-DRIFT-008': 1 }],
    ['missing_target.yaml', { 'RW-DRIFT-007': 1 }],
  ])('%s gives %j', (config, expected) => {
    expect(counts(driftFindings(config))).toEqual(expected);
  });

  it.each(['fallbacks.yaml', 'context_window_fallbacks.yaml', 'content_policy_fallbacks.yaml'])(
    '%s is reported at the fallback line, with the manifest data class as related place',
    (config) => {
      const [finding] = driftFindings(config).filter((f) => f.id === 'RW-DRIFT-002');
      expect(finding!.location).toEqual({ file: `${FOLDER}/${config}`, line: lineOf(config, '- llama-70b: [openai-gpt]'), column: 19 });
      expect(finding!.message).toContain('patient-notes');
      expect(finding!.related).toContainEqual(expect.objectContaining({ file: MANIFEST, line: 9, message: 'data class patient-notes is declared here' }));
    },
  );

  it('reports the load-balanced sibling at its own entry', () => {
    const [finding] = driftFindings('load_balancing.yaml').filter((f) => f.id === 'RW-DRIFT-002');
    expect(finding!.location?.line).toBe(lineOf('load_balancing.yaml', '- model_name: llama-70b', 2));
    expect(finding!.message).toMatch(/load-balances patient-notes onto azure\/gpt-4o/);
  });

  it('names the global profile, the US region and the Azure host region', () => {
    const messages = driftFindings('regions.yaml').map((f) => f.message).join('\n');
    expect(messages).toMatch(/claude .* is a global profile/);
    expect(messages).toMatch(/gemini .* runs in us-central1, which lies in us/);
    expect(messages).toMatch(/gpt-4o .* runs in eastus, which lies in us/);
  });

  it('places a region the organisation adds with --data for the gateway as for the manifest', () => {
    // bedrock-claude receives eu-customers (residency eu); the target and its gateway entry both
    // run in a sovereign-cloud region the built-in table does not know.
    const inSovereignCloud = (text: string) => text.replace('region: eu-central-1', 'region: eusc-de-east-1');
    const residency = (list: Finding[]) => list.filter((f) => f.id === 'RW-DATA-002' || f.id === 'RW-DRIFT-003').map((f) => f.id).sort();
    expect(residency(findings('own_region.yaml', { manifest: inSovereignCloud }))).toEqual(['RW-DATA-002', 'RW-DRIFT-003']);
    const placed = engineWithRegion('eusc-de-east-1', ['de']);
    expect(residency(findings('own_region.yaml', { manifest: inSovereignCloud, engine: placed }))).toEqual([]);
  });

  it('points a declared target missing from the gateway at the manifest, the gateway as related', () => {
    const [finding] = driftFindings('missing_target.yaml');
    expect(finding!.location).toBeUndefined();
    expect(finding!.path).toEqual(['deployment', 'targets', 3]);
    expect(finding!.related).toEqual([{ file: `${FOLDER}/missing_target.yaml`, line: 2, column: 1, message: "the gateway's model list" }]);
  });
});

describe('a LiteLLM config that includes other files', () => {
  it('judges the included models with the config: a fallback to a model defined in the included file', () => {
    const found = driftFindings('included/config.yaml');
    expect(found.map((f) => [f.id, f.location?.file, f.location?.line])).toEqual([
      ['RW-DRIFT-002', `${FOLDER}/included/config.yaml`, 8],
      ['RW-DRIFT-004', `${FOLDER}/included/models.yaml`, 19],
    ]);
  });

  function problemsOf(config: string) {
    const source = parseSourceFlag(`litellm=${FOLDER}/${config}`, process.cwd());
    if (!source.ok) throw new Error(source.problems[0]!.message);
    return judgeManifest(MANIFEST, readFileSync(MANIFEST), {
      engine,
      today: '2026-11-27',
      observe: (manifest, doc) => observeSources(manifest, doc, resolve(MANIFEST), [source.value]),
    }).problems.map((p) => [p.code, p.position?.file, p.position?.line]);
  }

  it('refuses an include that leaves the config folder, at its line', () => {
    expect(problemsOf('included/escaping.yaml')).toEqual([['source-outside-repository', `${FOLDER}/included/escaping.yaml`, 1]]);
  });

  it('reports an included file that does not exist, at its line', () => {
    expect(problemsOf('included/missing.yaml')).toEqual([['path-not-found', `${FOLDER}/included/missing.yaml`, 3]]);
  });
});

describe('waivers of gateway findings', () => {
  const waiver = (target: string) => (text: string) =>
    `${text}\nwaivers:\n  - rule: RW-DRIFT-002\n    target: ${target}\n    reason: Fallback switched off by flag FF-112 until the gateway change ships\n    approvedBy: privacy-office\n    expires: 2027-01-15\n`;

  it('waives a fallback by the target it reaches, or by the data class it carries', () => {
    const open = findings('fallback_to_declared.yaml').filter((f) => f.id === 'RW-DRIFT-002');
    expect(open.map((f) => f.waived ?? false)).toEqual([false]);
    for (const target of ['azure-gpt', 'patient-notes']) {
      const found = findings('fallback_to_declared.yaml', { manifest: waiver(target) }).filter((f) => f.id === 'RW-DRIFT-002');
      expect(found.map((f) => f.waived !== undefined), target).toEqual([true]);
    }
    const other = findings('fallback_to_declared.yaml', { manifest: waiver('bedrock-claude') }).filter((f) => f.id === 'RW-DRIFT-002');
    expect(other.map((f) => f.waived !== undefined)).toEqual([false]);
  });
});
