// Reads the plain subset of YAML that nearly every manifest is written in (block mappings and
// lists, one-line flow lists and mappings, plain and simple quoted scalars, comments) in one pass,
// much faster than the full parser. Anything outside that subset, or anything the full parser
// would report, makes it give up (undefined) so the full parser reads the file and reports.

/** Where a value is written: its offset, and for collections the offsets inside it. */
export type PlainNode = PlainMap | PlainSeq | PlainScalar;

export interface PlainMap {
  kind: 'map';
  offset: number;
  keys: string[];
  keyOffsets: number[];
  values: PlainNode[];
}

export interface PlainSeq {
  kind: 'seq';
  offset: number;
  items: PlainNode[];
}

export interface PlainScalar {
  kind: 'scalar';
  offset: number;
}

export interface PlainYaml {
  data: Record<string, unknown>;
  root: PlainMap;
}

/** Deeper nesting than this is left to the full parser, which knows how to refuse it. */
const MAX_DEPTH = 64;
/** The full parser refuses implicit keys of 1024 characters or more. */
const MAX_KEY_LENGTH = 1000;

/** Thrown (and caught in readPlainYaml) when the text leaves the subset. */
class OutsideSubset {}
const OUTSIDE = new OutsideSubset();

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;

export function readPlainYaml(text: string): PlainYaml | undefined {
  // Tabs and the line breaks readers disagree on have rules of their own; the full parser applies them.
  if (text.includes('\t') || /\r(?!\n)|[\u0085\u2028\u2029]/.test(text)) return undefined;
  try {
    return new Reader(text).read();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

class Reader {
  /** Content lines only (no blank or comment-only lines): where each starts and its indentation. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly indents: number[] = [];
  private line = 0;
  /** The data of the value inline() read last. */
  private inlineData: unknown = null;

  constructor(private readonly text: string) {
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const next = end + 1;
      // A Windows line end is a line end; the carriage return belongs to no value.
      if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      let first = start;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      if (first < end && text.charCodeAt(first) !== HASH) {
        this.starts.push(start);
        this.ends.push(end);
        this.indents.push(first - start);
      }
      start = next;
    }
  }

  read(): PlainYaml {
    if (this.starts.length === 0) throw OUTSIDE;
    const column = this.indents[0]!;
    const data: Record<string, unknown> = {};
    const root = this.map(column, data, 0);
    if (this.line < this.starts.length) throw OUTSIDE;
    return { data, root };
  }

  /** A block mapping whose keys start at `column`, the first on the current line. */
  private map(column: number, data: Record<string, unknown>, depth: number): PlainMap {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    const node: PlainMap = { kind: 'map', offset: 0, keys: [], keyOffsets: [], values: [] };
    const text = this.text;
    for (;;) {
      const lineStart = this.starts[this.line]!;
      const end = this.ends[this.line]!;
      const keyStart = lineStart + column;
      const colon = keyEnd(text, keyStart, end);
      if (colon === -1) throw OUTSIDE;
      const key = text.slice(keyStart, colon);
      if (key === '__proto__' || node.keys.includes(key)) throw OUTSIDE;
      if (node.keys.length === 0) node.offset = keyStart;
      let at = colon + 1;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      let value: PlainNode;
      if (at === end || text.charCodeAt(at) === HASH) {
        value = this.blockValue(column, at, data, key, depth);
      } else {
        value = this.inline(at, end, depth);
        data[key] = this.inlineData;
        this.line++;
      }
      node.keys.push(key);
      node.keyOffsets.push(keyStart);
      node.values.push(value);
      if (this.line >= this.starts.length) return node;
      const indent = this.indents[this.line]!;
      if (indent < column) return node;
      if (indent > column) throw OUTSIDE;
      // A `- ` at the key's column continues a list the caller holds, or is an error.
      if (text.charCodeAt(this.starts[this.line]! + indent) === DASH) return node;
    }
  }

  /** The value of a key with nothing after its colon: a nested block, or empty (null). */
  private blockValue(column: number, emptyAt: number, into: Record<string, unknown>, key: string, depth: number): PlainNode {
    this.line++;
    if (this.line < this.starts.length) {
      const indent = this.indents[this.line]!;
      const first = this.starts[this.line]! + indent;
      const isItem = this.text.charCodeAt(first) === DASH;
      if (indent > column || (indent === column && isItem)) {
        if (isItem) {
          const list: unknown[] = [];
          into[key] = list;
          return this.seq(indent, list, depth + 1);
        }
        const nested: Record<string, unknown> = {};
        into[key] = nested;
        return this.map(indent, nested, depth + 1);
      }
    }
    into[key] = null;
    return { kind: 'scalar', offset: emptyAt };
  }

  /** A block list whose `-` markers stand at `column`, the first on the current line. */
  private seq(column: number, list: unknown[], depth: number): PlainSeq {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    const text = this.text;
    const node: PlainSeq = { kind: 'seq', offset: this.starts[this.line]! + column, items: [] };
    for (;;) {
      const end = this.ends[this.line]!;
      const dash = this.starts[this.line]! + column;
      if (text.charCodeAt(dash) !== DASH || text.charCodeAt(dash + 1) !== SPACE) throw OUTSIDE;
      let at = dash + 1;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      const code = text.charCodeAt(at);
      // `- - x` nests a list; `- --model` (a command-line flag) is a plain scalar.
      if (at === end || code === HASH || (code === DASH && !plainStart(text.slice(at, at + 3)))) throw OUTSIDE;
      if (keyEnd(text, at, end) !== -1) {
        const nested: Record<string, unknown> = {};
        list.push(nested);
        node.items.push(this.map(at - this.starts[this.line]!, nested, depth + 1));
      } else {
        node.items.push(this.inline(at, end, depth));
        list.push(this.inlineData);
        this.line++;
      }
      if (this.line >= this.starts.length) return node;
      const indent = this.indents[this.line]!;
      if (indent < column) return node;
      if (indent > column) throw OUTSIDE;
      if (text.charCodeAt(this.starts[this.line]! + indent) !== DASH) return node;
    }
  }

  /**
   * A value that starts at `at` and ends on this line (before any comment); its data is left in
   * `inlineData` for the caller to store, so mappings and lists each store in their own way.
   */
  private inline(at: number, end: number, depth: number): PlainNode {
    const text = this.text;
    const code = text.charCodeAt(at);
    let after: number;
    let node: PlainNode;
    if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      const flow = new FlowReader(text, end, depth);
      const value = flow.value(at);
      this.inlineData = value.data;
      node = value.node;
      after = flow.at;
    } else if (code === 0x22 /* " */ || code === 0x27 /* ' */) {
      const close = text.indexOf(code === 0x22 ? '"' : "'", at + 1);
      if (close === -1 || close >= end) throw OUTSIDE;
      const body = text.slice(at + 1, close);
      if (code === 0x22 ? body.includes('\\') : text.charCodeAt(close + 1) === 0x27) throw OUTSIDE;
      if (!printable(body)) throw OUTSIDE;
      this.inlineData = body;
      node = { kind: 'scalar', offset: at };
      after = close + 1;
    } else {
      let stop = at;
      while (stop < end && !(text.charCodeAt(stop) === HASH && text.charCodeAt(stop - 1) === SPACE)) stop++;
      let last = stop;
      while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
      const source = text.slice(at, last);
      if (!plainBlockScalar(source)) throw OUTSIDE;
      this.inlineData = coreScalar(source);
      return { kind: 'scalar', offset: at };
    }
    restOfLine(text, after, end);
    return node;
  }
}

