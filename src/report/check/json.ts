// The machine format: versioned, complete and in a fixed key order, so consumers can rely on
// every key being present (null when unknown) and diffs between runs stay readable.
import type { RuleInfo } from '../../policy/engine.ts';
import type { Finding, Waiver } from '../../policy/finding.ts';
import type { Problem } from '../../problems/problem.ts';
import { findingLocation, problemLocation } from '../location.ts';
import type { Reporter } from '../reporter.ts';
import type { ManifestReport, RunReport } from '../run-report.ts';

function waiverJson(waiver: Waiver) {
  return {
    rule: waiver.rule,
    target: waiver.target ?? null,
    reason: waiver.reason ?? null,
    approvedBy: waiver.approvedBy ?? null,
    expires: waiver.expires ?? null,
  };
}

function findingJson(manifest: ManifestReport, finding: Finding) {
  const location = findingLocation(manifest, finding);
  return {
    id: finding.id,
    severity: finding.severity,
    title: finding.title ?? null,
    message: finding.message,
    file: location.file,
    line: location.line ?? null,
    column: location.column ?? null,
    path: finding.path,
    remediation: finding.remediation ?? null,
    subject: finding.subject
      ? {
          target: finding.subject.target ?? null,
          dataClass: finding.subject.dataClass ?? null,
          workload: finding.subject.workload ?? null,
        }
      : null,
    waived: finding.waived ? waiverJson(finding.waived) : false,
    related: (finding.related ?? []).map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message })),
  };
}

function problemJson(manifest: ManifestReport, problem: Problem) {
  const location = problemLocation(manifest, problem);
  return {
    code: problem.code,
    message: problem.message,
    file: location.file,
    line: location.line ?? null,
    column: location.column ?? null,
    path: problem.path ?? null,
    hint: problem.hint ?? null,
  };
}

function manifestJson(manifest: ManifestReport) {
  // `source` stays out: it is the user's file, already on disk.
  return {
    file: manifest.file,
    status: manifest.status,
    strategy: manifest.strategy ?? null,
    problems: manifest.problems.map((problem) => problemJson(manifest, problem)),
    findings: manifest.findings.map((finding) => findingJson(manifest, finding)),
    rulesEvaluated: manifest.rulesEvaluated,
  };
}

function ruleJson(rule: RuleInfo) {
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    severity: rule.severity,
    remediation: rule.remediation,
    guidance: rule.guidance ?? null,
    source: rule.source ?? null,
  };
}

/** The JSON document, as a value (the audit command embeds it). */
export function reportJson(report: RunReport) {
  const summary = report.summary;
  return {
    version: report.version,
    tool: { name: report.tool.name, version: report.tool.version },
    failOn: report.failOn,
    manifests: report.manifests.map(manifestJson),
    rules: report.rules.map(ruleJson),
    summary: {
      manifests: summary.manifests,
      errors: summary.errors,
      warnings: summary.warnings,
      infos: summary.infos,
      waived: summary.waived,
      problems: summary.problems,
      failed: summary.failed,
    },
  };
}

export const jsonReporter: Reporter = {
  name: 'json',
  render(report: RunReport): string {
    return `${JSON.stringify(reportJson(report), null, 2)}\n`;
  },
};
