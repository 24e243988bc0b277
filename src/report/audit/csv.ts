// CSV for spreadsheets (RFC 4180): one row per repository entry with its counts and monthly cost
// (in dollars to the cent, empty when the entry has no cost figures, so a sum over a column is the
// organisation's). Fields holding a comma, quote or line break are quoted, and cells a spreadsheet
// would run as a formula are defused.
import type { AuditReport, RepositoryEntry } from '../../audit/audit-report.ts';
import type { Reporter } from '../reporter.ts';

const HEADER = [
  'path',
  'manifest',
  'strategy',
  'status',
  'errors',
  'warnings',
  'infos',
  'waived',
  'problems',
  'rules',
  'api_monthly_usd',
  'self_hosted_monthly_usd',
  'staff_monthly_usd',
  'monthly_usd',
  'unpriced',
];

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A leading =, +, - or @ makes spreadsheet programs evaluate the cell.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(entry: RepositoryEntry): string {
  const rules = [...new Set(entry.findings.filter((f) => !f.waived).map((f) => f.rule))].join(' ');
  const c = entry.counts;
  const cost = entry.cost ?? null;
  const money = (usd: number | undefined) => (usd === undefined ? null : usd.toFixed(2));
  const costCells = [money(cost?.apiMonthlyUsd), money(cost?.selfHostedMonthlyUsd), money(cost?.staffMonthlyUsd), money(cost?.monthlyUsd), cost ? cost.unpriced.join(' ') : null];
  return [entry.path, entry.manifest, entry.strategy, entry.status, c.errors, c.warnings, c.infos, c.waived, c.problems, rules, ...costCells].map(csvField).join(',');
}

export const csvAuditReporter: Reporter<AuditReport> = {
  name: 'csv',
  render(report): string {
    return [HEADER.join(','), ...report.repositories.map(row)].map((line) => `${line}\r\n`).join('');
  },
};
