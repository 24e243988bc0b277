// Markdown for job summaries and issues: the verdict, a table of repositories and the totals.
// Every user-supplied text is escaped so it can neither break a table nor turn into markup.
import { markdownMoney, markdownText } from '../markdown-text.ts';
import { usd } from '../../cost/format/human-numbers.ts';
import type { AuditReport, CostFigures, CostTotals, RepositoryEntry, WaiverReference } from '../../audit/audit-report.ts';
import type { Reporter } from '../reporter.ts';
import { auditSummaryLine } from './summary.ts';

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableOf(header: string[], rows: (string | number)[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

function code(text: string | null): string {
  return text === null ? '-' : markdownText(text);
}

function repositoryRow(e: RepositoryEntry): (string | number)[] {
  const status = e.status === 'pass' || e.status === 'none' ? e.status : `**${e.status}**`;
  const problems = e.problems.map((p) => `${markdownText(p.code)}: ${markdownText(p.message)}`).join('<br>');
  return [code(e.path), code(e.manifest), code(e.strategy), status, e.counts.errors, e.counts.warnings, e.counts.waived, problems];
}

function waiverRow(w: WaiverReference): (string | number)[] {
  return [code(w.path), code(w.manifest), code(w.rule), code(w.target), code(w.expires), w.daysLeft ?? '-'];
}

function costRow(name: string, f: CostFigures): (string | number)[] {
  return [name, f.manifests, ...[f.apiMonthlyUsd, f.selfHostedMonthlyUsd, f.staffMonthlyUsd, f.monthlyUsd].map((v) => markdownMoney(usd(v)))];
}

/** Per repository and for the organisation; empty when no manifest has cost figures. */
function costSection(cost: CostTotals): string[] {
  if (cost.manifests === 0) return [];
  const rows = Object.entries(cost.byRepository).map(([path, f]) => costRow(code(path), f));
  rows.push(costRow('**organisation**', cost));
  const floors = cost.unpricedManifests > 0 ? ['', `${cost.unpricedManifests} of ${cost.manifests} manifests have a target that could not be priced: their figures leave it out.`] : [];
  return ['### Monthly cost', '', ...tableOf(['Repository', 'Manifests', 'APIs', 'Self-hosted', 'Staff', 'Total'], rows), ...floors];
}

export const markdownAuditReporter: Reporter<AuditReport> = {
  name: 'markdown',
  render(report): string {
    const t = report.totals;
    const sections: string[][] = [
      [`## routewise audit ${t.failing > 0 ? 'failed' : 'passed'}`],
      [`**${markdownText(auditSummaryLine(t))}**`],
      ['### Repositories', '', ...tableOf(['Repository', 'Manifest', 'Strategy', 'Status', 'Errors', 'Warnings', 'Waived', 'Problems'], report.repositories.map(repositoryRow))],
    ];
    const cost = costSection(t.cost);
    if (cost.length > 0) sections.push(cost);
    const rules = Object.entries(t.byRule);
    if (rules.length > 0) {
      sections.push(['### Findings by rule', '', ...tableOf(['Rule', 'Findings', 'Waived', 'Repositories'], rules.map(([id, r]) => [code(id), r.findings, r.waived, r.repositories]))]);
    }
    const strategies = Object.entries(t.byStrategy);
    if (strategies.length > 0) sections.push(['### Manifests by strategy', '', ...tableOf(['Strategy', 'Manifests'], strategies.map(([s, n]) => [code(s), n]))]);
    const categories = Object.keys(t.dataFlows);
    if (categories.length > 0) {
      const types = [...new Set(categories.flatMap((c) => Object.keys(t.dataFlows[c]!)))].sort();
      sections.push([
        '### Data categories reaching each target type',
        '',
        ...tableOf(['Category', ...types.map(markdownText)], categories.map((c) => [code(c), ...types.map((type) => t.dataFlows[c]![type] ?? 0)])),
      ]);
    }
    const waiverHeader = ['Repository', 'Manifest', 'Rule', 'Target', 'Expires', 'Days left'];
    if (t.waivers.expiring.length > 0) sections.push(['### Waivers expiring soon', '', ...tableOf(waiverHeader, t.waivers.expiring.map(waiverRow))]);
    if (t.waivers.expired.length > 0) sections.push(['### Expired waivers', '', ...tableOf(waiverHeader, t.waivers.expired.map(waiverRow))]);
    const notes = report.notes ?? [];
    if (notes.length > 0) sections.push(['### Notes', '', ...notes.map((n) => `- ${code(n.path)}: ${markdownText(n.message)}`)]);
    return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
  },
};
