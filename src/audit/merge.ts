// Combines the JSON reports of shards into one report. Entries are taken as they are and the
// totals recomputed, so a merged run equals the one-shot run over the same repositories.
import type { Problem, Result } from '../problems/problem.ts';
import { createAuditReport } from './aggregate.ts';
import type { AuditNote, AuditReport, RepositoryEntry, ShardIdentity } from './audit-report.ts';

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
  const identities: { name: string; shard: ShardIdentity | undefined }[] = [];
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
    identities.push({ name: shard.name, shard: shardOf(doc.shard) });
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
  if (problems.length === 0) problems.push(...completeness(identities));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: createAuditReport(entries, notes) };
}

function shardOf(value: unknown): ShardIdentity | undefined {
  const v = value as Partial<ShardIdentity> | null | undefined;
  if (typeof v !== 'object' || v === null) return undefined;
  if (!Number.isInteger(v.index) || !Number.isInteger(v.count) || typeof v.run !== 'string') return undefined;
  return { index: v.index!, count: v.count!, run: v.run };
}

/**
 * A merged report claims to cover the whole run, so the reports must be every shard of one run,
 * each once: a missing shard would silently drop repositories, a shard of another run would mix
 * two judgements.
 */
function completeness(reports: readonly { name: string; shard: ShardIdentity | undefined }[]): Problem[] {
  const unsharded = reports.filter((r) => r.shard === undefined);
  if (unsharded.length > 0) {
    return unsharded.map((r) => ({
      code: 'not-a-shard-report',
      message: `${r.name} is not the report of a shard (it was written without --shard), so it cannot be merged`,
      hint: 'merge the JSON reports of one `routewise audit --shard I/N` run, every shard once',
    }));
  }
  const first = reports[0]!.shard!;
  const problems: Problem[] = [];
  for (const r of reports.slice(1)) {
    if (r.shard!.run !== first.run || r.shard!.count !== first.count) {
      problems.push({
        code: 'mixed-shard-runs',
        message: `${r.name} is shard ${r.shard!.index}/${r.shard!.count} of run ${r.shard!.run}, but ${reports[0]!.name} is of run ${first.run} (${first.count} shards)`,
        hint: 'merge the reports of one run only: the same roots, rules, settings, --now and shard count',
      });
    }
  }
  if (problems.length > 0) return problems;
  const byIndex = new Map<number, string>();
  for (const r of reports) {
    const other = byIndex.get(r.shard!.index);
    if (other !== undefined) {
      problems.push({ code: 'overlapping-shards', message: `${other} and ${r.name} are both shard ${r.shard!.index}/${first.count}`, hint: 'merge each shard once' });
    }
    byIndex.set(r.shard!.index, r.name);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    problems.push({
      code: 'missing-shards',
      message: `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${first.count}`).join(', ')} of run ${first.run} ${missing.length > 1 ? 'are' : 'is'} missing; a merged report would leave out their repositories`,
      hint: 'pass the JSON report of every shard of the run',
    });
  }
  return problems;
}
