// Text tables as `opa eval --format pretty` draws them (OPA uses the tablewriter package with
// its defaults): +---+ borders, headers centred, cells left-aligned, one space of padding, and
// cells reflowed and wrapped at 30 columns between words, with the least ragged line breaks.

const MAX_CELL_WIDTH = 30;
/** Extra cost of a line that is still too long after breaking, as tablewriter weighs it. */
const OVERLONG_PENALTY = 100_000;

const width = (s: string): number => Array.from(s).length;

/** Breaks words into lines of at most `limit` columns, minimising the squared slack of each line but the last. */
function wrapWords(words: string[], limit: number): string[][] {
  const n = words.length;
  const span = (i: number, j: number): number => {
    let w = 0;
    for (let k = i; k <= j; k++) w += width(words[k]!) + (k > i ? 1 : 0);
    return w;
  };
  const cost = new Array<number>(n).fill(Number.MAX_SAFE_INTEGER);
  const next = new Array<number>(n).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    if (span(i, n - 1) <= limit) {
      cost[i] = 0;
      next[i] = n;
      continue;
    }
    for (let j = i + 1; j < n; j++) {
      const len = span(i, j - 1);
      const slack = limit - len;
      const c = slack * slack + cost[j]! + (len > limit ? OVERLONG_PENALTY : 0);
      if (c < cost[i]!) {
        cost[i] = c;
        next[i] = j;
      }
    }
  }
  const lines: string[][] = [];
  for (let i = 0; i < n; i = next[i]!) lines.push(words.slice(i, next[i]));
  return lines;
}

/**
 * The lines a cell takes. As tablewriter wraps by default, its lines are first joined into one
 * paragraph, then broken again at the cell's widest line or 30 columns, whichever is less (but
 * never inside a word).
 */
function cellLines(text: string): string[] {
  const lines = text.split('\n');
  const widest = Math.max(...lines.map(width));
  const words = lines.join(' ').split(' ');
  const limit = Math.max(Math.min(widest, MAX_CELL_WIDTH), ...words.map(width));
  return wrapWords(words, limit).map((line) => line.join(' '));
}

function centred(s: string, w: number): string {
  const gap = w - width(s);
  const left = Math.floor(gap / 2);
  return ' '.repeat(left) + s + ' '.repeat(gap - left);
}

const leftAligned = (s: string, w: number): string => s + ' '.repeat(w - width(s));

/** The table as text, each line ending in a newline; without headers, only the rows between rules. */
export function renderTable(headers: string[], rows: string[][]): string {
  const head = headers.map(cellLines);
  const body = rows.map((r) => r.map(cellLines));
  const columns = headers.length > 0 ? headers.length : (rows[0]?.length ?? 0);
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...[...(head[c] ? [head[c]] : []), ...body.map((r) => r[c]!)].flatMap((lines) => lines.map(width))),
  );
  const rule = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+\n';
  const line = (cells: string[][], align: (s: string, w: number) => string): string => {
    const height = Math.max(...cells.map((l) => l.length));
    let out = '';
    for (let i = 0; i < height; i++) out += '| ' + cells.map((l, c) => align(l[i] ?? '', widths[c]!)).join(' | ') + ' |\n';
    return out;
  };
  const top = headers.length > 0 ? rule + line(head, centred) : '';
  return top + rule + body.map((r) => line(r, leftAligned)).join('') + rule;
}
