// Pull-request comments and job summaries: the same tables as the text format, in markdown.
import type { CostFormat } from './cost-format.ts';
import { breakEvenInWords } from './verdict.ts';
import { notes, TARGET_HEADER, targetRow, totalsLine, WORKLOAD_HEADER, workloadRow } from './rows.ts';

export const markdownFormat: CostFormat = {
  render(report) {
    const book = report.priceBook;
    const lines = ['## routewise cost', '', `Price book: ${book.package} ${book.version} (${book.date})${book.stale ? ' — older than the configured maximum age' : ''}`];
    for (const m of report.manifests) {
      lines.push('', `### ${escape(m.file)}`, '');
      if ('problems' in m) {
        for (const p of m.problems) lines.push(`- ${p.code}: ${escape(p.message)}`);
        continue;
      }
      lines.push(...table([WORKLOAD_HEADER, ...m.workloads.map(workloadRow)]));
      if (m.targets.length > 0) lines.push('', ...table([TARGET_HEADER, ...m.targets.map(targetRow)]));
      lines.push('', `**${totalsLine(m)}**`, '');
      for (const w of m.workloads) lines.push(`- ${escape(w.id)}: ${breakEvenInWords(w)}`);
      for (const n of notes(m)) lines.push(`- note: ${escape(n)}`);
    }
    return lines.join('\n') + '\n';
  },
};

function table(rows: string[][]): string[] {
  const [head, ...body] = rows;
  return [`| ${head!.join(' | ')} |`, `|${head!.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.map(escape).join(' | ')} |`)];
}

function escape(s: string): string {
  return s.replace(/[|\\`*_<>]/g, (c) => `\\${c}`);
}
