// The built-in policies parsed at build time, so `routewise check` does not parse 60 KB of Rego
// and its METADATA YAML on every run. A module is reused only when its text is exactly the text
// on disk; anything unexpected (no file, other V8, corrupt data) means parsing as before.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseModule, restoreCompiled, storeCompiled, type Location, type Module, type ModuleSource, type StoredCompiled } from '../rego/index.ts';
import { compileRules, type CompiledRules } from './rego-engine.ts';

/** Written beside the bundle by the build. */
export const PARSED_POLICIES_FILE = 'builtin-policies.v8';

/** The built-in policies compiled, with their finding query prepared; written beside the policies file. */
const COMPILED_POLICIES_FILE = 'builtin-rules.v8';

/** The built-in settings documents (data.yaml), parsed by the build; written beside the policies file. */
const PARSED_DATA_FILE = 'builtin-data.v8';

const BESIDE_THIS_MODULE = fileURLToPath(new URL(`./${PARSED_POLICIES_FILE}`, import.meta.url));

const FORMAT = 2;

interface Entry {
  /** Path below the policies folder, with `/`: also the file name in the stored locations. */
  path: string;
  text: string;
  module: Module;
  /**
   * Every location object in the module. The store keeps object identity, so a run renames the
   * file in these alone, without walking the whole tree.
   */
  locations: Location[];
}

interface DataEntry {
  /** Path below the policies folder, with `/`. */
  path: string;
  text: string;
  /** The document as the policy file reader parses it. */
  value: unknown;
}

interface StoredData {
  format: number;
  v8: string;
  entries: DataEntry[];
}

interface Stored {
  format: number;
  /** v8.serialize output is read back only by the same V8. */
  v8: string;
  entries: Entry[];
}

/**
 * Parses every non-test .rego file under `policiesDir` and stores the modules in `outFile`, and
 * beside it the same policies compiled. Gives why they were not compiled ahead, if they were not.
 */
export function writeParsedPolicies(policiesDir: string, outFile: string): { notCompiled?: string } {
  const entries: Entry[] = [];
  const data: DataEntry[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && /\.ya?ml$/i.test(e.name)) {
        const text = readFileSync(full, 'utf8');
        // A document that does not parse is left out: the run reports it from the source.
        try {
          data.push({ path: relative(policiesDir, full).split(sep).join('/'), text, value: parseYaml(text, { intAsBigInt: false }) });
        } catch {
          continue;
        }
      } else if (e.isFile() && e.name.endsWith('.rego') && !e.name.endsWith('_test.rego')) {
        const path = relative(policiesDir, full).split(sep).join('/');
        const text = readFileSync(full, 'utf8');
        // A policy that does not parse is left out: the run reports it from the source.
        try {
          const module = parseModule(path, text, { regoVersion: 'v1' });
          entries.push({ path, text, module, locations: locationsIn(module, path) });
        } catch {
          continue;
        }
      }
    }
  };
  walk(policiesDir);
  writeFileSync(outFile, serialize({ format: FORMAT, v8: process.versions.v8, entries } satisfies Stored));
  writeFileSync(join(dirname(outFile), PARSED_DATA_FILE), serialize({ format: FORMAT, v8: process.versions.v8, entries: data } satisfies StoredData));
  try {
    return writeCompiledPolicies(entries, join(dirname(outFile), COMPILED_POLICIES_FILE));
  } catch (e) {
    // Runs compile the policies then, as before; only their start-up is slower.
    return { notCompiled: e instanceof Error ? e.message : String(e) };
  }
}

interface StoredRules {
  format: number;
  v8: string;
  /** The sources compiled, sorted by path as a run lists them. */
  sources: { path: string; text: string }[];
  compiled: StoredCompiled;
}

/**
 * Compiles the built-in policies as a run given no other policies does, and stores the result.
 * Parses them afresh, since storing takes the compiled policy apart. Policies that do not compile
 * (or cannot be stored) are left out: runs then compile them, reporting what is wrong.
 */
