import { describe, expect, it } from 'vitest';
import { createAuditReport } from '../../../src/audit/aggregate.ts';
import { markdownAuditReporter } from '../../../src/report/audit/markdown.ts';
import { entry, finding, monthlyCost } from '../../audit/entries.ts';

describe('markdown audit format', () => {
  const report = createAuditReport([
    entry('org/pipe|*star*_[x](y)', {
      status: 'invalid',
      strategy: null,
      problems: [{ code: 'yaml-syntax', message: '<script>alert(1)</script> at `x`', line: 1, column: 1 }],
    }),
    entry('org/ok', { findings: [finding('RW-VOL-001', 'warning')], dataFlows: [{ category: 'public', targetType: 'cloud-api' }] }),
  ]);
  const text = markdownAuditReporter.render(report, { color: false });

  it('escapes table pipes, emphasis, links and HTML in repository paths and messages', () => {
    const row = text.split('\n').find((line) => line.includes('org/pipe'))!;
    expect(row).not.toMatch(/pipe\|/);
    expect(row).toContain('org/pipe&#124;&#42;star&#42;&#95;&#91;x&#93;(y)');
    expect(row).not.toContain('<script>');
    expect(row).toContain('&#60;script&#62;');
    // Still one row of eight cells: no escaped pipe split it.
    expect(row.split(' | ').length).toBe(8);
  });

  it('has the verdict, repository table and totals sections', () => {
    expect(text.startsWith('## routewise audit failed\n')).toBe(true);
    for (const heading of ['### Repositories', '### Findings by rule', '### Manifests by strategy', '### Data categories reaching each target type']) {
      expect(text).toContain(`\n${heading}\n`);
    }
    expect(text).toContain('| RW-VOL-001 | 1 | 0 | 1 |');
    expect(text).toContain('| public | 1 |');
  });

  it('totals the monthly cost per repository and for the organisation, with no math spans', () => {
    const costed = markdownAuditReporter.render(
      createAuditReport([
        entry('org/web', { cost: monthlyCost(7000, 0, 0) }),
        entry('org/mono', { manifest: 'a/routewise.yaml', cost: monthlyCost(250, 17461.6, 33333.33, ['odd']) }),
        entry('org/mono', { manifest: 'b/routewise.yaml', cost: monthlyCost(1500.25, 0, 0) }),
      ]),
      { color: false },
    );
    expect(costed).toContain(
      [
        '### Monthly cost',
        '',
        '| Repository | Manifests | APIs | Self-hosted | Staff | Total |',
        '| --- | --- | --- | --- | --- | --- |',
        // 250 + 1,500.25 = 1,750.25; + 17,461.60 + 33,333.33 = 52,545.18
        '| org/mono | 2 | &#36;1,750.25 | &#36;17,461.60 | &#36;33,333.33 | &#36;52,545.18 |',
        '| org/web | 1 | &#36;7,000.00 | &#36;0.00 | &#36;0.00 | &#36;7,000.00 |',
        // 52,545.18 + 7,000 = 59,545.18
        '| **organisation** | 3 | &#36;8,750.25 | &#36;17,461.60 | &#36;33,333.33 | &#36;59,545.18 |',
        '',
        '1 of 3 manifests have a target that could not be priced: their figures leave it out.',
      ].join('\n'),
    );
    // Without cost figures there is no section.
    expect(text).not.toContain('### Monthly cost');
  });
});
