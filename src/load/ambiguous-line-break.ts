// Finds line-break characters that YAML readers disagree on: a carriage return not followed by a
// line feed, NEL (U+0085), LS (U+2028) and PS (U+2029). YAML 1.2 and editors end a line at a bare
// CR, YAML 1.1 also at NEL, LS and PS, and the parser routewise uses at none of them, so outside a
// quoted scalar (comments included) one of them can hide or reveal a key. Inside quotes every
// reader keeps the scalar going to its closing quote, so they only change that string.
import { Parser } from 'yaml';

const AMBIGUOUS = /\r(?!\n)|[\u0085\u2028\u2029]/g;

/** Offset of the first ambiguous line break outside a quoted scalar, or undefined. */
export function ambiguousLineBreakAt(text: string): number | undefined {
  AMBIGUOUS.lastIndex = 0;
  if (!AMBIGUOUS.test(text)) return undefined;
  const quoted = quotedRanges(text);
  AMBIGUOUS.lastIndex = 0;
  let range = 0;
  for (let match = AMBIGUOUS.exec(text); match !== null; match = AMBIGUOUS.exec(text)) {
    const at = match.index;
    while (range < quoted.length && quoted[range]![1] <= at) range++;
    const inside = range < quoted.length && quoted[range]![0] < at;
    if (!inside) return at;
  }
  return undefined;
}

/** Names a character for a message: `carriage return (U+000D)`. */
export function lineBreakName(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const names: Record<number, string> = {
    13: 'carriage return without a line feed',
    133: 'next-line character',
    8232: 'line separator',
    8233: 'paragraph separator',
  };
  return `${names[code] ?? 'line break'} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** [start, end) of every quoted scalar as the parser reads it, in source order. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  // The syntax tree can nest as deep as the text does; walk it without recursion.
  const pending: unknown[] = [];
  for (const token of new Parser().parse(text)) pending.push(token);
  while (pending.length > 0) {
    const token = pending.pop();
    if (token === null || typeof token !== 'object') continue;
    if (Array.isArray(token)) {
      for (const item of token) pending.push(item);
      continue;
    }
    const { type, offset, source } = token as { type?: unknown; offset?: unknown; source?: unknown };
    if ((type === 'double-quoted-scalar' || type === 'single-quoted-scalar') && typeof offset === 'number' && typeof source === 'string') {
      ranges.push([offset, offset + source.length]);
    }
    for (const value of Object.values(token)) if (value !== null && typeof value === 'object') pending.push(value);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}
