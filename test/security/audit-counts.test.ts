// One set of counts for every audit format: the summary's parts add up to the numbers they follow,
// and the HTML bars count findings as the tables do (waived ones apart, in their own column).
import { describe, expect, it } from 'vitest';
import { createAuditReport } from '../../src/audit/aggregate.ts';
import { htmlAuditReporter } from '../../src/report/audit/html.ts';
import { markdownAuditReporter } from '../../src/report/audit/markdown.ts';
import { auditSummaryLine } from '../../src/report/audit/summary.ts';
import { markdownText } from '../../src/report/markdown-text.ts';
import { textAuditReporter } from '../../src/report/audit/text.ts';
import { entry, finding } from '../audit/entries.ts';

const none = (path: string) => entry(path, { manifest: null, strategy: null, status: 'none' });

// 11 manifests in 9 repositories, two of which hold none: the shape that summed to 13 of 11.
const report = createAuditReport([
  ...Array.from({ length: 8 }, (_, i) => entry(`org/r${i}`, { manifest: `svc${i}/routewise.yaml` })),
  entry('org/mono', { manifest: 'a/routewise.yaml', status: 'fail', findings: [finding('RW-DATA-001'), finding('RW-DATA-001', 'error', true)] }),
  entry('org/mono', { manifest: 'b/routewise.yaml', status: 'pass', findings: [finding('RW-VOL-001', 'warning', true)] }),
  entry('org/mono', { manifest: 'c/routewise.yaml', status: 'invalid', problems: [{ code: 'yaml-syntax', message: 'bad', line: 1, column: 1 }] }),
  none('org/empty'),
  none('org/docs'),
]);

function numbersIn(text: string): number[] {
  return [...text.matchAll(/(\d+) \w+/g)].map((m) => Number(m[1]));
}

describe('audit counts', () => {
  it("adds the summary's parts up to the totals they follow", () => {
    const line = auditSummaryLine(report.totals);
    const [head, repositoryPart] = line.split(':')[0]!.split('; ');
    const manifests = /(\d+) manifests \(([^)]*)\)/.exec(head!)!;
    expect(Number(manifests[1])).toBe(11);
    expect(numbersIn(manifests[2]!).reduce((a, b) => a + b, 0)).toBe(11);
    const repositories = /(\d+) repositor\w+ without a judged manifest \(([^)]*)\)/.exec(repositoryPart!)!;
    expect(numbersIn(repositories[2]!).reduce((a, b) => a + b, 0)).toBe(Number(repositories[1]));
    expect(line).toBe('11 repositories, 11 manifests (9 pass, 1 fail, 1 invalid); 2 repositories without a judged manifest (2 none): 1 error, 0 warnings, 0 info, 2 waived; 2 failing');
  });

  it('shows the same summary in text, markdown and HTML', () => {
    const line = auditSummaryLine(report.totals);
    expect(textAuditReporter.render(report, { color: false })).toContain(line);
    expect(markdownAuditReporter.render(report, { color: false })).toContain(markdownText(line));
    expect(htmlAuditReporter.render(report, { color: false })).toContain(line);
  });

  it('draws the rule bars with the numbers of the findings table, waived findings not mixed in', () => {
    const html = htmlAuditReporter.render(report, { color: false });
    const bars = Object.fromEntries([...html.matchAll(/data-label="([^"]+)" data-value="(\d+)"/g)].filter((m) => m[1]!.startsWith('RW-')).map((m) => [m[1], Number(m[2])]));
    const table = Object.fromEntries(Object.entries(report.totals.byRule).filter(([, r]) => r.findings > 0).map(([id, r]) => [id, r.findings]));
    expect(bars).toEqual(table);
    expect(bars).toEqual({ 'RW-DATA-001': 1 });
    const text = textAuditReporter.render(report, { color: false });
    expect(text).toMatch(/RW-DATA-001\s+1\s+1\s+1/);
  });
});
