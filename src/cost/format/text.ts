// People at a terminal: per manifest, a table of workloads and one of own targets, the totals,
// the break-even in words, and notes on what was assumed or could not be judged.
import type { CostFormat } from './cost-format.ts';
import { breakEvenInWords } from './verdict.ts';
import { notes, TARGET_HEADER, targetRow, totalsLine, WORKLOAD_HEADER, workloadRow } from './rows.ts';

export const textFormat: CostFormat = {
  render(report) {
    const book = report.priceBook;
    const lines = [`price book ${book.package} ${book.version} (${book.date})${book.stale ? ', older than the configured maximum age: prices may have changed' : ''}`];
    for (const m of report.manifests) {
      lines.push('', m.file);
      if ('problems' in m) {
        for (const p of m.problems) lines.push(`  ${p.position ? `${p.position.line}:${p.position.column}  ` : ''}${p.code}: ${p.message}`);
        continue;
      }
      lines.push(...table([WORKLOAD_HEADER, ...m.workloads.map(workloadRow)]));
      if (m.targets.length > 0) lines.push('', ...table([TARGET_HEADER, ...m.targets.map(targetRow)]));
      lines.push('', `  ${totalsLine(m)}`);
      for (const w of m.workloads) lines.push(`  ${w.id}: ${breakEvenInWords(w)}`);
      for (const n of notes(m)) lines.push(`  note: ${n}`);
    }
    return lines.join('\n') + '\n';
  },
};

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd());
}
