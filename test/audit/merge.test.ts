import { describe, expect, it } from 'vitest';
import { createAuditReport } from '../../src/audit/aggregate.ts';
import { jsonAuditReporter } from '../../src/report/audit/json.ts';
import { mergeReports } from '../../src/audit/merge.ts';
import { shardOf } from '../../src/audit/shard.ts';
import { entry, finding } from './entries.ts';

const all = Array.from({ length: 40 }, (_, i) =>
  entry(`org/repo-${i}`, {
    status: i % 3 === 0 ? 'fail' : 'pass',
    strategy: i % 2 === 0 ? 'hybrid' : 'cloud-api',
    findings: i % 3 === 0 ? [finding('RW-DATA-001')] : [finding('RW-VOL-003', 'info')],
    dataFlows: [{ category: i % 2 === 0 ? 'health' : 'public', targetType: 'cloud-api' }],
    // Figures with long binary fractions, so a sum taken in another order would differ in its last digits.
    cost: i % 5 === 4 ? null : costOf(i),
  }),
);

function costOf(i: number) {
  const api = 1234.56 * i + 0.1;
  const selfHosted = i % 2 === 0 ? 17461.6 + i / 3 : 0;
  const staff = i % 2 === 0 ? 33333.333333333336 : 0;
  return { apiMonthlyUsd: api, selfHostedMonthlyUsd: selfHosted, staffMonthlyUsd: staff, monthlyUsd: api + selfHosted + staff, budgetMonthlyUsd: null, unpriced: i % 7 === 0 ? ['mystery'] : [] };
}

function shardReports(count: number, run = 'run-a') {
  return Array.from({ length: count }, (_, k) => {
    const report = { ...createAuditReport(all.filter((e) => shardOf(e.path, count) === k + 1)), shard: { index: k + 1, count, run } };
    return { name: `shard-${k + 1}.json`, document: JSON.parse(jsonAuditReporter.render(report, { color: false })) as unknown };
  });
}

const codes = (merged: ReturnType<typeof mergeReports>) => (merged.ok ? [] : merged.problems.map((p) => p.code));

describe('merging shard reports', () => {
  it('gives the one-shot report from the JSON of four shards', () => {
    const merged = mergeReports(shardReports(4));
    expect(merged.ok && merged.value).toEqual(createAuditReport(all));
  });

  it('gives the one-shot cost totals to the last digit, per repository and for the organisation, however many shards', () => {
    const oneShot = createAuditReport(all).totals.cost;
    expect(oneShot.manifests).toBe(32);
    for (const count of [2, 3, 7]) {
      const merged = mergeReports(shardReports(count).reverse());
      expect(merged.ok && merged.value.totals.cost).toEqual(oneShot);
    }
  });

  it('reads shard reports written before entries carried cost as entries without cost figures', () => {
    const [one] = shardReports(1);
    const old = structuredClone(one!.document) as { repositories: Record<string, unknown>[] };
    for (const e of old.repositories) delete e.cost;
    const merged = mergeReports([{ name: 'old.json', document: old }]);
    expect(merged.ok && merged.value.repositories.every((e) => e.cost === null)).toBe(true);
    expect(merged.ok && merged.value.totals.cost).toEqual({ apiMonthlyUsd: 0, selfHostedMonthlyUsd: 0, staffMonthlyUsd: 0, monthlyUsd: 0, manifests: 0, unpricedManifests: 0, byRepository: {} });
  });

  it('refuses shards that overlap, naming both', () => {
    const [one] = shardReports(1);
    const merged = mergeReports([one!, { ...one!, name: 'again.json' }]);
    expect(codes(merged)).toContain('overlapping-shards');
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.problems[0]!.message).toContain('shard-1.json and again.json');
  });

  it('refuses an incomplete set of shards, naming the missing ones', () => {
    const reports = shardReports(4);
    const merged = mergeReports([reports[0]!, reports[2]!]);
    expect(codes(merged)).toEqual(['missing-shards']);
    if (!merged.ok) expect(merged.problems[0]!.message).toMatch(/^shards 2\/4, 4\/4 of run run-a are missing/);
  });

  it('refuses shards of two different runs', () => {
    const [a1, a2] = shardReports(2, 'run-a');
    const [, b2] = shardReports(2, 'run-b');
    expect(codes(mergeReports([a1!, b2!]))).toEqual(['mixed-shard-runs']);
    expect(mergeReports([a1!, a2!]).ok).toBe(true);
  });

  it('refuses a report written without --shard', () => {
    const whole = { name: 'whole.json', document: JSON.parse(jsonAuditReporter.render(createAuditReport(all), { color: false })) as unknown };
    expect(codes(mergeReports([whole]))).toEqual(['not-a-shard-report']);
  });

  it('refuses documents that are not version 1 audit reports', () => {
    const merged = mergeReports([
      { name: 'a.json', document: { version: 2, repositories: [] } },
      { name: 'b.json', document: { version: 1, manifests: [] } },
      { name: 'c.json', document: [] },
    ]);
    expect(merged.ok ? [] : merged.problems.map((p) => p.code)).toEqual(['unsupported-report-version', 'not-an-audit-report', 'not-an-audit-report']);
  });
});
