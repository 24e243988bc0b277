// The report data model: everything a `check` run found, the one value every format renders.
// Statuses and the summary are derived here so all formats agree on them.
import type { RuleInfo } from '../engine/engine.ts';
import type { Finding } from '../findings/finding.ts';
import { exitCodeFor, findingsFail, type FailOn } from '../findings/threshold.ts';
import type { Problem } from '../problems/problem.ts';

/** The rule id under which formats that only know rules (SARIF, JUnit) report an invalid manifest. */
export const INVALID_MANIFEST_RULE = 'routewise/invalid-manifest';

export type ManifestStatus = 'pass' | 'fail' | 'invalid';

export interface ManifestReport {
  /** Relative to the working directory or repository root, with forward slashes. */
  file: string;
  status: ManifestStatus;
  strategy?: string;
  /** Load, schema and policy errors; any makes the manifest `invalid`. Positions use `file`'s form. */
  problems: Problem[];
  findings: Finding[];
  /** Ids of the rules evaluated on this manifest. */
  rulesEvaluated: string[];
  /** The manifest text, for code frames; never serialised. */
  source?: string;
  /** Texts of the other files findings point into (gateway, cluster configs), by file; never serialised. */
  sourceTexts?: Record<string, string>;
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

export type ManifestInput = Omit<ManifestReport, 'status'>;

export function manifestStatus(manifest: Pick<ManifestReport, 'problems' | 'findings'>, failOn: FailOn): ManifestStatus {
  if (manifest.problems.length > 0) return 'invalid';
  return findingsFail(manifest.findings, failOn) ? 'fail' : 'pass';
}

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
    for (const finding of manifest.findings) {
      if (finding.waived) summary.waived += 1;
      else if (finding.severity === 'error') summary.errors += 1;
      else if (finding.severity === 'warning') summary.warnings += 1;
      else summary.infos += 1;
    }
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
