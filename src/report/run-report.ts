// The report data model: everything a `check` run found, the one value every format renders.
// Statuses and the summary are derived here so all formats agree on them.
import type { RuleInfo } from '../policy/engine.ts';
import { countFindings } from '../findings/counts.ts';
import { exitCodeFor, manifestStatus, type FailOn, type ManifestStatus } from '../findings/threshold.ts';
import type { ManifestJudgement } from '../judge/judge-manifest.ts';

/** The rule id under which formats that only know rules (SARIF, JUnit) report an invalid manifest. */
export const INVALID_MANIFEST_RULE = 'routewise/invalid-manifest';

export type { ManifestStatus };

export interface ManifestReport extends ManifestJudgement {
  status: ManifestStatus;
}

export interface RunSummary {
  manifests: number;
  /** Severity counts leave out waived findings, which are counted in `waived`. */
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
  problems: number;
  /** True when the run exits non-zero: a problem, or a finding at or above the threshold. */
  failed: boolean;
}

export interface RunReport {
  version: 1;
  tool: { name: string; version: string };
  failOn: FailOn;
  manifests: ManifestReport[];
  rules: RuleInfo[];
  summary: RunSummary;
}

/** A manifest's part of the report before the threshold gives it a status. */
export type ManifestInput = ManifestJudgement;

export function summarize(manifests: readonly ManifestReport[], failOn: FailOn): RunSummary {
  const summary: RunSummary = {
    manifests: manifests.length,
    errors: 0,
    warnings: 0,
    infos: 0,
    waived: 0,
    problems: 0,
    failed: exitCodeFor(manifests, failOn) !== 0,
  };
  for (const manifest of manifests) {
    summary.problems += manifest.problems.length;
    countFindings(manifest.findings, summary);
  }
  return summary;
}

/** Builds a complete report: each manifest's status and the summary follow from `failOn`. */
export function createRunReport(input: {
  tool: { name: string; version: string };
  failOn: FailOn;
  manifests: readonly ManifestInput[];
  rules: readonly RuleInfo[];
}): RunReport {
  const manifests = input.manifests.map((manifest) => ({ ...manifest, status: manifestStatus(manifest, input.failOn) }));
  return {
    version: 1,
    tool: { ...input.tool },
    failOn: input.failOn,
    manifests,
    rules: [...input.rules],
    summary: summarize(manifests, input.failOn),
  };
}
