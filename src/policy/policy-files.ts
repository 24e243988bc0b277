// Reads Rego modules and data documents from the paths given to check/test/eval, as OPA's loader
// does: directories are searched recursively, and a data file found in a subdirectory is placed
// under that subdirectory's path (dir/a/b/data.json becomes data.a.b).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ModuleSource } from '../rego/index.ts';
import type { Problem } from '../problems/problem.ts';
import { mergeData, nest } from './merge-data.ts';

export interface PolicyFiles {
  modules: ModuleSource[];
  data: unknown;
  problems: Problem[];
}

export interface ReadOptions {
  /** Include `*_test.rego` files (routewise test) or leave them out (check). */
  tests: boolean;
  /** Read data files (.json/.yaml) found in directories. */
  data: boolean;
  cwd: string;
  /**
   * A data file's document parsed ahead (the build parses the built-in settings), given its
   * absolute path and text; undefined means parse the text now.
   */
  parsedData?: (file: string, text: string) => unknown;
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);

export function readPolicyFiles(paths: string[], options: ReadOptions): PolicyFiles {
  const out: PolicyFiles = { modules: [], data: {}, problems: [] };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.problems.push({ code: 'path-not-found', message: `${p}: no such file or directory`, hint: 'check the path: a folder, or a .rego, .json or .yaml file' });
      continue;
    }
    if (st.isDirectory()) walk(p, p, out, options);
    else readOne(p, p, out, options, true);
  }
  out.modules.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return out;
}

function walk(root: string, dir: string, out: PolicyFiles, options: ReadOptions): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    out.problems.push({ code: 'unreadable', message: `${dir}: cannot read directory (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(root, full, out, options);
    } else if (e.isFile()) {
      readOne(root, full, out, options, false);
    }
  }
}

function readOne(root: string, file: string, out: PolicyFiles, options: ReadOptions, explicit: boolean): void {
  const ext = extname(file).toLowerCase();
  const display = relative(options.cwd, file).split(sep).join('/') || file;
  if (ext === '.rego') {
    if (!options.tests && /_test\.rego$/.test(file)) return;
    out.modules.push({ file: display, text: readFileSync(file, 'utf8') });
    return;
  }
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') {
    if (explicit) out.problems.push({ code: 'unknown-file-type', message: `${display}: not a .rego, .json or .yaml file` });
    return;
  }
  if (!options.data && !explicit) return;
  let doc: unknown;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
    doc = options.parsedData?.(file, text);
    if (doc === undefined) doc = ext === '.json' ? JSON.parse(text) : parseYaml(text, { intAsBigInt: false });
  } catch (e) {
    out.problems.push(dataSyntaxProblem(display, e, text));
    return;
  }
  if (doc === null || doc === undefined) return;
  const prefix = explicit ? [] : relative(root, file).split(sep).slice(0, -1);
  out.data = mergeData(out.data, nest(prefix, doc));
}

/** Line and column of a JSON.parse error, which names only an offset ("at position 42") or the end. */
function jsonErrorPosition(e: unknown, text: string): { line: number; col: number } | undefined {
  if (!(e instanceof SyntaxError)) return undefined;
  const offset = /at position (\d+)/.exec(e.message)?.[1];
  const at = offset !== undefined ? Number(offset) : /end of JSON input/.test(e.message) ? text.length : undefined;
  if (at === undefined) return undefined;
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length, col: before.at(-1)!.length + 1 };
}

/** A data file that does not parse, at the line and column the YAML or JSON parser names. */
export function dataSyntaxProblem(file: string, e: unknown, text = ''): Problem {
  const at = e instanceof YAMLParseError ? e.linePos?.[0] : jsonErrorPosition(e, text);
  // The parsers' messages repeat the place (and YAML's adds a code frame); keep the first sentence.
  const message = (e as Error).message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  return {
    code: 'invalid-data-file',
    message: at ? message : `${file}: ${message}`,
    ...(at ? { position: { file, line: at.line, column: at.col } } : {}),
    hint: 'fix the syntax of this data file',
  };
}
