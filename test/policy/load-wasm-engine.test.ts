// `--engine wasm --bundle FILE`: the bundle file is read from disk, loaded as the engine, and a
// bundle that cannot be used stops the run with exit 2 and a problem naming the cause.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWasmEngine } from '../../src/policy/load-wasm-engine.ts';
import { abiModule, packBundle } from './wasm/abi-modules.ts';

const BIN = fileURLToPath(new URL('../../bin/routewise.mjs', import.meta.url));
const MANIFEST = 'examples/startup-cloud-api/routewise.yaml';
let dir: string;

function routewise(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'routewise-wasm-'));
  const findings = await abiModule('findings');
  writeFileSync(join(dir, 'org.tar.gz'), await packBundle({ '/policy.wasm': findings, '/data.json': '{"abi":{"warnings":"on"}}' }));
  writeFileSync(join(dir, 'policy.wasm'), findings);
  writeFileSync(join(dir, 'missing-builtin.wasm'), await abiModule('missing-builtin'));
  writeFileSync(join(dir, 'abi-2.tar.gz'), await packBundle({ '/policy.wasm': await abiModule('abi-2') }));
  writeFileSync(join(dir, 'abort.wasm'), await abiModule('abort'));
  writeFileSync(join(dir, 'notes.tar.gz'), 'not a bundle at all');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadWasmEngine', () => {
  it('loads a bundle file and passes routewise data over the bundle data', async () => {
    const e = await loadWasmEngine(join(dir, 'org.tar.gz'), { abi: { warnings: 'off' } });
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    const r = e.value.evaluate({ provider: 'openai' });
    expect(r.ok && r.value.findings.map((f) => f.id)).toEqual(['ABI-001']);
  });

  it('reports a bundle path that cannot be read', async () => {
    const e = await loadWasmEngine(join(dir, 'nowhere.tar.gz'), {});
    expect(!e.ok && e.problems.map((p) => p.code)).toEqual(['path-not-found']);
  });
});

describe('routewise check --engine wasm', () => {
  it('reports the findings of a .tar.gz bundle and fails on its error', () => {
    const r = routewise(['check', '--engine', 'wasm', '--bundle', join(dir, 'org.tar.gz'), '--now', '2026-11-27', '--format', 'json', MANIFEST]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { manifests: { findings: { id: string; severity: string; line: number }[] }[] };
    expect(report.manifests[0]!.findings.map((f) => [f.id, f.severity, f.line])).toEqual([
      ['ABI-002', 'warning', 4],
      ['ABI-001', 'error', 38],
    ]);
  });

  it('runs a bare policy.wasm', () => {
    const r = routewise(['check', '--engine', 'wasm', '--bundle', join(dir, 'policy.wasm'), '--now', '2026-11-27', '--format', 'json', MANIFEST]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { manifests: { findings: { id: string }[] }[] }).manifests[0]!.findings.map((f) => f.id)).toEqual(['ABI-001']);
  });

  it.each([
    ['missing-builtin.wasm', /wasm-missing-builtin: .*missing-builtin\.wasm: the policy calls builtin acme\.lookup/],
    ['abi-2.tar.gz', /wasm-abi-unsupported: .*abi-2\.tar\.gz: the module needs OPA wasm ABI version 2\.0/],
    ['notes.tar.gz', /wasm-bundle-corrupt: .*notes\.tar\.gz: neither a bundle \(\.tar\.gz\) nor a wasm module/],
  ])('exits 2 on an unusable bundle (%s), naming the cause', (file, message) => {
    const r = routewise(['check', '--engine', 'wasm', '--bundle', join(dir, file), MANIFEST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('reports an evaluation abort as a problem of the manifest, never a pass', () => {
    const r = routewise(['check', '--engine', 'wasm', '--bundle', join(dir, 'abort.wasm'), '--format', 'json', MANIFEST]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { manifests: { status: string; problems: { code: string; message: string }[] }[] };
    expect(report.manifests[0]!.status).not.toBe('pass');
    expect(report.manifests[0]!.problems.map((p) => p.code)).toEqual(['wasm_abort']);
    expect(report.manifests[0]!.problems[0]!.message).toMatch(/deliberate abort in an ABI test module/);
  });
});
