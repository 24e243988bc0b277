// `routewise check -` judges one manifest read from standard input, named <stdin> in reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('routewise check -', () => {
  it('judges the manifest on standard input, with findings at its lines', () => {
    const text = readFileSync('examples/violations/data/routewise.yaml', 'utf8');
    const fromFile = runCli(['check', 'examples/violations/data/routewise.yaml', '--now', '2026-11-27', '--format', 'json']);
    const fromStdin = runCli(['check', '-', '--now', '2026-11-27', '--format', 'json'], { input: text });
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.code).toBe(1);
    type Report = { manifests: { file: string; findings: { id: string; line: number; column: number }[] }[] };
    const a = JSON.parse(fromFile.stdout) as Report;
    const b = JSON.parse(fromStdin.stdout) as Report;
    expect(b.manifests.map((m) => m.file)).toEqual(['<stdin>']);
    expect(b.manifests[0]!.findings.map((f) => [f.id, f.line, f.column])).toEqual(a.manifests[0]!.findings.map((f) => [f.id, f.line, f.column]));
  });

  it('reports a broken manifest on standard input as invalid (exit 2), at its line', () => {
    const r = runCli(['check', '-', '--now', '2026-11-27'], { input: 'apiVersion: routewise/v1\nkind: [\n' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/<stdin>:\d+:\d+/);
  });

  it('judges standard input next to manifest paths', () => {
    const r = runCli(['check', '-', 'examples/bank-hybrid', '--now', '2026-11-27', '--format', 'json'], { input: readFileSync('examples/startup-cloud-api/routewise.yaml', 'utf8') });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { manifests: { file: string }[] }).manifests.map((m) => m.file)).toEqual(['<stdin>', 'examples/bank-hybrid/routewise.yaml']);
  });
});
