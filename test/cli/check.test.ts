// `routewise check` end to end: exit codes by threshold, several formats at once, --quiet,
// --data overrides, and several manifests judged in one run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const NOW = ['--now', '2026-11-27'];

describe('routewise check', () => {
  it('passes the four example deployments with exit 0', () => {
    const r = runCli(['check', 'examples/startup-cloud-api', 'examples/saas-self-hosted', 'examples/hospital-on-prem', 'examples/bank-hybrid', ...NOW]);
    // The three running their own GPUs carry RW-COST-002 (info): the price of control, never a failure.
    expect(r.stdout).toMatch(/4 manifests, 0 errors, 0 warnings, 3 infos: passed/);
    expect(r.code).toBe(0);
  });

  it('exits 1 on errors and prints file:line:col, severity, id and remediation', () => {
    const r = runCli(['check', 'examples/violations/selfhosted', ...NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/examples\/violations\/selfhosted\/routewise\.yaml:\d+:\d+ {2}error {2}RW-SELF-001 {2}/);
    expect(r.stdout).toMatch(/remediation: /);
  });

  it('warnings fail only at --fail-on warning, and nothing fails at --fail-on never', () => {
    const target = 'examples/violations/timeline';
    expect(runCli(['check', target, ...NOW]).code).toBe(0);
    expect(runCli(['check', target, '--fail-on', 'warning', ...NOW]).code).toBe(1);
    expect(runCli(['check', 'examples/violations/selfhosted', '--fail-on', 'never', ...NOW]).code).toBe(0);
  });

  it('writes several formats in one run and the exit code reflects the worst manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-check-'));
    const sarif = join(dir, 'out.sarif');
    const r = runCli(['check', 'examples/bank-hybrid', 'examples/violations/hybrid', '--format', 'json', '--format', `sarif=${sarif}`, ...NOW]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.manifests.map((m: { file: string; status: string }) => [m.file, m.status])).toEqual([
      ['examples/bank-hybrid/routewise.yaml', 'pass'],
      ['examples/violations/hybrid/routewise.yaml', 'fail'],
    ]);
    const finding = json.manifests[1].findings.find((f: { id: string }) => f.id === 'RW-HYB-002');
    expect(finding).toMatchObject({ severity: 'error', file: 'examples/violations/hybrid/routewise.yaml', waived: false });
    expect(finding.line).toBeGreaterThan(0);
    const log = JSON.parse(readFileSync(sarif, 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'RW-HYB-002')).toBe(true);
  });

  it('--quiet leaves out clean manifests but keeps the verdict', () => {
    const r = runCli(['--quiet', 'check', 'examples/startup-cloud-api', 'examples/violations/selfhosted', ...NOW]);
    expect(r.stdout).not.toMatch(/startup-cloud-api/);
    expect(r.stdout).toMatch(/RW-SELF-001/);
    expect(r.stdout).toMatch(/2 manifests/);
  });

  it('--data overrides a threshold from policies/data.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-data-'));
    const org = join(dir, 'org.yaml');
    writeFileSync(org, 'routewise:\n  config:\n    minMlopsForOnPrem: 10\n');
    const before = runCli(['check', 'examples/hospital-on-prem', ...NOW]);
    expect(before.code).toBe(0);
    const after = runCli(['check', 'examples/hospital-on-prem', '--data', org, ...NOW]);
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(/RW-ONPREM-001/);
  });

  it('waivers are shown and counted, never failing; --now decides expiry', () => {
    const r = runCli(['check', 'examples/violations/waivers', '--format', 'json', ...NOW]);
    const findings = JSON.parse(r.stdout).manifests[0].findings as { id: string; waived: unknown }[];
    expect(findings.filter((f) => f.waived !== false).map((f) => f.id)).toEqual(['RW-DATA-004']);
  });

  it('prints the schema and the rule catalogue', () => {
    const schema = JSON.parse(runCli(['schema']).stdout);
    expect(schema.$id).toMatch(/manifest\.v1/);
    const input = JSON.parse(runCli(['schema', 'policy-input']).stdout);
    expect(input.$id).toMatch(/policy-input\.v1/);
    expect(input.properties.manifest.$ref).toBe(schema.$id);
    const unknown = runCli(['schema', 'input']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('routewise: unknown schema input; use manifest or policy-input\n');
    const list = runCli(['policies', 'list']);
    expect(list.stdout).toMatch(/RW-DATA-001\s+error\s+/);
    const show = runCli(['policies', 'show', 'rw-hyb-003']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/RW-HYB-003/);
    expect(show.stdout).toMatch(/remediation:/);
    const missing = runCli(['policies', 'show', 'RW-NOPE-1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no rule RW-NOPE-1/);
  });
});