/** Reads a flow collection that opens and closes on one line. */
class FlowReader {
  at = 0;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly depth: number,
  ) {}

  value(at: number, depth = this.depth): { data: unknown; node: PlainNode } {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    const text = this.text;
    const code = text.charCodeAt(at);
    if (code === 0x5b /* [ */) {
      const data: unknown[] = [];
      const node: PlainSeq = { kind: 'seq', offset: at, items: [] };
      this.at = this.skipSpaces(at + 1);
      if (text.charCodeAt(this.at) === 0x5d /* ] */) {
        this.at++;
        return { data, node };
      }
      for (;;) {
        const item = this.value(this.at, depth + 1);
        data.push(item.data);
        node.items.push(item.node);
        if (this.separator(0x5d)) return { data, node };
      }
    }
    if (code === 0x7b /* { */) {
      const data: Record<string, unknown> = {};
      const node: PlainMap = { kind: 'map', offset: at, keys: [], keyOffsets: [], values: [] };
      this.at = this.skipSpaces(at + 1);
      if (text.charCodeAt(this.at) === 0x7d /* } */) {
        this.at++;
        return { data, node };
      }
      for (;;) {
        const keyStart = this.at;
        const colon = keyEnd(text, keyStart, this.end);
        if (colon === -1 || text.charCodeAt(colon + 1) !== SPACE) throw OUTSIDE;
        const key = text.slice(keyStart, colon);
        if (key === '__proto__' || node.keys.includes(key)) throw OUTSIDE;
        const item = this.value(this.skipSpaces(colon + 1), depth + 1);
        data[key] = item.data;
        node.keys.push(key);
        node.keyOffsets.push(keyStart);
        node.values.push(item.node);
        if (this.separator(0x7d)) return { data, node };
      }
    }
    if (code === 0x22 /* " */ || code === 0x27 /* ' */) throw OUTSIDE;
    let stop = at;
    while (stop < this.end) {
      const c = text.charCodeAt(stop);
      if (c === COMMA || c === 0x5d || c === 0x7d) break;
      stop++;
    }
    let last = stop;
    while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
    const source = text.slice(at, last);
    if (!plainFlowScalar(source)) throw OUTSIDE;
    this.at = stop;
    return { data: coreScalar(source), node: { kind: 'scalar', offset: at } };
  }

  /** After an item: `,` and the next item (false), or the closing bracket (true). */
  private separator(close: number): boolean {
    const at = this.skipSpaces(this.at);
    const code = this.text.charCodeAt(at);
    if (code === close) {
      this.at = at + 1;
      return true;
    }
    if (code !== COMMA) throw OUTSIDE;
    this.at = this.skipSpaces(at + 1);
    // A trailing comma or an empty entry is legal in places; the full parser knows which.
    const next = this.text.charCodeAt(this.at);
    if (next === COMMA || next === 0x5d || next === 0x7d || this.at >= this.end) throw OUTSIDE;
    return false;
  }

  private skipSpaces(at: number): number {
    while (at < this.end && this.text.charCodeAt(at) === SPACE) at++;
    if (at >= this.end) throw OUTSIDE;
    return at;
  }
}

