// `--bundle` adds an OPA wasm bundle's rules next to the built-in and organisation Rego rules:
// it never replaces them, waivers apply to its findings, --no-builtin still drops the built-ins.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRun } from '../../src/runner/check-run.ts';
import type { EngineFlags } from '../../src/policy/load-engine.ts';
import { abiModule, packBundle } from '../policy/wasm/abi-modules.ts';

let dir: string;
const MANIFEST = 'examples/startup-cloud-api/routewise.yaml';
const VIOLATIONS = 'examples/violations/data/routewise.yaml';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-bundles-'));
  const wasm = await abiModule('findings');
  writeFileSync(join(dir, 'org.tar.gz'), await packBundle({ '/policy.wasm': wasm }));
  const takeover = { revision: '', wasm: [{ entrypoint: 'routewise/rules/deny', module: '/policy.wasm', annotations: [{ scope: 'rule', title: 'Mine now', custom: { id: 'RW-DATA-001' } }] }] };
  writeFileSync(join(dir, 'takeover.tar.gz'), await packBundle({ '/policy.wasm': wasm, '/.manifest': JSON.stringify(takeover) }));
  const waived = `${readFileSync(MANIFEST, 'utf8')}
waivers:
  - rule: ABI-001
    reason: the OpenAI contract is being replaced this quarter
    approvedBy: platform-team
    expires: 2027-01-31
`;
  writeFileSync(join(dir, 'routewise.yaml'), waived);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(paths: string[], engine: EngineFlags) {
  const r = await checkRun(paths, { engine: { policy: [], data: [], builtin: true, ...engine }, notes: [], failOn: 'error', today: '2026-11-27', cwd: process.cwd() });
  return r;
}

describe('check with --bundle', () => {
  it("runs the bundle's rules next to the built-in rules", async () => {
    const r = await run([VIOLATIONS], { bundle: [join(dir, 'org.tar.gz')] });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const m = r.value.manifests[0]!;
    expect(m.problems).toEqual([]);
    const ids = m.findings.map((f) => f.id);
    expect(ids).toContain('ABI-001');
    expect(ids.some((id) => id.startsWith('RW-'))).toBe(true);
    expect(m.rulesEvaluated).toEqual(expect.arrayContaining(['ABI-001', 'RW-DATA-001', 'RW-WAIVE-001']));
  });

  it('leaves the built-in rules out with --no-builtin, and runs the bundle alone', async () => {
    const r = await run([MANIFEST], { bundle: [join(dir, 'org.tar.gz')], builtin: false });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.manifests[0]!.findings.map((f) => f.id)).toEqual(['ABI-001']);
    expect(r.value.manifests[0]!.rulesEvaluated).not.toEqual([]);
  });

  it('applies a manifest waiver to a finding of the bundle, judged by the built-in waiver rule', async () => {
    const r = await run([join(dir, 'routewise.yaml')], { bundle: [join(dir, 'org.tar.gz')] });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const m = r.value.manifests[0]!;
    expect(m.findings.find((f) => f.id === 'ABI-001')?.waived?.approvedBy).toBe('platform-team');
    expect(m.findings.filter((f) => f.id === 'RW-WAIVE-001')).toEqual([]);
  });

  it('refuses a bundle whose rule takes the id of a built-in rule, naming both', async () => {
    const r = await run([MANIFEST], { bundle: [join(dir, 'takeover.tar.gz')] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual(['duplicate-rule-id']);
    expect(r.problems[0]!.message).toMatch(/^rule id RW-DATA-001 is defined twice: in policies\/dataflow\/dataflow\.rego:\d+ and in .*takeover\.tar\.gz#routewise\/rules\/deny$/);
  });

  it('refuses a run where no rule could run: --no-builtin with no policies, or a --policy folder without .rego files', async () => {
    const none = await run([MANIFEST], { builtin: false });
    expect(!none.ok && none.problems.map((p) => p.code)).toEqual(['no-policies']);
    const empty = mkdtempSync(join(tmpdir(), 'rw-empty-policy-'));
    writeFileSync(join(empty, 'README.md'), 'policies go here\n');
    const noRego = await run([MANIFEST], { policy: [empty] });
    rmSync(empty, { recursive: true, force: true });
    expect(!noRego.ok && noRego.problems.map((p) => [p.code, p.message])).toEqual([['no-policies', `--policy ${empty}: no .rego files in it, so it adds no rule`]]);
  });
});