function writeCompiledPolicies(entries: readonly Entry[], outFile: string): { notCompiled?: string } {
  const sources = entries.map((e) => ({ path: e.path, text: e.text })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const modules = sources.map((e) => parseModule(e.path, e.text, { regoVersion: 'v1' }));
  const rules = compileRules({ sources: sources.map((e) => ({ file: e.path, text: e.text })), parsed: modules, data: {} });
  if (!rules.ok) return { notCompiled: rules.problems.map((p) => p.message).join('; ') };
  if (!rules.value.query) return { notCompiled: 'they define no finding rule' };
  const compiled = storeCompiled(rules.value.policy, [rules.value.query]);
  writeFileSync(outFile, serialize({ format: FORMAT, v8: process.versions.v8, sources, compiled } satisfies StoredRules));
  return {};
}

/**
 * The built-in policies as the build compiled them, when `sources` are exactly those (same files
 * in the same order, same text) and the store is usable; otherwise undefined, and the caller
 * compiles. Read afresh on each call, so no two engines share the same objects.
 */
export function compiledBuiltinRules(
  sources: readonly ModuleSource[],
  policiesDir: string,
  cwd: string,
  storeFile: string = BESIDE_THIS_MODULE,
): CompiledRules | undefined {
  let stored: StoredRules;
  try {
    stored = deserialize(readFileSync(join(dirname(storeFile), COMPILED_POLICIES_FILE))) as StoredRules;
  } catch {
    return undefined;
  }
  if (stored?.format !== FORMAT || stored.v8 !== process.versions.v8 || !Array.isArray(stored.sources) || stored.sources.length !== sources.length) return undefined;
  const shown = new Map<string, string>();
  for (const [i, source] of sources.entries()) {
    const entry = stored.sources[i]!;
    if (source.text !== entry.text || resolve(cwd, source.file) !== resolve(policiesDir, entry.path)) return undefined;
    shown.set(entry.path, source.file);
  }
  const restored = restoreCompiled(stored.compiled, (file) => shown.get(file) ?? file);
  if (!restored) return undefined;
  return { policy: restored.policy, query: restored.queries[0] };
}

/**
 * Looks up a built-in data document parsed by the build: given a data file's absolute path and
 * its text, the document when the stored text is exactly that text, else undefined (parse it).
 * Each document is handed out once, so no two readers share (and alter) the same objects.
 */
export function parsedBuiltinData(policiesDir: string, storeFile: string = BESIDE_THIS_MODULE): (file: string, text: string) => unknown {
  let stored: Map<string, DataEntry> | null | undefined;
  return (file, text) => {
    if (stored === undefined) {
      try {
        const data = deserialize(readFileSync(join(dirname(storeFile), PARSED_DATA_FILE))) as StoredData;
        stored = data?.format === FORMAT && data.v8 === process.versions.v8 && Array.isArray(data.entries) ? new Map(data.entries.map((e) => [resolve(policiesDir, e.path), e])) : null;
      } catch {
        stored = null;
      }
    }
    const key = resolve(file);
    const entry = stored?.get(key);
    if (!entry || entry.text !== text) return undefined;
    stored!.delete(key);
    return entry.value;
  };
}

/**
 * The stored entries by absolute path, or null when there is no usable file. Read afresh on
 * each call, so no two engines share (and the compiler never alters) the same module objects.
 */
function storedEntries(storeFile: string, policiesDir: string): Map<string, Entry> | null {
  try {
    const data = deserialize(readFileSync(storeFile)) as Stored;
    if (data?.format !== FORMAT || data.v8 !== process.versions.v8 || !Array.isArray(data.entries)) return null;
    return new Map(data.entries.map((e) => [resolve(policiesDir, e.path), e]));
  } catch {
    // Absent (running from source) or unreadable: parse instead.
    return null;
  }
}

/**
 * The sources as parsed modules, in order: built-in ones from the build, the rest parsed now.
 * Undefined when nothing stored applies or a source does not parse; the caller then compiles
 * the sources itself, which reports the errors as usual.
 */
export function parsedPolicies(
  sources: readonly ModuleSource[],
  policiesDir: string,
  cwd: string,
  storeFile: string = BESIDE_THIS_MODULE,
): Module[] | undefined {
  const entries = storedEntries(storeFile, policiesDir);
  if (!entries) return undefined;
  let reused = 0;
  const modules: Module[] = [];
  for (const source of sources) {
    const key = resolve(cwd, source.file);
    const entry = entries.get(key);
    if (entry && entry.text === source.text) {
      // One module object per source, even if a file were given twice.
      entries.delete(key);
      modules.push(relocate(entry, source.file));
      reused++;
      continue;
    }
    try {
      modules.push(parseModule(source.file, source.text, { regoVersion: 'v1' }));
    } catch {
      return undefined;
    }
  }
  return reused > 0 ? modules : undefined;
}

/** Renames the file in every location of a stored module to the name this run shows. */
function relocate(entry: Entry, to: string): Module {
  if (entry.path === to) return entry.module;
  entry.module.file = to;
  for (const location of entry.locations) location.file = to;
  return entry.module;
}

/** The location objects of a module: objects with a `row` whose `file` is the module's. */
function locationsIn(module: Module, file: string): Location[] {
  const found: Location[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const record = node as Record<string, unknown>;
    // Locations only: METADATA's own data may hold a `file` key too.
    if (record.file === file && typeof record.row === 'number') found.push(record as unknown as Location);
    for (const key in record) visit(record[key]);
  };
  visit(module);
  return found;
}
