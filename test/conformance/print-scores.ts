// Prints conformance scores as a table for people or as JSON for machines.
import type { Scores, Tally } from './score.ts';

function row(name: string, t: Tally): string {
  return `  ${name.padEnd(34)} ${String(t.run).padStart(5)} ${String(t.passed).padStart(7)} ${String(t.failed).padStart(7)} ${String(t.skipped).padStart(8)}`;
}

export function formatTable(scores: Scores): string {
  const lines: string[] = [];
  for (const [corpus, s] of Object.entries(scores)) {
    lines.push(`${corpus}`);
    lines.push(`  ${'category'.padEnd(34)} ${'run'.padStart(5)} ${'passed'.padStart(7)} ${'failed'.padStart(7)} ${'skipped'.padStart(8)}`);
    for (const [cat, t] of Object.entries(s.categories)) lines.push(row(cat, t));
    lines.push(row('TOTAL', s.total));
    lines.push('');
  }
  return lines.join('\n');
}

export function formatJson(scores: Scores): string {
  return JSON.stringify({ corpora: scores }, null, 2);
}
