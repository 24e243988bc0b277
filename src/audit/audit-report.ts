// The audit report data model: one entry per repository (per manifest in a repository that holds
// several) and totals derived from the entries alone, so shard reports merge into the same report.
import type { CostSummary } from '../judge/cost-summary.ts';

/** `none`: no manifest and none expected; `missing`: none under --expect-manifest; `error`: the folder could not be searched. */
export type AuditStatus = 'pass' | 'fail' | 'invalid' | 'error' | 'missing' | 'none';

export const AUDIT_STATUSES: readonly AuditStatus[] = ['pass', 'fail', 'invalid', 'error', 'missing', 'none'];

/** Statuses that make the audit exit 1. */
export const FAILING_STATUSES: ReadonlySet<AuditStatus> = new Set(['fail', 'invalid', 'error', 'missing']);

export interface AuditCounts {
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
  problems: number;
}

export interface AuditFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number | null;
  column: number | null;
  /** The file `line` and `column` are in, as shown, when it is not the manifest (a gateway or cluster file). */
  file?: string;
  waived: boolean;
}

export interface AuditProblem {
  code: string;
  message: string;
  line: number | null;
  column: number | null;
  /** The file `line` and `column` are in, as shown, when it is not the manifest. */
  file?: string;
}

/** `expiring`: active and ending within the waiver horizon; `incomplete`: lacks a reason, approver or date. */
export type WaiverState = 'active' | 'expiring' | 'expired' | 'incomplete';

export interface AuditWaiver {
  rule: string;
  target: string | null;
  expires: string | null;
  /** Days from the audit's day to `expires` (negative once expired); null without a date. */
  daysLeft: number | null;
  state: WaiverState;
}

/** A data category that reaches a target type in a manifest (by route, default or burst). */
export interface DataFlow {
  category: string;
  targetType: string;
}

export interface RepositoryEntry {
  /** The repository folder as found (root as given, then the relative path), forward slashes. */
  path: string;
  /** Relative to the repository; null when the entry is about the repository itself. */
  manifest: string | null;
  strategy: string | null;
  status: AuditStatus;
  counts: AuditCounts;
  findings: AuditFinding[];
  problems: AuditProblem[];
  waivers: AuditWaiver[];
  dataFlows: DataFlow[];
  /** The manifest's monthly cost; null when it was not judged or the rules carry no cost settings. */
  cost: CostSummary | null;
}

export interface RuleTotal {
  /** Findings not waived. */
  findings: number;
  waived: number;
  /** Distinct repositories with at least one finding of the rule. */
  repositories: number;
}

/** Monthly USD, unrounded. Staff is the MLOps team the own targets need, apart from their hardware. */
export interface CostFigures {
  apiMonthlyUsd: number;
  selfHostedMonthlyUsd: number;
  staffMonthlyUsd: number;
  monthlyUsd: number;
  /** Manifests whose figures these are. */
  manifests: number;
  /** Of them, manifests with a target that could not be priced: their figures are floors. */
  unpricedManifests: number;
}

/** The organisation's figures are the sum of its repositories', in path order. */
export interface CostTotals extends CostFigures {
  /** Repositories with at least one manifest with cost figures, by path. */
  byRepository: Record<string, CostFigures>;
}

export interface WaiverReference extends AuditWaiver {
  path: string;
  manifest: string | null;
}

export interface AuditTotals {
  repositories: number;
  manifests: number;
  /** Entries that make the audit fail. */
  failing: number;
  byStatus: Record<AuditStatus, number>;
  bySeverity: { error: number; warning: number; info: number; waived: number };
  byRule: Record<string, RuleTotal>;
  /** Manifests by deployment strategy. */
  byStrategy: Record<string, number>;
  /** Manifests in which data of a category reaches a target type: category -> target type -> count. */
  dataFlows: Record<string, Record<string, number>>;
  waivers: { active: number; incomplete: number; expiring: WaiverReference[]; expired: WaiverReference[] };
  /** Monthly cost per repository and for the organisation. */
  cost: CostTotals;
}

/** Something the audit passed by on purpose (a link out of the roots, a link loop): never a failure. */
export interface AuditNote {
  path: string;
  message: string;
}

/** Which part of a sharded run a report is: merging needs every part of one run, each once. */
export interface ShardIdentity {
  /** 1-based. */
  index: number;
  count: number;
  /** Identifies the run: the same for every shard of one command line, different for another. */
  run: string;
}

export interface AuditReport {
  version: 1;
  repositories: RepositoryEntry[];
  totals: AuditTotals;
  /** Sorted by path, then message. */
  notes: AuditNote[];
  /** Only on the report of one shard (`--shard I/N`). */
  shard?: ShardIdentity;
}
