// The one line a failed Action run ends with: why it failed, counted, so the checks list says
// enough without opening the log.
import { failsThreshold } from '../findings/threshold.ts';
import { formatLocation, problemLocation } from '../report/location.ts';
import type { RunReport } from '../report/run-report.ts';

function count(n: number, singular: string): string {
  return `${n} ${singular}${n === 1 ? '' : 's'}`;
}

/** Undefined when the run passes; otherwise the reason, starting with what could not be judged. */
export function failureReason(report: RunReport): string | undefined {
  if (!report.summary.failed) return undefined;
  const parts: string[] = [];
  const invalid = report.manifests.filter((manifest) => manifest.status === 'invalid');
  if (invalid.length > 0) {
    const first = invalid[0]!;
    const problem = first.problems[0]!;
    parts.push(
      `${count(invalid.length, 'manifest')} could not be judged (${formatLocation(problemLocation(first, problem))}: ${problem.message}` +
        `${report.summary.problems > 1 ? `, and ${count(report.summary.problems - 1, 'more problem')}` : ''})`,
    );
  }
  const failing = report.manifests.filter((manifest) => manifest.status === 'fail');
  if (failing.length > 0) {
    const findings = failing.flatMap((manifest) => manifest.findings).filter((finding) => failsThreshold(finding, report.failOn));
    parts.push(`${count(findings.length, 'finding')} at or above fail-on ${report.failOn} in ${count(failing.length, 'manifest')}`);
  }
  return `routewise: ${parts.join('; ')}`;
}
