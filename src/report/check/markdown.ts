// Markdown for pull request comments and job summaries: a heading, a table per manifest and the
// one-line verdict. Every user-supplied text is escaped so it can neither break the table nor
// turn into markup.
import type { Finding } from '../../policy/finding.ts';
import { findingLocation, formatLocation, problemLocation } from '../location.ts';
import type { Reporter } from '../reporter.ts';
import type { ManifestReport, RunReport } from '../run-report.ts';
import { summaryLine } from '../summary-line.ts';
import { waiverNote } from '../waiver-note.ts';
import { markdownMoney, markdownProse, markdownText } from '../markdown-text.ts';
import { costLine } from '../cost-line.ts';

const HEADER = ['| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |'];

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function findingRow(manifest: ManifestReport, finding: Finding): string {
  const location = markdownText(formatLocation(findingLocation(manifest, finding)));
  if (finding.waived) {
    const message = `${markdownProse(finding.message)}<br>${markdownText(waiverNote(finding.waived))}`;
    return row([`${finding.severity} (waived)`, markdownText(finding.id), location, message]);
  }
  const severity = finding.severity === 'info' ? 'info' : `**${finding.severity}**`;
  const message = finding.remediation
    ? `${markdownProse(finding.message)}<br>Remediation: ${markdownProse(finding.remediation)}`
    : markdownProse(finding.message);
  return row([severity, markdownText(finding.id), location, message]);
}

function manifestSection(manifest: ManifestReport): string[] {
  const title = `### ${markdownText(manifest.file)}: ${manifest.status}${manifest.strategy ? ` (${markdownText(manifest.strategy)})` : ''}`;
  const heading = manifest.cost ? `${title}\n\nCost: ${markdownMoney(costLine(manifest.cost))}` : title;
  if (manifest.problems.length === 0 && manifest.findings.length === 0) return [heading, '', 'No findings.'];
  const rows = manifest.problems.map((problem) => {
    const message = problem.hint ? `${markdownProse(problem.message)}<br>Hint: ${markdownProse(problem.hint)}` : markdownProse(problem.message);
    return row(['**invalid**', markdownText(problem.code), markdownText(formatLocation(problemLocation(manifest, problem))), message]);
  });
  rows.push(...manifest.findings.map((finding) => findingRow(manifest, finding)));
  return [heading, '', ...HEADER, ...rows];
}

export const markdownReporter: Reporter = {
  name: 'markdown',
  render(report: RunReport): string {
    const verdict = report.summary.failed ? 'failed' : 'passed';
    const sections = report.manifests.map((manifest) => manifestSection(manifest).join('\n'));
    return [`## ${markdownText(report.tool.name)} check ${verdict}`, ...sections, `**${summaryLine(report.summary)}**`].join('\n\n') + '\n';
  },
};
