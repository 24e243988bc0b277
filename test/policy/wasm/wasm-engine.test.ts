// The wasm engine behind the Engine interface: which entrypoints produce findings, how bundle
// and routewise data combine, the rule catalogue, and the same findings as the Rego engine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/policy/engine.ts';
import { createRegoEngine } from '../../../src/policy/rego-engine.ts';
import { readBundle, type BundleManifest } from '../../../src/policy/wasm/bundle-reader.ts';
import { createWasmEngine } from '../../../src/policy/wasm/wasm-engine.ts';
import { judgeManifest } from '../../../src/judge/judge-manifest.ts';
import { abiModule, packBundle } from './abi-modules.ts';

const OPENAI = { deployment: { targets: [{ id: 'openai-mini', provider: 'openai' }] } };
const NO_OPENAI = { deployment: { targets: [{ id: 'local', provider: 'self' }] } };

const MANIFEST: BundleManifest & { revision: string } = {
  revision: 'test',
  wasm: [
    {
      entrypoint: 'routewise/rules/deny',
      module: '/policy.wasm',
      annotations: [
        {
          scope: 'rule',
          title: 'No OpenAI targets',
          description: 'The organisation does not route data to OpenAI.',
          custom: { id: 'ABI-001', remediation: 'Route the workloads to an approved provider.' },
          location: { file: 'rules/openai.rego', row: 11, col: 1 },
        },
      ],
    },
    { entrypoint: 'routewise/rules/warn', module: '/policy.wasm', annotations: [{ scope: 'rule', title: 'Warnings switch', custom: { id: 'ABI-002' } }] },
  ],
};

