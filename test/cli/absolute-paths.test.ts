// Every path option of every command takes an absolute path as it is (never joined to the
// current folder) and a relative one from the current folder; `init -o` creates its folders.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { abiModule, packBundle } from '../policy/wasm/abi-modules.ts';
import { runCli } from './run-cli.ts';

const NOW = ['--now', '2026-11-27'];
const abs = (path: string) => resolve(path);
let elsewhere: string;
let bundle: string;

beforeAll(async () => {
  // Runs start in an unrelated folder, so a path wrongly joined to it would not exist.
  elsewhere = mkdtempSync(join(tmpdir(), 'rw-elsewhere-'));
  bundle = join(elsewhere, 'org.tar.gz');
  writeFileSync(bundle, await packBundle({ '/policy.wasm': await abiModule('findings') }));
  writeFileSync(join(elsewhere, 'org.yaml'), 'routewise:\n  config:\n    minMlopsForOnPrem: 1\n');
});

describe('absolute paths in every path option', () => {
  it('init -o creates missing folders, relative to the current folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-o-'));
    const r = runCli(['init', '--yes', '-o', 'sub/dir/routewise.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'sub/dir/routewise.yaml'), 'utf8')).toContain('apiVersion: routewise/v1');
  });

  it('init -o takes an absolute path as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-init-abs-'));
    const target = join(dir, 'deep', 'routewise.yaml');
    const r = runCli(['init', '--yes', '-o', target], { cwd: elsewhere });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(existsSync(join(elsewhere, target))).toBe(false);
  });

  it('check: manifest, --policy, --data, --bundle and --format name=path', () => {
    const out = join(elsewhere, 'reports', 'check.json');
    const r = runCli(
      ['check', abs('examples/startup-cloud-api/routewise.yaml'), '--policy', abs('examples/custom-policies/acme'), '--data', join(elsewhere, 'org.yaml'), '--bundle', bundle, '--format', `json=${out}`, ...NOW],
      { cwd: elsewhere },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const ids = (JSON.parse(readFileSync(out, 'utf8')) as { manifests: { findings: { id: string }[] }[] }).manifests[0]!.findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['ACME-001', 'ABI-001']));
  });

  it('audit: roots, --list, --policy and --format name=path', () => {
    const list = join(elsewhere, 'repos.txt');
    writeFileSync(list, `${abs('examples/bank-hybrid')}\n`);
    const out = join(elsewhere, 'audit.json');
    const r = runCli(['audit', abs('examples/startup-cloud-api'), '--list', list, '--policy', abs('examples/custom-policies/acme'), '--format', `json=${out}`, ...NOW], { cwd: elsewhere });
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { repositories: { path: string }[] };
    expect(report.repositories).toHaveLength(2);
  });

  it('test, eval -d/-i/--manifest and policies --policy', () => {
    const t = runCli(['test', abs('examples/custom-policies/acme')], { cwd: elsewhere });
    expect(t.code).toBe(0);
    const input = join(elsewhere, 'input.json');
    writeFileSync(input, '{"x": 2}');
    const e = runCli(['eval', '-d', abs('examples/custom-policies/acme'), '-i', input, 'input.x'], { cwd: elsewhere });
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout).result[0].expressions[0].value).toBe(2);
    const m = runCli(['eval', '--manifest', abs('examples/startup-cloud-api/routewise.yaml'), ...NOW, 'count(input.targets)', '-f', 'values'], { cwd: elsewhere });
    expect(JSON.parse(m.stdout)).toEqual([1]);
    const p = runCli(['policies', 'list', '--policy', abs('examples/custom-policies/acme')], { cwd: elsewhere });
    expect(p.code).toBe(0);
    expect(p.stdout).toContain('ACME-001');
  });
});
