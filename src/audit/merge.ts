// Combines the JSON reports of shards into one report. Entries are taken as they are and the
// totals recomputed, so a merged run equals the one-shot run over the same repositories.
import type { Problem, Result } from '../problems/problem.ts';
import { createAuditReport } from './aggregate.ts';
import type { AuditNote, AuditReport, RepositoryEntry } from './audit-report.ts';

export interface ShardReport {
  /** Where the report came from, for messages. */
  name: string;
  document: unknown;
}

export function mergeReports(shards: readonly ShardReport[]): Result<AuditReport> {
  const problems: Problem[] = [];
  const entries: RepositoryEntry[] = [];
  const notes: AuditNote[] = [];
  const seen = new Map<string, string>();
  for (const shard of shards) {
    const doc = shard.document as Partial<AuditReport> | null;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray(doc.repositories)) {
      problems.push({ code: 'not-an-audit-report', message: `${shard.name} is not an audit JSON report (no "repositories" list)`, hint: 'write shard reports with --format json=FILE' });
      continue;
    }
    if (doc.version !== 1) {
      problems.push({ code: 'unsupported-report-version', message: `${shard.name} has report version ${JSON.stringify(doc.version)}; this routewise reads version 1` });
      continue;
    }
    if (Array.isArray(doc.notes)) notes.push(...doc.notes);
    for (const entry of doc.repositories) {
      const key = `${entry.path}\u0000${entry.manifest ?? ''}`;
      const other = seen.get(key);
      if (other !== undefined) {
        problems.push({
          code: 'overlapping-shards',
          message: `${entry.path}${entry.manifest ? ` (${entry.manifest})` : ''} is in both ${other} and ${shard.name}`,
          hint: 'merge the reports of one sharded run, each shard once',
        });
        continue;
      }
      seen.set(key, shard.name);
      // A shard written before entries carried cost reads as one without cost figures.
      entries.push({ ...entry, cost: entry.cost ?? null });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: createAuditReport(entries, notes) };
}
