// Writes the SARIF report for code scanning, where the workflow's upload step will find it: inside
// the workspace or the runner's scratch folder, never through a link the pull request committed.
import type { RunReport } from '../report/run-report.ts';
import { sarifReporter } from '../report/check/sarif.ts';
import { writeReportFile } from '../runner/write-report.ts';

export function writeSarifFile(report: RunReport, path: string, within: readonly string[]): void {
  const text = sarifReporter.render(report, { color: false });
  writeReportFile(path, path, text.endsWith('\n') ? text : `${text}\n`, { within, withinName: 'the workspace', advice: 'set sarif-file to' });
}
