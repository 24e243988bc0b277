import { describe, expect, it } from 'vitest';
import { createAuditReport } from '../../../src/audit/aggregate.ts';
import { textAuditReporter } from '../../../src/report/audit/text.ts';
import { entry, finding } from '../../audit/entries.ts';

describe('text audit format', () => {
  const report = createAuditReport([
    entry('org/billing', { status: 'fail', findings: [finding('RW-DATA-001')] }),
    entry('org/x\u001b[31mred', { manifest: null, strategy: null, status: 'error', problems: [{ code: 'unreadable', message: 'cannot read folder org/x: permission denied', line: null, column: null }] }),
    entry('org/z', {
      waivers: [{ rule: 'RW-VOL-001', target: 'gpt', expires: '2026-12-01', daysLeft: 4, state: 'expiring' }],
    }),
  ]);

  it('prints an aligned table, the problems, totals and a verdict', () => {
    const text = textAuditReporter.render(report, { color: false });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^REPOSITORY\s+MANIFEST\s+STRATEGY\s+STATUS\s+ERRORS\s+WARNINGS\s+WAIVED\s+PROBLEMS$/);
    const statusColumn = lines[0]!.indexOf('STATUS');
    expect(lines[1]!.slice(statusColumn, statusColumn + 4)).toBe('fail');
    expect(text).toContain('org/x\\x1b[31mred  unreadable  cannot read folder org/x: permission denied');
    expect(text).toContain('Waivers expiring soon\n  org/z/routewise.yaml  RW-VOL-001 (gpt)  expires 2026-12-01, in 4 days');
    expect(lines.at(-2)).toBe('3 repositories, 2 manifests (1 pass, 1 fail); 1 repository without a judged manifest (1 error): 1 error, 0 warnings, 0 info, 0 waived; 2 failing');
  });

  it('places a problem in a gateway or cluster file at that file', () => {
    const problem = { code: 'source-invalid', message: 'a Helm chart template', line: 4, column: 9, file: 'org/helm/chart/templates/deployment.yaml' };
    const text = textAuditReporter.render(createAuditReport([entry('org/helm', { status: 'invalid', problems: [problem] })]), { color: false });
    expect(text).toContain('  org/helm/chart/templates/deployment.yaml:4:9  source-invalid  a Helm chart template');
  });

  it('never lets control characters from paths reach the terminal', () => {
    expect(textAuditReporter.render(report, { color: false })).not.toContain('\u001b');
    expect(textAuditReporter.render(report, { color: true })).toContain('\u001b[31mfail');
  });

  it('totals the monthly cost per repository and for the organisation, aligned, only when there are figures', () => {
    expect(textAuditReporter.render(report, { color: false })).not.toContain('Monthly cost');
    const cost = (api: number, selfHosted: number, staff: number) => ({
      apiMonthlyUsd: api,
      selfHostedMonthlyUsd: selfHosted,
      staffMonthlyUsd: staff,
      monthlyUsd: api + selfHosted + staff,
      budgetMonthlyUsd: null,
      unpriced: [],
    });
    const text = textAuditReporter.render(createAuditReport([entry('org/web', { cost: cost(7000, 0, 0) }), entry('org/gpu', { cost: cost(250, 17461.6, 33333.33) })]), { color: false });
    const at = text.indexOf('Monthly cost\n');
    expect(text.slice(at).split('\n').slice(1, 5)).toEqual([
      '  REPOSITORY    MANIFESTS       APIS  SELF-HOSTED       STAFF       TOTAL',
      '  org/gpu               1    $250.00   $17,461.60  $33,333.33  $51,044.93',
      '  org/web               1  $7,000.00        $0.00       $0.00   $7,000.00',
      // 51,044.93 + 7,000 = 58,044.93
      '  organisation          2  $7,250.00   $17,461.60  $33,333.33  $58,044.93',
    ]);
  });
});
