import { describe, expect, it } from 'vitest';
import { createAuditReport } from '../../../src/audit/aggregate.ts';
import { csvAuditReporter, csvField } from '../../../src/report/audit/csv.ts';
import { entry, finding } from '../../audit/entries.ts';

/** A small RFC 4180 reader, to check that what is written reads back as the same cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

describe('csv audit format', () => {
  it('writes a header and one row per entry with its counts and failing rules', () => {
    const report = createAuditReport([
      entry('org/a', { status: 'fail', findings: [finding('RW-DATA-001'), finding('RW-VOL-001', 'warning'), finding('RW-X', 'error', true)] }),
      entry('org/b', { manifest: null, strategy: null, status: 'none' }),
    ]);
    expect(readCsv(csvAuditReporter.render(report, { color: false }))).toEqual([
      ['path', 'manifest', 'strategy', 'status', 'errors', 'warnings', 'infos', 'waived', 'problems', 'rules', 'api_monthly_usd', 'self_hosted_monthly_usd', 'staff_monthly_usd', 'monthly_usd', 'unpriced'],
      ['org/a', 'routewise.yaml', 'cloud-api', 'fail', '1', '1', '0', '1', '0', 'RW-DATA-001 RW-VOL-001', '', '', '', '', ''],
      ['org/b', '', '', 'none', '0', '0', '0', '0', '0', '', '', '', '', '', ''],
    ]);
  });

  it('gives each entry its monthly cost to the cent, and names the targets left unpriced', () => {
    const cost = { apiMonthlyUsd: 7000, selfHostedMonthlyUsd: 17461.6, staffMonthlyUsd: 33333.333333333336, monthlyUsd: 57794.933333333334, budgetMonthlyUsd: null, unpriced: ['=odd', 'other'] };
    const rows = readCsv(csvAuditReporter.render(createAuditReport([entry('org/a', { cost })]), { color: false }));
    expect(rows[1]!.slice(10)).toEqual(['7000.00', '17461.60', '33333.33', '57794.93', "'=odd other"]);
  });

  it('quotes commas, quotes and line breaks so they read back unchanged', () => {
    const path = 'org/we,ird "name"\nnext';
    const report = createAuditReport([entry(path)]);
    const text = csvAuditReporter.render(report, { color: false });
    expect(text).toContain('"org/we,ird ""name""\nnext"');
    expect(readCsv(text)[1]![0]).toBe(path);
  });

  it('defuses cells a spreadsheet would evaluate as formulas', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-3)).toBe('-3');
    expect(csvField('plain')).toBe('plain');
  });
});
