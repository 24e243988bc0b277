// One line per problem for the terminal: `file:line:col: code: message`, then the hint.
import type { Problem } from '../problems/problem.ts';
import { printable, printableLines } from '../report/printable.ts';

export function problemText(p: Problem): string {
  const where = p.position ? `${printable(p.position.file)}:${p.position.line}:${p.position.column}: ` : '';
  return `${where}${printable(p.code)}: ${printableLines(p.message, '  ')}${p.hint ? `\n  hint: ${printableLines(p.hint, '  ')}` : ''}`;
}

/** A hint shared by consecutive problems (three unsafe variables, say) is printed once, after the last. */
export function printProblems(stream: NodeJS.WritableStream, problems: Problem[]): void {
  problems.forEach((p, i) => {
    const next = problems[i + 1];
    const { hint, ...rest } = p;
    stream.write(problemText(hint !== undefined && next?.hint === hint ? rest : p) + '\n');
  });
}
