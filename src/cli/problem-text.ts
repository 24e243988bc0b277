// One line per problem for the terminal: `file:line:col: code: message`, then the hint.
import type { Problem } from '../problems/problem.ts';

export function problemText(p: Problem): string {
  const where = p.position ? `${p.position.file}:${p.position.line}:${p.position.column}: ` : '';
  return `${where}${p.code}: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`;
}

export function printProblems(stream: NodeJS.WritableStream, problems: Problem[]): void {
  for (const p of problems) stream.write(problemText(p) + '\n');
}
