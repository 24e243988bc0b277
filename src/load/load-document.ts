// Reads one manifest (YAML or JSON) from bytes into a LoadedDocument, reporting every reason it
// cannot be a manifest as a Problem with file:line:col. Pure: the caller reads the file.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Document, type Node } from 'yaml';
import type { Problem, Result } from '../problems/problem.ts';
import { ambiguousLineBreakAt, lineBreakName } from './ambiguous-line-break.ts';
import { decodeText } from './decode-text.ts';
import type { LoadedDocument } from './loaded-document.ts';
import { lineStartsOf } from './line-starts.ts';
import { tooDeepAt } from './nesting-depth.ts';
import { plainJsonData } from './plain-json.ts';
import { PlainSourcePositions } from './plain-source-positions.ts';
import { readPlainYaml } from './plain-yaml.ts';
import { SourcePositions } from './source-positions.ts';
import { explainYamlError } from './yaml-syntax-error.ts';

/** A manifest needs a handful of anchors at most; more suggests an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

const PLAIN_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

// The core schema keeps `2027-03-01` a string (no timestamps) even under a %YAML 1.1 directive.
export const YAML_OPTIONS = { schema: 'core', prettyErrors: false, uniqueKeys: true } as const;

export function loadDocument(file: string, bytes: Uint8Array): Result<LoadedDocument> {
  const decoded = decodeText(file, bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.value;

  // Before either reader: the plain reader and the full parser must refuse the same texts.
  const ambiguous = ambiguousLineBreakAt(text);
  if (ambiguous !== undefined) return fail(ambiguousLineBreak(file, text, ambiguous));
  // Blank means white space only (as trim() sees it), found without copying the text.
  if (!/\S/.test(text)) return fail(emptyFile(file));
  if (file.toLowerCase().endsWith('.json')) {
    const json = parseJson(file, text);
    if (!json.ok) return json;
    const data = plainJsonData(text, json.value);
    if (data) {
      // The YAML parse is only for positions, which most documents are never asked for.
      let positions: SourcePositions | undefined;
      const located = () => (positions ??= yamlPositions(file, text));
      return {
        ok: true,
        value: {
          file,
          text,
          data,
          positionOf: (path) => located().positionOf(path),
          valuePositionOf: (path) => located().valuePositionOf(path),
        },
      };
    }
  } else {
    // Most manifests are plain YAML; they need none of the full parser's machinery.
    const plain = readPlainYaml(text);
    if (plain) {
      const positions = new PlainSourcePositions(file, text, plain.root);
      return {
        ok: true,
        value: {
          file,
          text,
          data: plain.data,
          positionOf: (path) => positions.positionOf(path),
          valuePositionOf: (path) => positions.valuePositionOf(path),
        },
      };
    }
  }

  const deep = tooDeepAt(text);
  if (deep !== undefined) return fail(tooDeep(positionIn(file, lineStartsOf(text), deep)));

  // Only texts the plain readers leave get this far.
  const lines = new LineCounter();
  const at = (offset: number) => positionIn(file, lines, offset);

  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lines });
  if (docs.length === 0) return fail(emptyFile(file));

  const syntax = syntaxProblems(docs, text, at);
  if (syntax.length > 0) return fail(...syntax);

  if (docs.length > 1) {
    return fail({
      code: 'yaml-multiple-documents',
      message: `file holds ${docs.length} YAML documents; a manifest is exactly one`,
      position: at(documentStart(docs[1]!)),
      hint: 'put each manifest in its own file, or remove the `---` separator',
    });
  }
  const doc = docs[0]!;
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return fail(emptyFile(file));
  if (!isMap(contents)) {
    return fail({
      code: 'manifest-not-a-mapping',
      message: `the manifest must be a mapping (apiVersion: ..., kind: ...), not ${isSeq(contents) ? 'a list' : 'a single value'}`,
      position: at(contents.range?.[0] ?? 0),
      hint: 'start the file with `apiVersion: routewise/v1` and `kind: LLMDeployment`',
    });
  }

  const nodeProblems = inspectNodes(doc, text, at);
  if (nodeProblems.length > 0) return fail(...nodeProblems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    // toJS throws only when alias expansion exceeds the limit (unknown aliases are caught above).
    return fail(tooManyAliases(at(firstAliasOffset(doc) ?? 0)));
  }

  const positions = new SourcePositions(file, doc, lines);
  return {
    ok: true,
    value: {
      file,
      text,
      data: data as Record<string, unknown>,
      positionOf: (path) => positions.positionOf(path),
      valuePositionOf: (path) => positions.valuePositionOf(path),
    },
  };
}

function fail(...problems: Problem[]): Result<LoadedDocument> {
  return { ok: false, problems };
}

function positionIn(file: string, lines: LineCounter, offset: number) {
  const { line, col } = lines.linePos(offset);
  return { file, line, column: col };
}

function emptyFile(file: string): Problem {
  return {
    code: 'file-empty',
    message: 'file is empty: it holds no manifest',
    position: { file, line: 1, column: 1 },
    hint: 'start with `apiVersion: routewise/v1` and `kind: LLMDeployment` (see `routewise init`)',
  };
}

function ambiguousLineBreak(file: string, text: string, offset: number): Problem {
  return {
    code: 'yaml-ambiguous-line-break',
    message: `${lineBreakName(text[offset]!)} outside quotes: YAML readers disagree on whether it ends the line`,
    position: positionIn(file, lineStartsOf(text), offset),
    hint: 'end lines with a line feed (or CR LF); such a character may stay only inside a quoted string',
  };
}

export function tooManyAliases(position: Problem['position']): Problem {
  return {
    code: 'yaml-too-many-aliases',
    message: `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} alias resolutions)`,
    position,
    hint: 'write the repeated values out, or use fewer anchors and aliases',
  };
}

export function tooDeep(position: Problem['position']): Problem {
  return {
    code: 'yaml-too-deep',
    message: 'values are nested too deeply to read',
    position,
    hint: 'a manifest nests a few levels at most; check for unclosed brackets',
  };
}

/** Positions from the full YAML parse of a text already known to parse cleanly. */
function yamlPositions(file: string, text: string): SourcePositions {
  const lines = new LineCounter();
  const doc = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lines }) as Document[];
  return new SourcePositions(file, doc[0]!, lines);
}