async function engine(files: { fixture?: string; data?: unknown; bundleData?: unknown; manifest?: unknown } = {}): Promise<Engine> {
  const bundle = await bundleOf(files);
  const r = await createWasmEngine(bundle, { name: 'org.tar.gz', data: files.data ?? {} });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

async function bundleOf(files: { fixture?: string; bundleData?: unknown; manifest?: unknown }) {
  const contents: Record<string, Uint8Array | string> = { '/policy.wasm': await abiModule(files.fixture ?? 'findings') };
  if (files.bundleData !== undefined) contents['/data.json'] = JSON.stringify(files.bundleData);
  if (files.manifest !== undefined) contents['/.manifest'] = JSON.stringify(files.manifest);
  const r = await readBundle(await packBundle(contents), 'org.tar.gz');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

function findings(e: Engine, input: unknown) {
  const r = e.evaluate(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value.findings;
}

describe('createWasmEngine', () => {
  it('evaluates only the entrypoints ending in deny, warn or info, each as its rule set', async () => {
    const e = await engine({ data: { abi: { warnings: 'on' } } });
    expect(e.name).toBe('wasm');
    expect(findings(e, OPENAI)).toEqual([
      { id: 'ABI-001', message: 'a target is served by openai', path: ['deployment', 'targets', 0, 'provider'], ruleSet: 'deny' },
      { id: 'ABI-002', message: 'warnings are switched on', remediation: 'nothing to do', subject: { target: 'openai-mini' }, ruleSet: 'warn' },
    ]);
    expect(findings(e, NO_OPENAI).map((f) => f.id)).toEqual(['ABI-002']);
  });

  it('lays routewise data over the bundle data, key by key', async () => {
    const warns = async (bundleData: unknown, data: unknown) => findings(await engine({ bundleData, data }), NO_OPENAI).length === 1;
    expect(await warns({ abi: { warnings: 'on' } }, {})).toBe(true);
    expect(await warns({ abi: { warnings: 'on' } }, { abi: { warnings: 'off' } })).toBe(false);
    expect(await warns({ abi: { warnings: 'off' } }, { abi: { warnings: 'on' } })).toBe(true);
    // A deep merge keeps the bundle's key beside routewise's; replacing `abi` whole would lose it.
    expect(await warns({ abi: { warnings: 'on' } }, { abi: { threshold: 3 } })).toBe(true);
  });

  it('builds the rule catalogue from the annotations in the manifest', async () => {
    const e = await engine({ manifest: MANIFEST });
    expect(e.rules()).toEqual([
      {
        id: 'ABI-001',
        title: 'No OpenAI targets',
        description: 'The organisation does not route data to OpenAI.',
        severity: 'error',
        remediation: 'Route the workloads to an approved provider.',
        source: 'rules/openai.rego:11',
      },
      { id: 'ABI-002', title: 'Warnings switch', description: '', severity: 'warning', remediation: '', source: 'org.tar.gz#routewise/rules/warn' },
    ]);
  });

  it('reads annotations listed under the manifest metadata too', async () => {
    const manifest = { revision: '', metadata: { annotations: [{ title: 'Custom', custom: { id: 'ORG-1', severity: 'info' } }] } };
    expect((await engine({ manifest })).rules().map((r) => [r.id, r.title, r.severity])).toEqual([['ORG-1', 'Custom', 'info']]);
  });

  it('without annotations, lists each finding entrypoint by name, then the rule ids it has seen, titled by id', async () => {
    const e = await engine({ data: { abi: { warnings: 'on' } } });
    expect(e.rules().map((r) => [r.id, r.severity])).toEqual([
      ['main.info', 'info'],
      ['routewise.rules.deny', 'error'],
      ['routewise.rules.warn', 'warning'],
    ]);
    findings(e, NO_OPENAI);
    expect(e.rules().map((r) => [r.id, r.title, r.severity])).toContainEqual(['ABI-002', 'ABI-002', 'warning']);
    findings(e, OPENAI);
    expect(e.rules().map((r) => r.id)).toEqual(['ABI-001', 'ABI-002', 'main.info', 'routewise.rules.deny', 'routewise.rules.warn']);
  });

  it('reports policy output that is not a set of findings, naming the rule as the Rego engine does', async () => {
    const e = await engine({ fixture: 'bad-output' });
    const r = e.evaluate({});
    expect(!r.ok && r.problems.map((p) => [p.code, p.message])).toEqual([
      ['policy-output', 'data.acme.deny must be a set of findings, but it is string'],
      ['policy-output', 'data.acme.warn produced finding ACME-9 without a string `message`'],
    ]);
  });

  it('turns an evaluation abort into a problem', async () => {
    const r = (await engine({ fixture: 'abort' })).evaluate({});
    expect(!r.ok && r.problems[0]!.code).toBe('wasm_abort');
  });

  it('refuses a bundle with no finding entrypoints, listing the ones it has', async () => {
    const r = await createWasmEngine(await bundleOf({ fixture: 'decision-only' }), { name: 'org.tar.gz', data: {} });
    expect(!r.ok && r.problems.map((p) => [p.code, p.message])).toEqual([
      ['wasm-no-entrypoints', 'org.tar.gz: no entrypoint ends in /deny, /warn or /info (it has example/allow)'],
    ]);
  });
});

describe('judgeManifest with the wasm engine', () => {
  const twin = { file: 'test/fixtures/wasm/abi-twin.rego', text: readFileSync('test/fixtures/wasm/abi-twin.rego', 'utf8') };

  async function both(data: unknown) {
    const wasm = await engine({ manifest: MANIFEST, bundleData: data });
    const rego = createRegoEngine({ sources: [twin], data });
    if (!rego.ok) throw new Error(JSON.stringify(rego.problems));
    return { wasm, rego: rego.value };
  }

  it('finds what the same rules in Rego find, located in the manifest', async () => {
    const { wasm, rego } = await both({ abi: { warnings: 'on' } });
    const file = 'examples/startup-cloud-api/routewise.yaml';
    const settings = { today: '2026-11-27' };
    const viaWasm = judgeManifest(file, readFileSync(file), { ...settings, engine: wasm });
    const viaRego = judgeManifest(file, readFileSync(file), { ...settings, engine: rego });
    expect(viaWasm.problems).toEqual([]);
    expect(viaWasm.findings).toEqual(viaRego.findings);
    expect(viaWasm.rulesEvaluated).toEqual(viaRego.rulesEvaluated);
    expect(viaWasm.findings.map((f) => [f.id, f.severity, f.title, f.position, f.remediation])).toEqual([
      // A finding without a path sits at the top of the document; findings come in document order.
      ['ABI-002', 'warning', 'Warnings switch', { file, line: 4, column: 1 }, 'nothing to do'],
      ['ABI-001', 'error', 'No OpenAI targets', { file, line: 38, column: 17 }, 'Route the workloads to an approved provider.'],
    ]);
  });

  it('finds nothing where the Rego twin finds nothing', async () => {
    const { wasm, rego } = await both({ abi: { warnings: 'off' } });
    const file = 'examples/hospital-on-prem/routewise.yaml';
    const viaWasm = judgeManifest(file, readFileSync(file), { today: '2026-11-27', engine: wasm });
    const viaRego = judgeManifest(file, readFileSync(file), { today: '2026-11-27', engine: rego });
    expect(viaWasm.problems).toEqual([]);
    expect(viaWasm.findings).toEqual([]);
    expect(viaRego.findings).toEqual([]);
  });
});
