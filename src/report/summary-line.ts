// The one-line verdict shared by the text and markdown formats:
// "2 manifests, 3 errors, 1 warning, 1 waived: failed".
import type { RunSummary } from './run-report.ts';

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Manifests, errors and warnings always; infos, waived and problems only when there are some. */
export function summaryLine(summary: RunSummary): string {
  const parts = [
    count(summary.manifests, 'manifest'),
    count(summary.errors, 'error'),
    count(summary.warnings, 'warning'),
  ];
  if (summary.infos > 0) parts.push(count(summary.infos, 'info', 'infos'));
  if (summary.waived > 0) parts.push(`${summary.waived} waived`);
  if (summary.problems > 0) parts.push(count(summary.problems, 'problem'));
  return `${parts.join(', ')}: ${summary.failed ? 'failed' : 'passed'}`;
}
