import { describe, expect, it } from 'vitest';
import { createAuditReport } from '../../../src/audit/aggregate.ts';
import { markdownAuditReporter } from '../../../src/report/audit/markdown.ts';
import { entry, finding } from '../../audit/entries.ts';

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
});
