// The one-line verdict of an audit, shared by the text and markdown formats.
import { AUDIT_STATUSES, type AuditTotals } from '../../audit/audit-report.ts';

export function auditSummaryLine(totals: AuditTotals): string {
  const statuses = AUDIT_STATUSES.filter((s) => totals.byStatus[s] > 0).map((s) => `${totals.byStatus[s]} ${s}`);
  const s = totals.bySeverity;
  return (
    `${plural(totals.repositories, 'repository', 'repositories')}, ${plural(totals.manifests, 'manifest', 'manifests')}` +
    `${statuses.length > 0 ? ` (${statuses.join(', ')})` : ''}: ` +
    `${plural(s.error, 'error', 'errors')}, ${plural(s.warning, 'warning', 'warnings')}, ${s.info} info, ${s.waived} waived` +
    `${totals.failing > 0 ? `; ${totals.failing} failing` : ''}`
  );
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
