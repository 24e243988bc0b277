// A fast reader for the YAML subset METADATA blocks are written in: nested mappings of plain,
// quoted, folded and literal scalars. Anything outside it yields undefined, for the full parser.

export type SimpleMapping = { [key: string]: SimpleMapping | string | null };

// Printable characters without tabs, line separators or a byte order mark, and no line ending
// in a space: outside these the YAML rules for white space and escapes would need the parser.
const UNSAFE = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]| \n| $/;
const ENTRY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const BLOCK_HEADER = /^[>|]-?$/;
// Plain scalars the core schema reads as null or booleans rather than strings.
const KEYWORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

interface Level {
  indent: number;
  map: SimpleMapping;
}

/**
 * The mapping a block of YAML text denotes, when every line is `key: scalar`, `key:` opening a
 * more indented mapping (or null), or `key: >-` / `|` with a block of equally indented lines.
 * Plain scalars must start with a letter and hold no `: ` or ` #`; quoted ones no escapes.
 * Returns undefined for any other text, including every text the full parser rejects.
 */
export function parseSimpleYaml(text: string): SimpleMapping | undefined {
  if (text === '' || UNSAFE.test(text)) return undefined;
  const lines = text.split('\n');
  const root: SimpleMapping = {};
  const stack: Level[] = [{ indent: indentOf(lines[0]!), map: root }];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const indent = indentOf(line);
    while (stack.length > 0 && indent < stack[stack.length - 1]!.indent) stack.pop();
    const level = stack[stack.length - 1];
    if (level === undefined || level.indent !== indent) return undefined;
    const m = ENTRY.exec(line.slice(indent));
    if (m === null) return undefined;
    const key = m[1]!;
    if (KEYWORDS.has(key) || key === '__proto__' || key.length > 1000 || Object.hasOwn(level.map, key)) return undefined;
    const rest = m[2] ?? '';
    i++;
    if (rest === '') {
      const next = lines[i];
      if (next !== undefined && indentOf(next) > indent) {
        const child: SimpleMapping = {};
        level.map[key] = child;
        stack.push({ indent: indentOf(next), map: child });
      } else {
        level.map[key] = null;
      }
    } else if (rest[0] === '>' || rest[0] === '|') {
      if (!BLOCK_HEADER.test(rest) || i >= lines.length) return undefined;
      const content = indentOf(lines[i]!);
      if (content <= indent) return undefined;
      const parts: string[] = [];
      while (i < lines.length && indentOf(lines[i]!) > indent) {
        const l = lines[i]!;
        // More indented lines keep their breaks when folded; leave those to the parser.
        if (indentOf(l) !== content) return undefined;
        parts.push(l.slice(content));
        i++;
      }
      const body = parts.join(rest[0] === '>' ? ' ' : '\n');
      level.map[key] = rest.endsWith('-') ? body : body + '\n';
    } else {
      const v = scalar(rest);
      if (v === undefined) return undefined;
      level.map[key] = v;
    }
  }
  return root;
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && line.charCodeAt(n) === 32) n++;
  return n;
}

function scalar(s: string): string | undefined {
  const c = s.charCodeAt(0);
  if (c === 34) return s.length >= 2 && s.endsWith('"') && !/["\\]/.test(s.slice(1, -1)) ? s.slice(1, -1) : undefined;
  if (c === 39) return s.length >= 2 && s.endsWith("'") && !s.slice(1, -1).includes("'") ? s.slice(1, -1) : undefined;
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!letter || KEYWORDS.has(s) || s.includes(': ') || s.endsWith(':') || s.includes(' #')) return undefined;
  return s;
}
