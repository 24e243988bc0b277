// The machine format, versioned: the report as it is, in a fixed key order and with no timings,
// so shard reports merge and equal runs give equal files.
import type { AuditReport } from '../../audit/audit-report.ts';
import type { Reporter } from '../reporter.ts';

export const jsonAuditReporter: Reporter<AuditReport> = {
  name: 'json',
  render(report): string {
    const shard = report.shard ? { shard: report.shard } : {};
    return `${JSON.stringify({ version: report.version, ...shard, repositories: report.repositories, totals: report.totals, notes: report.notes ?? [] }, null, 2)}\n`;
  },
};
