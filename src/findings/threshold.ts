// The fail threshold (`--fail-on`) and the exit codes every command shares:
// 0 nothing at or above the threshold, 1 something is, 2 the manifests could not be judged.
import type { Problem } from '../problems/problem.ts';
import type { Finding, Severity } from '../policy/finding.ts';

export type FailOn = Severity | 'never';

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

export type ExitCode = 0 | 1 | 2;

export const EXIT_OK: ExitCode = 0;
export const EXIT_FINDINGS: ExitCode = 1;
export const EXIT_CANNOT_JUDGE: ExitCode = 2;

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function parseFailOn(value: string): FailOn | undefined {
  return (FAIL_ON_VALUES as readonly string[]).includes(value) ? (value as FailOn) : undefined;
}

export function isAtOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

/** Waived findings never fail, whatever their severity. */
export function failsThreshold(finding: Finding, failOn: FailOn): boolean {
  return !finding.waived && isAtOrAbove(finding.severity, failOn);
}

export function findingsFail(findings: readonly Finding[], failOn: FailOn): boolean {
  return findings.some((finding) => failsThreshold(finding, failOn));
}

/** A problem anywhere wins over findings: a run that could not judge everything never passes or merely fails. */
export function exitCodeFor(
  manifests: readonly { problems: readonly Problem[]; findings: readonly Finding[] }[],
  failOn: FailOn,
): ExitCode {
  if (manifests.some((manifest) => manifest.problems.length > 0)) return EXIT_CANNOT_JUDGE;
  if (manifests.some((manifest) => findingsFail(manifest.findings, failOn))) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** A manifest that could not be judged is `invalid`; otherwise it fails at the threshold or passes. */
export type ManifestStatus = 'pass' | 'fail' | 'invalid';

export function manifestStatus(manifest: { problems: readonly Problem[]; findings: readonly Finding[] }, failOn: FailOn): ManifestStatus {
  if (manifest.problems.length > 0) return 'invalid';
  return findingsFail(manifest.findings, failOn) ? 'fail' : 'pass';
}
