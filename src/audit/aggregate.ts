// Builds the audit report from its entries: sorted by path, totals computed from the entries
// alone, so the same entries give the same report however they were gathered (shards, workers).
import {
  AUDIT_STATUSES,
  FAILING_STATUSES,
  type AuditNote,
  type AuditReport,
  type AuditTotals,
  type CostFigures,
  type CostTotals,
  type RepositoryEntry,
  type RuleTotal,
  type WaiverReference,
} from './audit-report.ts';
import { compareText } from './compare-text.ts';

export function compareEntries(a: RepositoryEntry, b: RepositoryEntry): number {
  // The entry about the repository itself (manifest null) comes before its manifests.
  return compareText(a.path, b.path) || compareText(a.manifest ?? '', b.manifest ?? '');
}

export function createAuditReport(entries: readonly RepositoryEntry[], notes: readonly AuditNote[] = []): AuditReport {
  const repositories = [...entries].sort(compareEntries);
  const sortedNotes = [...new Map(notes.map((n) => [`${n.path}\u0000${n.message}`, n])).values()].sort(
    (a, b) => compareText(a.path, b.path) || compareText(a.message, b.message),
  );
  return { version: 1, repositories, totals: totalsOf(repositories), notes: sortedNotes };
}

export function totalsOf(entries: readonly RepositoryEntry[]): AuditTotals {
  const byStatus = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, 0])) as AuditTotals['byStatus'];
  const bySeverity = { error: 0, warning: 0, info: 0, waived: 0 };
  const rules = new Map<string, RuleTotal & { seen: Set<string> }>();
  const byStrategy = new Map<string, number>();
  const flows = new Map<string, Map<string, number>>();
  const expiring: WaiverReference[] = [];
  const expired: WaiverReference[] = [];
  let active = 0;
  let incomplete = 0;
  let manifests = 0;
  let failing = 0;

  for (const entry of entries) {
    byStatus[entry.status] += 1;
    if (FAILING_STATUSES.has(entry.status)) failing += 1;
    if (entry.manifest !== null) manifests += 1;
    if (entry.strategy !== null) byStrategy.set(entry.strategy, (byStrategy.get(entry.strategy) ?? 0) + 1);
    for (const finding of entry.findings) {
      if (finding.waived) bySeverity.waived += 1;
      else bySeverity[finding.severity] += 1;
      let rule = rules.get(finding.rule);
      if (!rule) rules.set(finding.rule, (rule = { findings: 0, waived: 0, repositories: 0, seen: new Set() }));
      if (finding.waived) rule.waived += 1;
      else rule.findings += 1;
      rule.seen.add(entry.path);
    }
    for (const flow of entry.dataFlows) {
      let byType = flows.get(flow.category);
      if (!byType) flows.set(flow.category, (byType = new Map()));
      byType.set(flow.targetType, (byType.get(flow.targetType) ?? 0) + 1);
    }
    for (const waiver of entry.waivers) {
      const reference = { path: entry.path, manifest: entry.manifest, ...waiver };
      if (waiver.state === 'expiring') expiring.push(reference);
      else if (waiver.state === 'expired') expired.push(reference);
      else if (waiver.state === 'active') active += 1;
      else incomplete += 1;
    }
  }

  const byRule: Record<string, RuleTotal> = {};
  for (const id of [...rules.keys()].sort(compareText)) {
    const rule = rules.get(id)!;
    byRule[id] = { findings: rule.findings, waived: rule.waived, repositories: rule.seen.size };
  }
  const soonestFirst = (a: WaiverReference, b: WaiverReference) =>
    (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || compareText(a.path, b.path) || compareText(a.manifest ?? '', b.manifest ?? '') || compareText(a.rule, b.rule);
  return {
    repositories: new Set(entries.map((e) => e.path)).size,
    manifests,
    failing,
    byStatus,
    bySeverity,
    byRule,
    byStrategy: sortedRecord(byStrategy),
    dataFlows: Object.fromEntries([...flows.keys()].sort(compareText).map((c) => [c, sortedRecord(flows.get(c)!)])),
    waivers: { active, incomplete, expiring: expiring.sort(soonestFirst), expired: expired.sort(soonestFirst) },
    cost: costTotalsOf(entries),
  };
}

const NO_COST: CostFigures = { apiMonthlyUsd: 0, selfHostedMonthlyUsd: 0, staffMonthlyUsd: 0, monthlyUsd: 0, manifests: 0, unpricedManifests: 0 };

function addFigures(a: CostFigures, b: CostFigures): CostFigures {
  return {
    apiMonthlyUsd: a.apiMonthlyUsd + b.apiMonthlyUsd,
    selfHostedMonthlyUsd: a.selfHostedMonthlyUsd + b.selfHostedMonthlyUsd,
    staffMonthlyUsd: a.staffMonthlyUsd + b.staffMonthlyUsd,
    monthlyUsd: a.monthlyUsd + b.monthlyUsd,
    manifests: a.manifests + b.manifests,
    unpricedManifests: a.unpricedManifests + b.unpricedManifests,
  };
}

/**
 * Sums in path order, whatever order the entries come in: floating-point sums depend on their
 * order, and a merged run must give the one-shot run's figures to the last digit.
 */
export function costTotalsOf(entries: readonly RepositoryEntry[]): CostTotals {
  const byPath = new Map<string, CostFigures>();
  for (const entry of [...entries].sort(compareEntries)) {
    // Reports written before entries carried cost have no `cost` at all.
    const cost = entry.cost ?? null;
    if (cost === null) continue;
    const figures = {
      apiMonthlyUsd: cost.apiMonthlyUsd,
      selfHostedMonthlyUsd: cost.selfHostedMonthlyUsd,
      staffMonthlyUsd: cost.staffMonthlyUsd,
      monthlyUsd: cost.monthlyUsd,
      manifests: 1,
      unpricedManifests: cost.unpriced.length > 0 ? 1 : 0,
    };
    byPath.set(entry.path, addFigures(byPath.get(entry.path) ?? NO_COST, figures));
  }
  const paths = [...byPath.keys()].sort(compareText);
  const byRepository = Object.fromEntries(paths.map((path) => [path, byPath.get(path)!]));
  return { ...paths.reduce((sum, path) => addFigures(sum, byPath.get(path)!), NO_COST), byRepository };
}

function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts.keys()].sort(compareText).map((k) => [k, counts.get(k)!]));
}
