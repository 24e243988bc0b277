// `routewise cost` end to end: the worked example of spec/cost.md as JSON, the text and markdown
// people read, a stale price book, and organisation settings checked like every other setting.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WORKED = 'test/cost/fixtures/worked-example.yaml';

function orgData(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'routewise-cost-'));
  const file = join(dir, 'org.yaml');
  writeFileSync(file, text);
  return file;
}

describe('routewise cost', () => {
  it('prints the worked example as JSON version 1 in the shape of spec/cost.md', () => {
    const run = runCli(['cost', WORKED, '--now', '2026-11-27', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.version).toBe(1);
    expect(report.priceBook).toEqual({ package: '@pydantic/genai-prices', version: '0.1.8', date: '2026-09-23', stale: false });
    const [m] = report.manifests;
    expect(m.file).toBe(WORKED);
    const [w] = m.workloads;
    expect(Object.keys(w)).toEqual(['id', 'tokensPerMonth', 'requestsPerMonth', 'api', 'selfHostedOption', 'breakEvenTokensPerMonth']);
    expect(w.api).toEqual([{ target: 'azure-gpt', provider: 'azure-openai', priceSource: 'pricing', model: 'gpt-4o', priced: true, share: 1, monthlyUsd: 7000 }]);
    expect(w.selfHostedOption.gpus).toBe(8);
    expect(w.selfHostedOption.monthlyUsd).toBeCloseTo(50794.93, 2);
    expect(w.breakEvenTokensPerMonth).toBe(17007352381);
    expect(Object.keys(m.targets[0])).toEqual(['id', 'type', 'gpus', 'fitsModel', 'peakCapacityOk', 'monthlyUsd', 'breakdown']);
    expect(m.totals.monthlyUsd).toBeCloseTo(57794.93, 2);
    expect(Object.keys(m.totals)).toEqual(['apiMonthlyUsd', 'selfHostedMonthlyUsd', 'staffMonthlyUsd', 'monthlyUsd', 'budgetMonthlyUsd']);
  });

  it('tells people the money to the cent and the break-even in words', () => {
    const run = runCli(['cost', WORKED, '--now', '2026-11-27'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('$7,000.00');
    expect(run.stdout).toContain('$50,794.93 (8 h100, 2.8% busy)');
    expect(run.stdout).toContain('total $57,794.93/month: APIs $7,000.00, self-hosted $17,461.60, staff $33,333.33');
    expect(run.stdout).toContain('triage: self-hosting pays from 17.0 billion tokens a month; you run 2.0 billion');
  });

  it('writes a markdown table for pull requests', () => {
    const run = runCli(['cost', WORKED, '--now', '2026-11-27', '--format', 'markdown'], { cwd: root });
    expect(run.stdout).toMatch(/\| workload \| tokens\/month \| API\/month \|/);
    expect(run.stdout).toMatch(/\| triage \| 2\.0 billion \| \$7,000\.00 \|/);
  });

  it('marks the price book stale past priceBookMaxAgeDays, and check notes it as RW-COST-005', () => {
    // 2026-09-23 + 121 days = 2027-01-22
    const cost = runCli(['cost', WORKED, '--now', '2027-01-22', '--format', 'json'], { cwd: root });
    expect(JSON.parse(cost.stdout).priceBook.stale).toBe(true);
    expect(JSON.parse(runCli(['cost', WORKED, '--now', '2027-01-21', '--format', 'json'], { cwd: root }).stdout).priceBook.stale).toBe(false);
    const check = runCli(['check', 'examples/startup-cloud-api', '--now', '2027-01-22', '--format', 'json'], { cwd: root });
    const ids = JSON.parse(check.stdout).manifests[0].findings.map((f: { id: string }) => f.id);
    expect(ids).toContain('RW-COST-005');
  });

  it('takes an organisation price per GPU-hour from --data', () => {
    const data = orgData('routewise:\n  config:\n    cost:\n      gpuHourlyUsd:\n        h100: 2.0\n');
    const run = runCli(['cost', 'examples/startup-cloud-api', '--now', '2026-11-27', '--data', data, '--format', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    // 8 x 2.0 x 730 = 11,680 + staff 2 x 200,000 / 12 = 33,333.33
    expect(JSON.parse(run.stdout).manifests[0].workloads[0].selfHostedOption.monthlyUsd).toBeCloseTo(45013.33, 2);
  });

  it('refuses a misspelt cost setting with its place and the closest name', () => {
    const data = orgData('routewise:\n  config:\n    cost:\n      puee: 1.2\n');
    const run = runCli(['cost', 'examples/startup-cloud-api', '--data', data], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/org\.yaml:4:7: unknown-setting: routewise\.config\.cost\.puee is not a setting of the loaded rules/);
    expect(run.stderr).toContain('did you mean pue?');
  });

  it('refuses a GPU price given as text, for check too', () => {
    const data = orgData('routewise:\n  config:\n    cost:\n      gpuHourlyUsd:\n        h100: "2.0"\n');
    const run = runCli(['check', 'examples/startup-cloud-api', '--data', data], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('routewise.config.cost.gpuHourlyUsd.h100 must be a number');
  });

  it('refuses an unknown format', () => {
    const run = runCli(['cost', WORKED, '--format', 'csv'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown --format csv');
  });
});

describe('retired settings', () => {
  it('accepts highSteadyTokensPerMonth with a warning naming what replaced it', () => {
    const data = orgData('routewise:\n  config:\n    highSteadyTokensPerMonth: 2000000000\n');
    const run = runCli(['cost', 'examples/startup-cloud-api', '--data', data, '--now', '2026-11-27'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('routewise.config.highSteadyTokensPerMonth is retired');
    expect(run.stderr).toContain('RW-COST-001');
  });
});
