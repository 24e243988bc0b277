// The one-line verdict of an audit, shared by the text and markdown formats.
import { AUDIT_STATUSES, type AuditStatus, type AuditTotals } from '../../audit/audit-report.ts';

/**
 * Statuses of judged manifests; the others (error, missing, none) are of repositories as a whole,
 * so each group adds up to the number it follows.
 */
const MANIFEST_STATUSES: ReadonlySet<AuditStatus> = new Set(['pass', 'fail', 'invalid']);

export function auditSummaryLine(totals: AuditTotals): string {
  const parts = (manifest: boolean) =>
    AUDIT_STATUSES.filter((s) => MANIFEST_STATUSES.has(s) === manifest && totals.byStatus[s] > 0).map((s) => `${totals.byStatus[s]} ${s}`);
  const ofManifests = parts(true);
  const ofRepositories = parts(false);
  const others = ofRepositories.length > 0 ? `; ${plural(AUDIT_STATUSES.filter((st) => !MANIFEST_STATUSES.has(st)).reduce((n, st) => n + totals.byStatus[st], 0), 'repository', 'repositories')} without a judged manifest (${ofRepositories.join(', ')})` : '';
  const s = totals.bySeverity;
  return (
    `${plural(totals.repositories, 'repository', 'repositories')}, ${plural(totals.manifests, 'manifest', 'manifests')}` +
    `${ofManifests.length > 0 ? ` (${ofManifests.join(', ')})` : ''}${others}: ` +
    `${plural(s.error, 'error', 'errors')}, ${plural(s.warning, 'warning', 'warnings')}, ${s.info} info, ${s.waived} waived` +
    `${totals.failing > 0 ? `; ${totals.failing} failing` : ''}`
  );
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
