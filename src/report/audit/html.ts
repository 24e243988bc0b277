// One self-contained HTML page (inline CSS, SVG and script, no network): bar charts of findings by
// rule, strategies and statuses and of monthly cost by repository, the totals, and a table of
// repositories sortable by any column.
import {
  type AuditNote,
  type AuditReport,
  AUDIT_STATUSES,
  type AuditStatus,
  type AuditTotals,
  type CostTotals,
  type RepositoryEntry,
  type WaiverReference,
} from '../../audit/audit-report.ts';
import { compareText } from '../../audit/compare-text.ts';
import { usd } from '../../cost/format/human-numbers.ts';
import type { Reporter } from '../reporter.ts';
import { auditSummaryLine } from './summary.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STATUS_COLOURS: Record<AuditStatus, string> = {
  pass: '#2e7d32',
  fail: '#c62828',
  invalid: '#ef6c00',
  error: '#6a1b9a',
  missing: '#ad1457',
  none: '#9e9e9e',
};

interface Bar {
  label: string;
  value: number;
  colour?: string;
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 190;
const CHART_WIDTH = 520;

/** A horizontal bar chart as inline SVG; the bars carry their value for screen readers and tests. */
function barChart(id: string, title: string, bars: Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = CHART_WIDTH - LABEL_WIDTH - 50;
  const height = Math.max(1, bars.length) * BAR_HEIGHT + 8;
  const rows = bars.map((b, i) => {
    const y = 4 + i * BAR_HEIGHT;
    const width = b.value === 0 ? 0 : Math.max(2, Math.round((b.value / max) * span));
    const label = escapeHtml(b.label);
    return (
      `<text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${label}</text>` +
      `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 2}" width="${width}" height="${BAR_HEIGHT - 6}" fill="${b.colour ?? '#1565c0'}" data-label="${label}" data-value="${b.value}"><title>${label}: ${b.value}</title></rect>` +
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${b.value}</text>`
    );
  });
  const empty = bars.length === 0 ? `<text x="${LABEL_WIDTH}" y="18">none</text>` : '';
  return (
    `<figure class="chart" id="${id}"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">${rows.join('')}${empty}</svg></figure>`
  );
}

const COST_SERIES = [
  { key: 'apiMonthlyUsd', name: 'APIs', colour: '#1565c0' },
  { key: 'selfHostedMonthlyUsd', name: 'self-hosted', colour: '#2e7d32' },
  { key: 'staffMonthlyUsd', name: 'self-hosting staff', colour: '#81c784' },
] as const;

const COST_CHART_WIDTH = 640;
const LEGEND_HEIGHT = 22;

/**
 * Monthly cost by repository as stacked bars (APIs, then self-hosted hardware and its staff),
 * costliest first; each part carries its series and dollar value for screen readers and tests.
 */
function costChart(cost: CostTotals): string {
  if (cost.manifests === 0) return '';
  const repositories = Object.entries(cost.byRepository).sort((a, b) => b[1].monthlyUsd - a[1].monthlyUsd || compareText(a[0], b[0]));
  const max = Math.max(1, ...repositories.map(([, f]) => f.monthlyUsd));
  const span = COST_CHART_WIDTH - LABEL_WIDTH - 110;
  const height = LEGEND_HEIGHT + repositories.length * BAR_HEIGHT + 8;
  const legend = COST_SERIES.map((series, i) => {
    const x = LABEL_WIDTH + i * 130;
    return `<rect x="${x}" y="4" width="12" height="12" fill="${series.colour}"></rect><text x="${x + 16}" y="15">${series.name}</text>`;
  });
  const rows = repositories.map(([path, figures], i) => {
    const y = LEGEND_HEIGHT + 4 + i * BAR_HEIGHT;
    const label = escapeHtml(path);
    let x = LABEL_WIDTH;
    const parts = COST_SERIES.filter((series) => figures[series.key] > 0).map((series) => {
      const value = figures[series.key];
      const width = Math.max(1, (value / max) * span);
      const part =
        `<rect class="bar" x="${x.toFixed(1)}" y="${y + 2}" width="${width.toFixed(1)}" height="${BAR_HEIGHT - 6}" fill="${series.colour}" ` +
        `data-label="${label}" data-series="${series.name}" data-value="${value.toFixed(2)}"><title>${label}: ${series.name} ${usd(value)} a month</title></rect>`;
      x += width;
      return part;
    });
    const floor = figures.unpricedManifests > 0 ? 'at least ' : '';
    return (
      `<text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${label}</text>${parts.join('')}` +
      `<text x="${(x + 6).toFixed(1)}" y="${y + 15}">${floor}${usd(figures.monthlyUsd)}</text>`
    );
  });
  const title = `Monthly cost by repository, APIs and self-hosted (organisation: ${usd(cost.monthlyUsd)} a month)`;
  const floors =
    cost.unpricedManifests > 0 ? `<p class="note">${cost.unpricedManifests} of ${cost.manifests} manifests have a target that could not be priced: their figures leave it out.</p>` : '';
  return (
    `<figure class="chart" id="chart-cost"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${COST_CHART_WIDTH}" height="${height}" viewBox="0 0 ${COST_CHART_WIDTH} ${height}">` +
    `${legend.join('')}${rows.join('')}</svg>${floors}</figure>`
  );
}

function charts(t: AuditTotals): string {
  const rules = Object.entries(t.byRule)
    // As the tables count: findings not waived (waived ones have their own column).
    .map(([id, r]) => ({ label: id, value: r.findings }))
    .filter((bar) => bar.value > 0)
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1));
  const strategies = Object.entries(t.byStrategy).map(([s, n]) => ({ label: s, value: n }));
  const statuses = AUDIT_STATUSES.filter((s) => t.byStatus[s] > 0).map((s) => ({ label: s, value: t.byStatus[s], colour: STATUS_COLOURS[s] }));
  return [
    barChart('chart-rules', 'Findings by rule', rules),
    barChart('chart-strategies', 'Manifests by strategy', strategies),
    barChart('chart-statuses', 'Manifests by status (and repositories without one)', statuses),
    costChart(t.cost),
  ]
    .filter((chart) => chart !== '')
    .join('\n');
}

function noteList(notes: readonly AuditNote[]): string {
  if (notes.length === 0) return '';
  return `<h2>Notes</h2><ul class="notes">${notes.map((n) => `<li><code>${escapeHtml(n.path)}</code>: ${escapeHtml(n.message)}</li>`).join('')}</ul>`;
}

function cell(text: string | number | null): string {
  return `<td>${text === null ? '' : escapeHtml(String(text))}</td>`;
}

function repositoryRow(e: RepositoryEntry): string {
  const problems = e.problems.map((p) => `${p.code}: ${p.message}`).join('; ');
  return (
    `<tr class="status-${e.status}">${cell(e.path)}${cell(e.manifest ?? '')}${cell(e.strategy ?? '')}` +
    `<td><span class="status" style="background:${STATUS_COLOURS[e.status]}">${e.status}</span></td>` +
    `${cell(e.counts.errors)}${cell(e.counts.warnings)}${cell(e.counts.waived)}${cell(e.counts.problems)}${cell(problems)}</tr>`
  );
}

const COLUMNS: [string, 'text' | 'number'][] = [
  ['Repository', 'text'],
  ['Manifest', 'text'],
  ['Strategy', 'text'],
  ['Status', 'text'],
  ['Errors', 'number'],
  ['Warnings', 'number'],
  ['Waived', 'number'],
  ['Problems', 'number'],
  ['Details', 'text'],
];

function repositoryTable(entries: RepositoryEntry[]): string {
  const head = COLUMNS.map(([name, type]) => `<th scope="col" data-type="${type}" aria-sort="none"><button type="button">${name}</button></th>`).join('');
  return `<table id="repositories"><thead><tr>${head}</tr></thead><tbody>\n${entries.map(repositoryRow).join('\n')}\n</tbody></table>`;
}

function dataFlowTable(t: AuditTotals): string {
  const categories = Object.keys(t.dataFlows);
  if (categories.length === 0) return '';
  const types = [...new Set(categories.flatMap((c) => Object.keys(t.dataFlows[c]!)))].sort();
  const rows = categories.map((c) => `<tr><th scope="row">${escapeHtml(c)}</th>${types.map((type) => cell(t.dataFlows[c]![type] ?? 0)).join('')}</tr>`);
  return (
    `<h2>Data categories reaching each target type</h2><p class="note">Manifests in which data of the category reaches a target of the type.</p>` +
    `<table class="totals"><thead><tr><th>Category</th>${types.map((type) => `<th>${escapeHtml(type)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function waiverTable(title: string, waivers: WaiverReference[]): string {
  if (waivers.length === 0) return '';
  const rows = waivers.map((w) => `<tr>${cell(w.path)}${cell(w.manifest ?? '')}${cell(w.rule)}${cell(w.target ?? '')}${cell(w.expires ?? '')}${cell(w.daysLeft)}</tr>`);
  return `<h2>${escapeHtml(title)}</h2><table class="totals"><thead><tr><th>Repository</th><th>Manifest</th><th>Rule</th><th>Target</th><th>Expires</th><th>Days left</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#212121;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.verdict{font-weight:600}.verdict.failed{color:#c62828}.verdict.passed{color:#2e7d32}
.charts{display:flex;flex-wrap:wrap;gap:24px}.chart{margin:0}.chart figcaption{font-weight:600;margin-bottom:4px}
.chart svg{font:12px system-ui,sans-serif;fill:#212121}
table{border-collapse:collapse;margin-top:4px}th,td{border-bottom:1px solid #e0e0e0;padding:4px 10px;text-align:left;vertical-align:top}
td.number{text-align:right}thead th{background:#f5f5f5;position:sticky;top:0}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
.status{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px}.note{color:#616161;margin:0}
`;

// Sorting compares numbers as numbers and text in code-unit order; a second click reverses.
const SCRIPT = `
(function () {
  var table = document.getElementById('repositories');
  var headers = table.tHead.rows[0].cells;
  function keyOf(row, index, numeric) {
    var text = row.cells[index].textContent;
    return numeric ? Number(text) : text;
  }
  Array.prototype.forEach.call(headers, function (th, index) {
    th.querySelector('button').addEventListener('click', function () {
      var numeric = th.getAttribute('data-type') === 'number';
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(headers, function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = keyOf(a, index, numeric), y = keyOf(b, index, numeric);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      var fragment = document.createDocumentFragment();
      rows.forEach(function (row) { fragment.appendChild(row); });
      body.appendChild(fragment);
    });
  });
})();
`;

export const htmlAuditReporter: Reporter<AuditReport> = {
  name: 'html',
  render(report): string {
    const t = report.totals;
    const failed = t.failing > 0;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>routewise audit</title>
<style>${STYLE}</style>
</head>
<body>
<h1>routewise audit</h1>
<p class="verdict ${failed ? 'failed' : 'passed'}">${failed ? 'Failed' : 'Passed'}: ${escapeHtml(auditSummaryLine(t))}</p>
<div class="charts">
${charts(t)}
</div>
${dataFlowTable(t)}
${waiverTable('Waivers expiring soon', t.waivers.expiring)}
${waiverTable('Expired waivers', t.waivers.expired)}
<h2>Repositories</h2>
<p class="note">Click a column heading to sort.</p>
${repositoryTable(report.repositories)}
${noteList(report.notes ?? [])}
<script>${SCRIPT}</script>
</body>
</html>
`;
  },
};