/**
 * Where a simple key that starts at `at` ends: the offset of its colon, when the colon is
 * followed by a space or the end of the line; -1 when no such key starts there.
 */
function keyEnd(text: string, at: number, end: number): number {
  let i = at;
  const first = text.charCodeAt(i);
  if (!(isLetter(first) || first === 0x5f /* _ */)) return -1;
  for (i++; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || isDigit(c) || c === 0x5f || c === DASH || c === 0x2e /* . */ || c === 0x2f /* / */) continue;
    break;
  }
  if (i - at > MAX_KEY_LENGTH || text.charCodeAt(i) !== COLON) return -1;
  const next = i + 1;
  if (next < end && text.charCodeAt(next) !== SPACE) return -1;
  // Keys the core schema reads as booleans or null would not be the same string in the data.
  if (i - at <= 5 && typeof coreScalar(text.slice(at, i)) !== 'string') throw OUTSIDE;
  return i;
}

/** Nothing but spaces and a comment may follow a quoted or flow value on its line. */
function restOfLine(text: string, at: number, end: number): void {
  if (at === end) return;
  if (text.charCodeAt(at) !== SPACE) throw OUTSIDE;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  if (at < end && text.charCodeAt(at) !== HASH) throw OUTSIDE;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Can this character start a plain scalar without being a YAML indicator? */
function plainStart(source: string): boolean {
  const c = source.charCodeAt(0);
  if (isLetter(c) || isDigit(c) || c === 0x5f /* _ */ || c === 0x2f /* / */ || c === 0x28 /* ( */ || c === 0x7e /* ~ */) return true;
  // Letters beyond ASCII (`Zürich`, `東京`); printable() turns away the few that are not text.
  if (c > 0xa0) return true;
  const next = source.charCodeAt(1);
  // `-1`, `+1`, `-foo` and `--foo` are scalars; `- ` would be a list item.
  if (c === DASH && next === DASH) return isLetter(source.charCodeAt(2));
  if (c === DASH || c === 0x2b /* + */) return isLetter(next) || isDigit(next);
  // `.5` is a number; `.inf`, `...` and the like are left to the full parser.
  if (c === 0x2e /* . */) return isDigit(next);
  return false;
}

/** Printable characters the full parser reads as themselves in a scalar. */
function printable(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xfeff || c === 0x2028 || c === 0x2029) return false;
  }
  return true;
}

/** A one-line plain scalar in block context: no `: ` (a key) and no ` #` (a comment). */
function plainBlockScalar(source: string): boolean {
  if (source === '' || !plainStart(source) || !printable(source)) return false;
  if (source.endsWith(':') || source.includes(': ') || source.includes(' #')) return false;
  return true;
}

/** A plain scalar inside a flow collection: words, numbers and a few separators only. */
function plainFlowScalar(source: string): boolean {
  if (source === '' || !plainStart(source)) return false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (isLetter(c) || isDigit(c) || c === 0x5f || c === DASH || c === 0x2e || c === 0x2f || c === 0x2b || c === 0x40 /* @ */ || c === 0x7e /* ~ */) continue;
    if (c === SPACE && source.charCodeAt(i + 1) !== SPACE) continue;
    if (c > 0xa0) continue;
    return false;
  }
  return printable(source);
}

/**
 * The value of a plain scalar under the YAML 1.2 core schema (null, booleans, integers in
 * decimal, octal and hex, floats, everything else a string). Numbers that are not finite or not
 * exact are left to the full path, which reports them.
 */
export function coreScalar(source: string): unknown {
  const c = source.charCodeAt(0);
  if (isLetter(c) || c === 0x5f) {
    if (source.length > 5) return source;
    if (source === 'null' || source === 'Null' || source === 'NULL') return null;
    if (source === 'true' || source === 'True' || source === 'TRUE') return true;
    if (source === 'false' || source === 'False' || source === 'FALSE') return false;
    return source;
  }
  if (source === '~') return null;
  let value: number;
  if (/^[-+]?[0-9]+$/.test(source)) value = parseInt(source, 10);
  else if (/^0o[0-7]+$/.test(source)) value = parseInt(source.slice(2), 8);
  else if (/^0x[0-9a-fA-F]+$/.test(source)) value = parseInt(source.slice(2), 16);
  else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(source)) {
    value = parseFloat(source);
    if (!Number.isFinite(value)) throw OUTSIDE;
    return value;
  } else if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) throw OUTSIDE;
  else return source;
  if (!Number.isSafeInteger(value)) throw OUTSIDE;
  return value;
}
