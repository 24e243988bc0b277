import { describe, expect, it } from 'vitest';
import { createAuditReport } from '../../src/audit/aggregate.ts';
import { entry, finding, monthlyCost } from './entries.ts';

describe('aggregating repositories into the audit report', () => {
  const entries = [
    entry('org/web', { status: 'fail', findings: [finding('RW-DATA-001'), finding('RW-DATA-001'), finding('RW-VOL-001', 'warning')], dataFlows: [{ category: 'health', targetType: 'cloud-api' }] }),
    entry('org/api', {
      strategy: 'hybrid',
      findings: [finding('RW-DATA-001', 'error', true), finding('RW-HYB-002', 'info')],
      dataFlows: [
        { category: 'health', targetType: 'on-premises' },
        { category: 'public', targetType: 'cloud-api' },
      ],
      waivers: [
        { rule: 'RW-DATA-001', target: null, expires: '2026-12-01', daysLeft: 4, state: 'expiring' },
        { rule: 'RW-VOL-001', target: 'gpt', expires: '2026-01-01', daysLeft: -330, state: 'expired' },
        { rule: 'RW-VOL-002', target: null, expires: '2028-01-01', daysLeft: 400, state: 'active' },
      ],
    }),
    entry('org/mono', { manifest: 'b/routewise.yaml', status: 'invalid', strategy: null, problems: [{ code: 'yaml-syntax', message: 'bad', line: 1, column: 1 }] }),
    entry('org/mono', { manifest: 'a/routewise.yaml', findings: [finding('RW-DATA-001')], status: 'fail', dataFlows: [{ category: 'health', targetType: 'cloud-api' }] }),
    entry('org/bare', { manifest: null, strategy: null, status: 'missing' }),
  ];
  const report = createAuditReport(entries);

  it('sorts entries by repository path, then manifest', () => {
    expect(report.repositories.map((e) => [e.path, e.manifest])).toEqual([
      ['org/api', 'routewise.yaml'],
      ['org/bare', null],
      ['org/mono', 'a/routewise.yaml'],
      ['org/mono', 'b/routewise.yaml'],
      ['org/web', 'routewise.yaml'],
    ]);
  });

  it('counts repositories, manifests, statuses and failing entries', () => {
    const t = report.totals;
    expect([t.repositories, t.manifests, t.failing]).toEqual([4, 4, 4]);
    expect(t.byStatus).toEqual({ pass: 1, fail: 2, invalid: 1, error: 0, missing: 1, none: 0 });
  });

  it('totals findings by severity and by rule, waived ones apart, and repositories per rule', () => {
    const t = report.totals;
    expect(t.bySeverity).toEqual({ error: 3, warning: 1, info: 1, waived: 1 });
    expect(t.byRule).toEqual({
      'RW-DATA-001': { findings: 3, waived: 1, repositories: 3 },
      'RW-HYB-002': { findings: 1, waived: 0, repositories: 1 },
      'RW-VOL-001': { findings: 1, waived: 0, repositories: 1 },
    });
    expect(Object.keys(t.byRule)).toEqual(['RW-DATA-001', 'RW-HYB-002', 'RW-VOL-001']);
  });

  it('counts manifests by strategy and by data category reaching each target type', () => {
    expect(report.totals.byStrategy).toEqual({ 'cloud-api': 2, hybrid: 1 });
    expect(report.totals.dataFlows).toEqual({ health: { 'cloud-api': 2, 'on-premises': 1 }, public: { 'cloud-api': 1 } });
  });

  it('lists expiring and expired waivers with their repository', () => {
    const w = report.totals.waivers;
    expect([w.active, w.incomplete]).toEqual([1, 0]);
    expect(w.expiring).toEqual([{ path: 'org/api', manifest: 'routewise.yaml', rule: 'RW-DATA-001', target: null, expires: '2026-12-01', daysLeft: 4, state: 'expiring' }]);
    expect(w.expired.map((x) => [x.path, x.rule, x.daysLeft])).toEqual([['org/api', 'RW-VOL-001', -330]]);
  });

  it('does not depend on the order of its entries', () => {
    expect(createAuditReport([...entries].reverse())).toEqual(report);
  });
});

describe('cost totals of an audit', () => {
  const entries = [
    entry('org/web', { cost: monthlyCost(7000, 0, 0) }),
    entry('org/mono', { manifest: 'b/routewise.yaml', cost: monthlyCost(1500.25, 17461.6, 33333.33, ['odd-api']) }),
    entry('org/mono', { manifest: 'a/routewise.yaml', cost: monthlyCost(250, 0, 0) }),
    entry('org/broken', { status: 'invalid', cost: null }),
    entry('org/bare', { manifest: null, strategy: null, status: 'none', cost: null }),
  ];
  const totals = createAuditReport(entries).totals.cost;

  it("adds each repository's manifests together, and leaves out repositories without cost figures", () => {
    expect(Object.keys(totals.byRepository)).toEqual(['org/mono', 'org/web']);
    // 1,500.25 + 250 = 1,750.25 on APIs; 17,461.60 self-hosted; 33,333.33 staff
    expect(totals.byRepository['org/mono']).toEqual({
      apiMonthlyUsd: 1750.25,
      selfHostedMonthlyUsd: 17461.6,
      staffMonthlyUsd: 33333.33,
      monthlyUsd: 1750.25 + 17461.6 + 33333.33,
      manifests: 2,
      unpricedManifests: 1,
    });
    expect(totals.byRepository['org/web']).toMatchObject({ apiMonthlyUsd: 7000, monthlyUsd: 7000, manifests: 1, unpricedManifests: 0 });
  });

  it('gives the organisation the sum of its repositories', () => {
    // APIs 1,750.25 + 7,000 = 8,750.25
    expect(totals).toMatchObject({ apiMonthlyUsd: 8750.25, selfHostedMonthlyUsd: 17461.6, staffMonthlyUsd: 33333.33, manifests: 3, unpricedManifests: 1 });
    expect(totals.monthlyUsd).toBeCloseTo(8750.25 + 17461.6 + 33333.33, 6);
  });

  it('comes out the same to the last digit whatever order the entries arrive in', () => {
    expect(createAuditReport([...entries].reverse()).totals.cost).toEqual(totals);
  });
});
