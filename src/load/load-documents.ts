// Reads a YAML file that may hold several documents (Kubernetes manifests, gateway configs) with
// the same guards as a manifest: size, encoding, nesting depth, duplicate keys, aliases, tags.
import { isMap, LineCounter, parseAllDocuments } from 'yaml';
import type { Problem, Result, SourcePosition } from '../problems/problem.ts';
import { decodeText } from './decode-text.ts';
import { inspectNodes, MAX_ALIAS_COUNT, syntaxProblems, tooDeep, tooManyAliases, YAML_OPTIONS } from './load-document.ts';
import type { DocumentPath } from './loaded-document.ts';
import { lineStartsOf } from './line-starts.ts';
import { tooDeepAt } from './nesting-depth.ts';
import { PlainSourcePositions } from './plain-source-positions.ts';
import { readPlainYaml } from './plain-yaml.ts';
import { SourcePositions } from './source-positions.ts';

/** One mapping document of a file, with positions for every path in it. */
export interface LoadedPart {
  file: string;
  data: Record<string, unknown>;
  positionOf(path: DocumentPath): SourcePosition;
  valuePositionOf(path: DocumentPath): SourcePosition;
}

export interface LoadedFile {
  file: string;
  text: string;
  /** The mapping documents, in file order; empty documents and plain values are left out. */
  parts: LoadedPart[];
}

export function loadDocuments(file: string, bytes: Uint8Array): Result<LoadedFile> {
  const decoded = decodeText(file, bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.value;
  // Most configs are plain YAML; they need none of the full parser's machinery.
  const plain = plainParts(file, text);
  if (plain) return { ok: true, value: { file, text, parts: plain } };
  const lines = new LineCounter();
  const at = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const starts = lineStartsOf(text);
    const { line, col } = starts.linePos(deep);
    return fail(tooDeep({ file, line, column: col }));
  }
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lines });
  const syntax = syntaxProblems(docs, text, at);
  if (syntax.length > 0) return fail(...syntax);
  const parts: LoadedPart[] = [];
  for (const doc of docs) {
    const nodeProblems = inspectNodes(doc, text, at);
    if (nodeProblems.length > 0) return fail(...nodeProblems);
    if (!isMap(doc.contents)) continue;
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      return fail(tooManyAliases(at(doc.contents.range?.[0] ?? 0)));
    }
    const positions = new SourcePositions(file, doc, lines);
    parts.push({
      file,
      data: data as Record<string, unknown>,
      positionOf: (path) => positions.positionOf(path),
      valuePositionOf: (path) => positions.valuePositionOf(path),
    });
  }
  return { ok: true, value: { file, text, parts } };
}

/**
 * The documents of a file the plain reader can read whole, or undefined when any of them needs
 * the full parser. Each document is read from the file's text with the other documents' lines
 * blanked, so lines and columns stay those of the file.
 */
function plainParts(file: string, text: string): LoadedPart[] | undefined {
  const lines = text.split('\n');
  const chunks: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && !line.startsWith('---') && !line.startsWith('...')) continue;
    // `--- value` or `--- !tag` starts a document on the marker line: the full parser reads those.
    if (line !== undefined && !/^(---|\.\.\.)[ \t]*(#.*)?\r?$/.test(line)) return undefined;
    chunks.push([start, i]);
    start = i + 1;
  }
  const parts: LoadedPart[] = [];
  for (const [from, to] of chunks) {
    if (lines.slice(from, to).every((l) => /^[ \t]*(#.*)?\r?$/.test(l))) continue;
    const masked = lines.map((l, n) => (n >= from && n < to ? l : '')).join('\n');
    const read = readPlainYaml(masked);
    if (!read) return undefined;
    const positions = new PlainSourcePositions(file, masked, read.root);
    parts.push({
      file,
      data: read.data,
      positionOf: (path) => positions.positionOf(path),
      valuePositionOf: (path) => positions.valuePositionOf(path),
    });
  }
  return parts;
}

function fail(...problems: Problem[]): Result<LoadedFile> {
  return { ok: false, problems };
}