/** JSON files must be JSON, not merely YAML: YAML would accept trailing commas and comments. */
function parseJson(file: string, text: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    const offset = Math.min(match ? Number(match[1]) : text.length, text.length);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return {
      ok: false,
      problems: [
        {
          code: 'json-syntax',
          message: `invalid JSON: ${message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '')}`,
          position: { file, line, column },
          hint: 'fix the JSON syntax here (no trailing commas or comments in JSON)',
        },
      ],
    };
  }
}

export function syntaxProblems(docs: Document[], text: string, at: (offset: number) => Problem['position']): Problem[] {
  const problems: Problem[] = [];
  let syntaxReported = false;
  for (const doc of docs) {
    for (const error of doc.errors) {
      if (error.code === 'DUPLICATE_KEY') {
        const key = keyTextAt(text, error.pos[0]);
        problems.push({
          code: 'yaml-duplicate-key',
          message: `duplicate key \`${key}\`: it appears more than once in the same mapping`,
          position: at(error.pos[0]),
          hint: 'keep one of them; YAML keeps only one value per key',
        });
      } else if (!syntaxReported && /call stack/i.test(error.message)) {
        syntaxReported = true;
        problems.push(tooDeep(at(error.pos[0])));
      } else if (!syntaxReported) {
        // Later syntax errors are usually consequences of the first; one is actionable.
        syntaxReported = true;
        const explained = explainYamlError({ code: error.code, message: error.message, offset: error.pos[0] }, text);
        problems.push({
          code: 'yaml-syntax',
          message: `invalid YAML: ${explained.message}`,
          position: at(explained.offset),
          hint: explained.hint,
        });
      }
    }
  }
  return problems;
}

/** The key written at `offset`, without quotes (the parser's error range covers one character). */
function keyTextAt(text: string, offset: number): string {
  const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^:,{}\[\]\n]*))/.exec(text.slice(offset));
  const key = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
  return key === '' ? 'key' : key;
}

function documentStart(doc: Document): number {
  const range = (doc as unknown as { range?: [number, number, number] }).range;
  return range?.[0] ?? doc.contents?.range?.[0] ?? 0;
}

/** Problems that the YAML parser accepts but a plain manifest must not contain. */
export function inspectNodes(doc: Document, text: string, at: (offset: number) => Problem['position']): Problem[] {
  const problems: Problem[] = [];
  let aliases = 0;
  visit(doc, (_key, node) => {
    const offset = (node as Node | null)?.range?.[0] ?? 0;
    if (isAlias(node)) {
      aliases++;
      if (aliases === MAX_ALIAS_COUNT + 1) {
        problems.push({
          code: 'yaml-too-many-aliases',
          message: `file uses more than ${MAX_ALIAS_COUNT} aliases`,
          position: at(offset),
          hint: 'write the repeated values out, or use fewer anchors and aliases',
        });
      }
      if (node.resolve(doc) === undefined) {
        problems.push({
          code: 'yaml-unknown-alias',
          message: `alias \`*${node.source}\` refers to no anchor defined before it`,
          position: at(offset),
          hint: `define \`&${node.source}\` on a value earlier in the file`,
        });
      }
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (pair.key !== null && !isScalar(pair.key)) {
          problems.push({
            code: 'yaml-complex-key',
            message: 'a mapping key must be a plain value, not a list or mapping',
            position: at((pair.key as Node).range?.[0] ?? offset),
            hint: 'use a plain name as the key',
          });
        }
      }
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      const tag = (node as { tag?: string }).tag;
      if (tag !== undefined && !PLAIN_TAGS.has(tag)) {
        problems.push({
          code: 'yaml-unsupported-tag',
          message: `tag \`${tag.replace('tag:yaml.org,2002:', '!!')}\` is not supported in a manifest`,
          position: at(offset),
          hint: 'remove the tag; manifests use plain strings, numbers, booleans, lists and mappings',
        });
      }
    }
    if (isScalar(node) && typeof node.value === 'number') {
      const source = text.slice(offset, node.range?.[1] ?? offset);
      if (!Number.isFinite(node.value)) {
        problems.push({
          code: 'yaml-number-not-finite',
          message: `\`${source}\` is not a finite number`,
          position: at(offset),
          hint: 'write a finite number',
        });
      } else if (/^[-+]?(0x[0-9a-f]+|0o[0-7]+|[0-9]+)$/i.test(source) && !Number.isSafeInteger(node.value)) {
        problems.push({
          code: 'yaml-number-too-large',
          message: `\`${source}\` is too large to be represented exactly (the largest integer is ${Number.MAX_SAFE_INTEGER})`,
          position: at(offset),
          hint: 'use a smaller number',
        });
      }
    }
  });
  return problems;
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
