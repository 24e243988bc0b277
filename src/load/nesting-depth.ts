// Finds nesting too deep for the full YAML parser before it runs: the parser recurses once per
// level, and near the end of the call stack the engine can fail hard instead of throwing.

/** Real manifests nest a handful of levels; the parser's recursion holds several hundred. */
export const MAX_NESTING_DEPTH = 256;

/**
 * The offset of the first place where block indentation, compact `- ` / `? ` / `: ` markers and
 * open flow brackets together go deeper than `limit` levels; undefined when they never do. It
 * over-counts rather than under-counts (brackets inside quotes count too), which only matters
 * for text no manifest contains.
 */
export function tooDeepAt(text: string, limit = MAX_NESTING_DEPTH): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let at = start;
    while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
    if (at < end && text[at] !== '#') {
      const indent = at - start;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let block = indents.length;
      while ((text[at] === '-' || text[at] === '?' || text[at] === ':') && (text[at + 1] === ' ' || text[at + 1] === '\t')) {
        block++;
        at += 2;
        while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
      }
      if (block + flow > limit) return at;
      for (; at < end; at++) {
        const c = text[at];
        if (c === '[' || c === '{') {
          flow++;
          if (block + flow > limit) return at;
        } else if ((c === ']' || c === '}') && flow > 0) {
          flow--;
        } else if (c === '#' && (text[at - 1] === ' ' || text[at - 1] === '\t')) {
          break;
        }
      }
    }
    start = end + 1;
  }
  return undefined;
}
