// Hand-built report entries for tests of the pure parts: totals, merge and formats.
import type { AuditFinding, RepositoryEntry } from '../../src/audit/audit-report.ts';
import { countOf } from '../../src/audit/verdict.ts';

export function finding(rule: string, severity: AuditFinding['severity'] = 'error', waived = false): AuditFinding {
  return { rule, severity, message: `${rule} says no`, line: 3, column: 5, waived };
}

export function entry(path: string, over: Partial<RepositoryEntry> = {}): RepositoryEntry {
  const findings = over.findings ?? [];
  const problems = over.problems ?? [];
  return {
    path,
    manifest: 'routewise.yaml',
    strategy: 'cloud-api',
    status: 'pass',
    counts: countOf(findings, problems.length),
    findings,
    problems,
    waivers: [],
    dataFlows: [],
    cost: null,
    ...over,
  };
}

/** An entry's monthly cost: APIs, self-hosted and staff, and the targets no price book could price. */
export function monthlyCost(api: number, selfHosted: number, staff: number, unpriced: string[] = []): NonNullable<RepositoryEntry['cost']> {
  return { apiMonthlyUsd: api, selfHostedMonthlyUsd: selfHosted, staffMonthlyUsd: staff, monthlyUsd: api + selfHosted + staff, budgetMonthlyUsd: null, unpriced };
}
