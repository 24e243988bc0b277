// A few lines of the manifest around a position, with line numbers and a caret under the column,
// so a reader sees the offending YAML without opening the file.
import { palette } from './ansi.ts';
import { printable } from './printable.ts';

export interface CodeFrameOptions {
  color: boolean;
  /** Lines shown above and below the marked line. */
  context?: number;
  /** Prepended to every line of the frame. */
  indent?: string;
}

/** Returns '' when the line is not in the source. */
export function codeFrame(source: string, line: number, column: number, options: CodeFrameOptions): string {
  // Lines end where the loader counts them (at line feeds); anything else in a line is shown escaped.
  const lines = source.split(/\r?\n/);
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return '';
  const paint = palette(options.color);
  const context = options.context ?? 2;
  const indent = options.indent ?? '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const raw = lines[number - 1] ?? '';
    const text = shown(raw);
    const marked = number === line;
    const gutter = `${marked ? '>' : ' '} ${String(number).padStart(width)} |`;
    out.push(`${indent}${marked ? paint.red(paint.bold(gutter.slice(0, 1))) + paint.dim(gutter.slice(1)) : paint.dim(gutter)}${text === '' ? '' : ` ${text}`}`);
    if (marked) {
      const col = Math.min(Math.max(1, column), raw.length + 1);
      // Keep tabs so the caret lines up however the terminal renders them.
      const pad = shown(raw.slice(0, col - 1)).replace(/[^\t]/g, ' ');
      out.push(`${indent}${paint.dim(`  ${' '.repeat(width)} |`)} ${pad}${paint.red(paint.bold('^'))}`);
    }
  }
  return out.join('\n');
}

/** A source line as printed: escaped, tabs kept for alignment. */
function shown(line: string): string {
  return line.split('\t').map(printable).join('\t');
}
