// The cost run reads what check reads: the same settings path (a --data file check refuses, cost
// refuses with the same problems), the same manifest discovery and the same bounded reader.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/policy/load-engine.ts';
import { costRun } from '../../src/runner/cost-run.ts';

const cwd = process.cwd();
const TODAY = '2026-11-27';

function dataFile(text: string, name = 'org.yaml'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'routewise-cost-run-')), name);
  writeFileSync(file, text);
  return file;
}

describe('cost run', () => {
  it('prices the worked example of spec/cost.md named relative to the working folder', async () => {
    const run = await costRun(['test/cost/fixtures/worked-example.yaml'], { cwd, data: [], today: TODAY });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.priceBook).toMatchObject({ version: '0.1.8', date: '2026-09-23', stale: false });
    const [m] = run.value.manifests;
    expect(m!.file).toBe('test/cost/fixtures/worked-example.yaml');
    // $7,000 of API + 8 x $2.99 x 730 of GPUs + 2 x $200,000 / 12 of staff
    expect('totals' in m! && m.totals.monthlyUsd).toBeCloseTo(57794.93, 2);
    expect(run.notes).toBeUndefined();
  });

  it('refuses the --data files check refuses, with the same problems', async () => {
    const files = [dataFile('routewise:\n  config:\n    cost:\n      puee: 1.2\n'), dataFile('routewise:\n  config:\n    cost:\n      gpuHourlyUsd: { h100: "2" }\n', 'b.yaml'), join(tmpdir(), 'no-such-org-file.yaml')];
    const run = await costRun(['examples/startup-cloud-api'], { cwd, data: files, today: TODAY });
    const engine = await loadEngine({ data: files }, cwd);
    expect(run.ok).toBe(false);
    expect(engine.ok).toBe(false);
    if (run.ok || engine.ok) return;
    expect(run.failure?.kind).toBe('settings');
    expect(run.problems.map((p) => p.code)).toEqual(['unknown-setting', 'setting-type', 'path-not-found']);
    expect(run.problems).toEqual(engine.problems);
  });

  it('merges the --data files in order and says when a retired setting was used, as check does', async () => {
    const retired = dataFile('routewise:\n  config:\n    highSteadyTokensPerMonth: 2000000000\n');
    const cheap = dataFile('routewise:\n  config:\n    cost:\n      gpuHourlyUsd: { h100: 3 }\n', 'a.yaml');
    const cheaper = dataFile('routewise:\n  config:\n    cost:\n      gpuHourlyUsd: { h100: 2 }\n', 'b.yaml');
    const run = await costRun(['examples/startup-cloud-api'], { cwd, data: [retired, cheap, cheaper], today: TODAY });
    const engine = await loadEngine({ data: [retired] }, cwd);
    expect(run.notes?.map((p) => p.code)).toEqual(['retired-setting']);
    expect(run.notes).toEqual(engine.notes);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const [m] = run.value.manifests;
    // The last file wins: 8 x $2 x 730 = $11,680 + staff 2 x $200,000 / 12 = $45,013.33
    expect('workloads' in m! && m.workloads[0]!.selfHostedOption!.monthlyUsd).toBeCloseTo(45013.33, 2);
  });

  it('says when no manifest is found, and keeps a manifest that cannot be read as its own entry', async () => {
    const none = await costRun(['docs'], { cwd, data: [], today: TODAY });
    expect(none.ok || none.failure).toEqual({ kind: 'no-manifests', message: expect.stringMatching(/^no manifest \(routewise\.yaml, .*\) under docs$/) });
    const folder = mkdtempSync(join(tmpdir(), 'routewise-cost-run-'));
    writeFileSync(join(folder, 'routewise.yaml'), 'apiVersion: routewise/v1\n');
    const run = await costRun(['.'], { cwd: folder, data: [], today: TODAY });
    expect(run.ok && run.value.manifests.map((m) => ('problems' in m ? m.problems[0]!.code : 'priced'))).toEqual([expect.stringMatching(/^schema-/)]);
  });
});
