// Says what a YAML syntax error means in a manifest, and where the mistake is. The parser reports
// where it noticed the trouble (a blank line, the end of the file, the key above), which for the
// usual slips (a line indented one space off, an unclosed quote, a key without its colon) is not
// where people need to look.

/** The parser's error, as the loader receives it. */
export interface YamlError {
  code: string;
  message: string;
  offset: number;
}

export interface ExplainedYamlError {
  message: string;
  offset: number;
  hint: string;
}

const DEFAULT_HINT = 'fix the YAML at this position (indent with spaces, close brackets and quotes)';

export function explainYamlError(error: YamlError, text: string): ExplainedYamlError {
  const firstLine = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const lines = splitLines(text);
  const here = lineAt(lines, error.offset);

  if (error.code === 'TAB_AS_INDENT') {
    return { message: 'a tab is used for indentation; YAML allows only spaces', offset: error.offset, hint: 'replace the tab with spaces' };
  }

  if (error.code === 'MISSING_CHAR' && /closing ["']quote/.test(error.message)) {
    const quote = error.message.includes("'quote") ? "'" : '"';
    const open = unclosedQuote(lines, here, quote);
    if (open !== undefined) {
      return { message: `this ${quote === '"' ? 'double' : 'single'} quote is never closed`, offset: open, hint: `end the value with ${quote} on the same line` };
    }
  }

  if (STRUCTURE_ERRORS.has(error.code)) {
    const window = { from: Math.max(0, here - 2), to: Math.min(lines.length, here + 3) };
    const bare = bareLine(lines, window);
    if (bare !== undefined) {
      const line = lines[bare]!;
      return {
        message: `\`${line.text.trim().replace(/\s+#.*$/, '')}\` is not a \`key: value\` pair`,
        offset: line.start + indentOf(line.text),
        hint: 'write a colon and a space after the key, e.g. `strategy: hybrid`',
      };
    }
    const off = misalignedLine(lines, window);
    if (off !== undefined) {
      const line = lines[off.index]!;
      const indent = indentOf(line.text);
      return {
        message:
          off.deeperThan !== undefined
            ? `this line is indented deeper than \`${off.deeperThan}:\` above it, which already has a value`
            : off.before !== undefined
              ? `this line is indented ${spaces(indent)}, unlike the lines after it`
              : `this line is indented ${spaces(indent)}, which fits none of the keys above it`,
        offset: line.start + indent,
        hint:
          off.want === 0
            ? 'start it at the beginning of the line, like the other top-level keys'
            : `indent it ${spaces(off.want)}, like the other keys of the same mapping`,
      };
    }
  }
  return { message: firstLine, offset: error.offset, hint: DEFAULT_HINT };
}

/** Parser errors that a misplaced line or a missing colon usually causes. */
const STRUCTURE_ERRORS = new Set(['BAD_INDENT', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN']);

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text_ of text.split('\n')) {
    out.push({ start, text: text_.replace(/\r$/, '') });
    start += text_.length + 1;
  }
  return out;
}

function lineAt(lines: Line[], offset: number): number {
  let i = 0;
  while (i + 1 < lines.length && lines[i + 1]!.start <= offset) i++;
  return i;
}

function indentOf(text: string): number {
  return /^ */.exec(text)![0].length;
}

function isContent(text: string): boolean {
  const t = text.trim();
  return t !== '' && !t.startsWith('#');
}

/** A level of block structure: the column of a mapping's keys or of a sequence's dashes. */
interface Level {
  column: number;
  kind: 'map' | 'seq';
  /** The line that opened the level, and how many lines sit at it so far. */
  opener: number;
  count: number;
}

type Misaligned = { index: number; want: number; deeperThan?: string; before?: number };

/**
 * The first line in `window` whose indentation fits no open block above it, or that is deeper
 * than a `key: value` line (which cannot hold children), with the column it should have.
 * Blocks are followed from the top of the file, as the parser does, but without its recovery.
 */
function misalignedLine(lines: Line[], window: { from: number; to: number }): Misaligned | undefined {
  let stack: Level[] = [{ column: 0, kind: 'map', opener: -1, count: 1 }];
  let opens = true; // the previous line may hold children (`key:` with nothing after it)
  let inlineKey: string | undefined;
  let previousKeyColumn = 0;
  let skipDeeperThan: number | undefined; // the key column of a block scalar (`|`, `>`) being read
  let flowDepth = 0;
  let first = true;
  for (let i = 0; i < window.to; i++) {
    const text = lines[i]!.text;
    if (!isContent(text) || text.startsWith('\t')) continue;
    const indent = indentOf(text);
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + depthChange(text));
      continue;
    }
    if (skipDeeperThan !== undefined && indent > skipDeeperThan) continue;
    skipDeeperThan = undefined;
    const dash = /^ *- /.test(text) || /^ *-$/.test(text);
    const top = stack[stack.length - 1]!;
    const report = i >= window.from;
    if (first) {
      first = false;
      // Valid YAML may indent its root, but a manifest's top-level keys start at column 0.
      if (indent > 0) return report ? { index: i, want: 0 } : undefined;
    }

    const blame = (found: Misaligned): Misaligned | undefined => (report ? firstChildInstead(lines, stack, i, indent) ?? found : undefined);
    if (indent > top.column || (opens && indent === top.column && dash && top.kind === 'map')) {
      if (!opens) {
        const found: Misaligned =
          inlineKey !== undefined
            ? (movedOutOfBlock(lines, i, indent) ?? { index: i, want: previousKeyColumn, deeperThan: inlineKey })
            : { index: i, want: nearest(indent, stack, previousKeyColumn, dash, childStep(lines, i)) };
        return blame(found);
      }
      stack.push({ column: indent, kind: dash ? 'seq' : 'map', opener: i, count: 1 });
    } else {
      const kept = stack.filter((l) => l.column <= indent);
      const level = kept[kept.length - 1];
      if (!level || level.column !== indent || (level.kind === 'seq') !== dash) {
        return blame({ index: i, want: nearest(indent, stack, previousKeyColumn, dash, childStep(lines, i)) });
      }
      stack = kept;
      level.count++;
    }
    if (dash) {
      const column = keyColumn(text);
      if (column > indent && /^ *(?:- +)+[^\s#]/.test(text)) stack.push({ column, kind: 'map', opener: i, count: 1 });
    }
    const value = /^ *(?:- +)*(?:([^\s#"'][^:#]*|"[^"]*"|'[^']*'):)(?:\s+(.*))?$/.exec(text);
    const rest = value?.[2]?.replace(/\s+#.*$/, '').trim() ?? '';
    opens = value !== null ? rest === '' : /^ *(?:- *)+$/.test(text);
    inlineKey = value !== null && rest !== '' && !/^[[{|>&*!]/.test(rest) ? value[1]!.trim() : undefined;
    previousKeyColumn = keyColumn(text);
    if (/^[|>]/.test(rest)) skipDeeperThan = previousKeyColumn;
    flowDepth = Math.max(0, depthChange(text));
  }
  return undefined;
}

/**
 * When the innermost block so far holds only its first line, either that line or the one that
 * does not fit it may be the slip. Blame the first line when the other sits where the file's usual
 * indentation step puts a child (`name:` one space off, then `owner:` where it belongs).
 */
function firstChildInstead(lines: Line[], stack: Level[], index: number, indent: number): Misaligned | undefined {
  const top = stack[stack.length - 1]!;
  if (top.count !== 1 || top.opener < 0) return undefined;
  // A list item's line opens both its sequence and the mapping after the dash.
  let outer = stack.length - 1;
  while (outer > 0 && stack[outer - 1]!.opener === top.opener) outer--;
  const parent = stack[outer - 1];
  if (!parent || indent <= parent.column) return undefined;
  const opener = lines[top.opener]!.text;
  // A later list item's dash lines up with the items before it: its place is not in doubt.
  if (stack[outer]!.kind === 'map' && /^ *- /.test(opener)) return undefined;
  const want = indent - (top.column - indentOf(opener));
  const parentLine = previousContent(lines, top.opener);
  if (want < 0 || want === indentOf(opener) || parentLine === undefined) return undefined;
  const expected = keyColumn(lines[parentLine]!.text) + usualStep(lines);
  if (Math.abs(want - expected) >= Math.abs(indentOf(opener) - expected)) return undefined;
  return { index: top.opener, want, before: indent };
}

/** How far the file usually indents a block under its key (2 unless it mostly says otherwise). */
function usualStep(lines: Line[]): number {
  const counts = new Map<number, number>();
  let previous: string | undefined;
  for (const { text } of lines) {
    if (!isContent(text)) continue;
    if (previous !== undefined && /:\s*(#.*)?$/.test(previous)) {
      const step = indentOf(text) - keyColumn(previous);
      if (step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
    }
    previous = text;
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 2;
}

/** A content line in `window` that is neither `key: value`, a list item, nor part of a flow collection. */
function bareLine(lines: Line[], window: { from: number; to: number }): number | undefined {
  let flowDepth = 0;
  let blockScalarAbove: number | undefined;
  for (let i = 0; i < window.to; i++) {
    const text = lines[i]!.text;
    if (!isContent(text)) continue;
    if (blockScalarAbove !== undefined && indentOf(text) > blockScalarAbove) continue;
    blockScalarAbove = /:\s+[|>][-+0-9]*\s*(#.*)?$/.test(text) ? keyColumn(text) : undefined;
    const inFlow = flowDepth > 0;
    flowDepth = Math.max(0, flowDepth + depthChange(text));
    if (inFlow || i < window.from) continue;
    const body = text.trim().replace(/\s+#.*$/, '');
    if (/^-(\s|$)/.test(body) || /^["']/.test(body) || /^[[{\]}]/.test(body) || /:(\s|$)/.test(body)) continue;
    const previous = previousContent(lines, i);
    // A deeper line after `key: value` may be the rest of a folded plain scalar, not a key.
    if (previous !== undefined && indentOf(text) > indentOf(lines[previous]!.text) && !/:\s*(#.*)?$/.test(lines[previous]!.text)) continue;
    return i;
  }
  return undefined;
}

/** How much a line opens (+) or closes (-) flow collections, outside quotes and comments. */
function depthChange(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) break;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

/** Where a line's key starts: after its indentation and any `- ` of a list item. */
function keyColumn(text: string): number {
  return /^ *(?:- +)*/.exec(text)![0].length;
}

/**
 * `key:` left empty, then its first child moved out to (or left of) the key's column: the child
 * became a sibling, and the line after it looks too deep. Blame the moved line.
 */
function movedOutOfBlock(lines: Line[], index: number, indent: number): Misaligned | undefined {
  const child = previousContent(lines, index);
  const key = child === undefined ? undefined : previousContent(lines, child);
  if (child === undefined || key === undefined) return undefined;
  const keyText = lines[key]!.text;
  if (!/:\s*(#.*)?$/.test(keyText) || keyColumn(lines[child]!.text) > keyColumn(keyText) || indent <= keyColumn(keyText)) return undefined;
  return { index: child, want: indent - (keyColumn(lines[child]!.text) - indentOf(lines[child]!.text)), before: indent };
}

/**
 * The column to suggest: the closest open block of the line's kind (dashes go where a list's
 * dashes are), the sibling line's on a tie, else the smaller.
 */
function nearest(indent: number, stack: Level[], sibling: number, dash: boolean, child: ChildHint | undefined): number {
  const sequences = stack.filter((l) => l.kind === 'seq').map((l) => l.column);
  const columns = dash && sequences.length > 0 ? sequences : stack.filter((l) => l.kind === 'map').map((l) => l.column);
  if (!dash && !columns.includes(sibling)) columns.push(sibling);
  const distance = (c: number) => Math.abs(c - indent);
  // On a tie, the line's own child (the next line, one step deeper) tells where the line belongs.
  const fitsChild = (c: number) => child !== undefined && child.indent - c === child.step;
  const rank = (a: number, b: number) =>
    distance(a) - distance(b) || Number(fitsChild(b)) - Number(fitsChild(a)) || (a === sibling ? -1 : b === sibling ? 1 : a - b);
  return columns.sort(rank)[0] ?? 0;
}

interface ChildHint {
  indent: number;
  step: number;
}

/** For a `key:` line that opens a block, its next line's indentation and the file's usual step. */
function childStep(lines: Line[], index: number): ChildHint | undefined {
  if (!/:\s*(#.*)?$/.test(lines[index]!.text)) return undefined;
  for (let i = index + 1; i < lines.length; i++) {
    if (isContent(lines[i]!.text)) return { indent: indentOf(lines[i]!.text), step: usualStep(lines) };
  }
  return undefined;
}

function spaces(n: number): string {
  return `${n} space${n === 1 ? '' : 's'}`;
}

function previousContent(lines: Line[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (isContent(lines[i]!.text)) return i;
  return undefined;
}

/** Offset of the quote that opens a scalar left open at or before line `upTo`. */
function unclosedQuote(lines: Line[], upTo: number, quote: string): number | undefined {
  for (let i = Math.min(upTo, lines.length - 1); i >= 0; i--) {
    const text = lines[i]!.text;
    const value = /^ *(?:- +)?(?:[^\s#"'][^:#]*:\s+)?(["'])/.exec(text);
    if (value && value[1] === quote) {
      const at = value[0].length - 1;
      const rest = text.slice(at + 1);
      const closed = quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
      if (!closed) return lines[i]!.start + at;
    }
  }
  return undefined;
}
