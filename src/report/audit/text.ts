// The default format, for people at a terminal: a table of repositories, the problems that kept
// manifests from being judged, then totals by rule, strategy, data flow and waiver, and a verdict.
import { palette, type Palette, type Paint } from '../ansi.ts';
import type { AuditReport, AuditStatus, CostFigures, RepositoryEntry, WaiverReference } from '../../audit/audit-report.ts';
import { usd } from '../../cost/format/human-numbers.ts';
import type { Reporter } from '../reporter.ts';
import { printable, safeOutput } from '../printable.ts';
import { auditSummaryLine, plural } from './summary.ts';

// Names and messages from users' files are shown escaped, never sent to the terminal raw.
const plain = printable;

function statusPaint(paint: Palette, status: AuditStatus): Paint {
  if (status === 'pass') return paint.green;
  if (status === 'fail' || status === 'error' || status === 'missing') return paint.red;
  if (status === 'invalid') return paint.yellow;
  return paint.dim;
}

/** Pads cells before painting, so colour codes never upset the alignment. */
function table(header: string[], rows: string[][], numeric: ReadonlySet<number>, paintCell: (row: number, col: number, text: string) => string, indent = ''): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[], paintOf: (col: number, text: string) => string) =>
    indent + cells.map((cell, i) => paintOf(i, numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header, (_, t) => t), ...rows.map((r, ri) => line(r, (ci, t) => paintCell(ri, ci, t)))];
}

function repositoryTable(entries: RepositoryEntry[], paint: Palette): string[] {
  const rows = entries.map((e) => [
    plain(e.path),
    plain(e.manifest ?? '-'),
    plain(e.strategy ?? '-'),
    e.status,
    String(e.counts.errors),
    String(e.counts.warnings),
    String(e.counts.waived),
    String(e.counts.problems),
  ]);
  const header = ['REPOSITORY', 'MANIFEST', 'STRATEGY', 'STATUS', 'ERRORS', 'WARNINGS', 'WAIVED', 'PROBLEMS'];
  return table(header, rows, new Set([4, 5, 6, 7]), (r, c, t) => (c === 3 ? statusPaint(paint, entries[r]!.status)(t) : t));
}

function problemLines(entries: RepositoryEntry[], paint: Palette): string[] {
  const lines: string[] = [];
  for (const e of entries) {
    for (const p of e.problems) {
      const file = p.file ?? (e.manifest === null ? e.path : `${e.path}/${e.manifest}`);
      const at = p.line === null ? file : `${file}:${p.line}:${p.column ?? 1}`;
      lines.push(`  ${plain(at)}  ${paint.yellow(p.code)}  ${plain(p.message)}`);
    }
  }
  return lines.length > 0 ? ['', paint.bold('Problems'), ...lines] : [];
}

function waiverLine(w: WaiverReference): string {
  const where = w.manifest === null ? w.path : `${w.path}/${w.manifest}`;
  const when = w.daysLeft === null ? '' : w.daysLeft < 0 ? `, ${plural(-w.daysLeft, 'day', 'days')} ago` : w.daysLeft === 0 ? ', today' : `, in ${plural(w.daysLeft, 'day', 'days')}`;
  return `  ${plain(where)}  ${plain(w.rule)}${w.target ? ` (${plain(w.target)})` : ''}  expires ${w.expires}${when}`;
}

export const textAuditReporter: Reporter<AuditReport> = {
  name: 'text',
  render(report, options): string {
    const paint = palette(options.color);
    const t = report.totals;
    const out = [...repositoryTable(report.repositories, paint), ...problemLines(report.repositories, paint)];

    const rules = Object.entries(t.byRule).sort((a, b) => b[1].findings - a[1].findings || (a[0] < b[0] ? -1 : 1));
    if (rules.length > 0) {
      out.push('', paint.bold('Findings by rule'));
      out.push(...table(['RULE', 'FINDINGS', 'WAIVED', 'REPOSITORIES'], rules.map(([id, r]) => [plain(id), String(r.findings), String(r.waived), String(r.repositories)]), new Set([1, 2, 3]), (_, __, s) => s, '  '));
    }
    const strategies = Object.entries(t.byStrategy);
    if (strategies.length > 0) {
      out.push('', paint.bold('Manifests by strategy'));
      out.push(...table(['STRATEGY', 'MANIFESTS'], strategies.map(([s, n]) => [plain(s), String(n)]), new Set([1]), (_, __, s) => s, '  '));
    }
    if (t.cost.manifests > 0) {
      const costRow = (name: string, f: CostFigures) => [name, String(f.manifests), ...[f.apiMonthlyUsd, f.selfHostedMonthlyUsd, f.staffMonthlyUsd, f.monthlyUsd].map(usd)];
      const rows = [...Object.entries(t.cost.byRepository).map(([path, f]) => costRow(plain(path), f)), costRow('organisation', t.cost)];
      out.push('', paint.bold('Monthly cost'));
      out.push(...table(['REPOSITORY', 'MANIFESTS', 'APIS', 'SELF-HOSTED', 'STAFF', 'TOTAL'], rows, new Set([1, 2, 3, 4, 5]), (_, __, s) => s, '  '));
      if (t.cost.unpricedManifests > 0) out.push(`  ${t.cost.unpricedManifests} of ${t.cost.manifests} manifests have a target that could not be priced: their figures leave it out.`);
    }
    const categories = Object.keys(t.dataFlows);
    if (categories.length > 0) {
      const types = [...new Set(categories.flatMap((c) => Object.keys(t.dataFlows[c]!)))].sort();
      out.push('', paint.bold('Manifests where data of a category reaches a target type'));
      const rows = categories.map((c) => [plain(c), ...types.map((type) => String(t.dataFlows[c]![type] ?? 0))]);
      out.push(...table(['CATEGORY', ...types], rows, new Set(types.map((_, i) => i + 1)), (_, __, s) => s, '  '));
    }
    if (t.waivers.expiring.length > 0) out.push('', paint.bold('Waivers expiring soon'), ...t.waivers.expiring.map(waiverLine));
    if (t.waivers.expired.length > 0) out.push('', paint.bold('Expired waivers'), ...t.waivers.expired.map(waiverLine));
    const notes = report.notes ?? [];
    if (notes.length > 0) out.push('', paint.bold('Notes'), ...notes.map((n) => `  ${plain(n.path)}  ${plain(n.message)}`));
    const verdict = auditSummaryLine(t);
    out.push('', t.failing > 0 ? paint.red(verdict) : paint.green(verdict));
    return safeOutput(`${out.join('\n')}\n`);
  },
};
