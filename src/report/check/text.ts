// The default format, for people at a terminal: findings grouped by manifest, a code frame under
// each error, remediation, invalid manifests with their problems, and a one-line verdict.
import type { Finding, Severity } from '../../policy/finding.ts';
import type { Problem } from '../../problems/problem.ts';
import { palette, type Palette, type Paint } from '../ansi.ts';
import { codeFrame } from '../code-frame.ts';
import { findingLocation, formatLocation, problemLocation, type Location } from '../location.ts';
import type { RenderOptions, Reporter } from '../reporter.ts';
import type { ManifestReport, ManifestStatus, RunReport } from '../run-report.ts';
import { summaryLine } from '../summary-line.ts';
import { waiverNote } from '../waiver-note.ts';
import { printable, printableLines, safeOutput } from '../printable.ts';

const FINDING_INDENT = '  ';
const DETAIL_INDENT = '    ';

function severityPaint(paint: Palette, severity: Severity): Paint {
  return severity === 'error' ? paint.red : severity === 'warning' ? paint.yellow : paint.blue;
}

function statusPaint(paint: Palette, status: ManifestStatus): Paint {
  return status === 'pass' ? paint.green : status === 'fail' ? paint.red : paint.yellow;
}

// Continuation lines of a multi-line message stay under the finding, not at the margin; control
// characters are shown escaped, never sent to the terminal.
const indentLines = printableLines;

// The manifest's text and the sources it names are at hand; a place in another file (a policy) gets no frame.
function frameAt(manifest: ManifestReport, location: Location, options: RenderOptions): string[] {
  const text = location.file === manifest.file ? manifest.source : manifest.sourceTexts?.[location.file];
  if (text === undefined || location.line === undefined) return [];
  const frame = codeFrame(text, location.line, location.column ?? 1, { color: options.color, indent: DETAIL_INDENT });
  return frame ? [frame] : [];
}

function renderFinding(manifest: ManifestReport, finding: Finding, paint: Palette, options: RenderOptions): string[] {
  const location = findingLocation(manifest, finding);
  const severity = finding.waived ? paint.dim(`${finding.severity} (waived)`) : severityPaint(paint, finding.severity)(finding.severity);
  const lines = [
    `${FINDING_INDENT}${printable(formatLocation(location))}  ${severity}  ${paint.bold(printable(finding.id))}  ${indentLines(finding.message, DETAIL_INDENT)}`,
  ];
  if (finding.waived) {
    lines.push(`${DETAIL_INDENT}${paint.dim(printable(waiverNote(finding.waived)))}`);
    return lines;
  }
  if (finding.severity === 'error') lines.push(...frameAt(manifest, location, options));
  for (const related of finding.related ?? []) {
    lines.push(`${DETAIL_INDENT}${paint.dim('related:')} ${formatLocation(related)}  ${indentLines(related.message, DETAIL_INDENT)}`);
    if (finding.severity === 'error') lines.push(...frameAt(manifest, related, options));
  }
  if (finding.remediation) {
    lines.push(`${DETAIL_INDENT}${paint.cyan('remediation:')} ${indentLines(finding.remediation, DETAIL_INDENT)}`);
  }
  return lines;
}

function renderProblem(manifest: ManifestReport, problem: Problem, paint: Palette, options: RenderOptions): string[] {
  const location = problemLocation(manifest, problem);
  const lines = [
    `${FINDING_INDENT}${printable(formatLocation(location))}  ${paint.red('error')}  ${paint.bold(printable(problem.code))}  ${indentLines(problem.message, DETAIL_INDENT)}`,
  ];
  lines.push(...frameAt(manifest, location, options));
  if (problem.hint) lines.push(`${DETAIL_INDENT}${paint.cyan('hint:')} ${indentLines(problem.hint, DETAIL_INDENT)}`);
  return lines;
}

function renderManifest(manifest: ManifestReport, paint: Palette, options: RenderOptions): string[] {
  const details = manifest.strategy ? `${manifest.status}, ${manifest.strategy}` : manifest.status;
  const lines = [`${paint.bold(printable(manifest.file))}  ${statusPaint(paint, manifest.status)(printable(details))}`];
  for (const problem of manifest.problems) lines.push(...renderProblem(manifest, problem, paint, options));
  for (const finding of manifest.findings) lines.push(...renderFinding(manifest, finding, paint, options));
  return lines;
}

export const textReporter: Reporter = {
  name: 'text',
  render(report: RunReport, options: RenderOptions): string {
    const paint = palette(options.color);
    const blocks = report.manifests.map((manifest) => renderManifest(manifest, paint, options).join('\n'));
    const verdict = summaryLine(report.summary);
    blocks.push(report.summary.failed ? paint.red(paint.bold(verdict)) : paint.green(paint.bold(verdict)));
    return safeOutput(`${blocks.join('\n\n')}\n`);
  },
};
