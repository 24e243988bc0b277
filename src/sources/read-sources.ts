// The file-system side of the drift check: finds each source the manifest (or the command line)
// names, refuses paths that leave the manifest's repository, walks folders within bounds, and
// hands the bytes to the pure loaders and readers.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { loadDocuments, type LoadedFile } from '../load/load-documents.ts';
import type { LoadedDocument } from '../load/loaded-document.ts';
import type { Problem, Result, SourcePosition } from '../problems/problem.ts';
import type { Manifest } from '../manifest/manifest.ts';
import { readKubernetes } from './kubernetes.ts';
import { readLitellm } from './litellm.ts';
import type { GatewayFacts, ObservedSources, SourceFacts, SourceType } from './observed.ts';

export type { ObservedSources };

/** A gateway config or a Kubernetes file is hand-written or generated, but never this large. */
export const MAX_SOURCE_BYTES = 1024 * 1024;
/** A folder source is walked until this many entries; a larger tree is the wrong folder. */
export const MAX_FOLDER_ENTRIES = 10_000;
export const SOURCE_TYPES: readonly SourceType[] = ['litellm', 'kubernetes'];
/** Source files a run keeps parsed; beyond this many, it starts over. */
const MAX_CACHED_FILES = 256;

export interface SourceRequest {
  type: SourceType;
  absolute: string;
  /** As shown in reports: relative to the working directory, forward slashes. */
  display: string;
  /** Where the source is named (a manifest's `sources[].path`); problems about the path go there. */
  namedAt?: SourcePosition;
}

/**
 * What one run has already found out while reading sources: the repository root of each folder,
 * and each source file read, by path, kept while its bytes stay the same. A run judges many
 * manifests that share folders and often one gateway config; a new run starts afresh.
 */
export interface SourceCache {
  roots: Map<string, string>;
  realRoots: Map<string, string>;
  files: Map<string, { bytes: Uint8Array; loaded: Result<LoadedFile> }>;
  gateways: WeakMap<LoadedFile, Result<GatewayFacts>>;
}

export function newSourceCache(): SourceCache {
  return { roots: new Map(), realRoots: new Map(), files: new Map(), gateways: new WeakMap() };
}

/** Reads the manifest's own sources (checked to stay inside its repository) and the extra ones. */
export function observeSources(
  manifest: Manifest,
  doc: LoadedDocument,
  manifestAbsolute: string,
  extra: readonly SourceRequest[],
  cache: SourceCache = newSourceCache(),
): Result<ObservedSources> {
  const own = manifest.sources ?? [];
  if (own.length === 0 && extra.length === 0) return { ok: true, value: { facts: [], texts: {} } };
  const requests: SourceRequest[] = [];
  const problems: Problem[] = [];
  const folder = dirname(manifestAbsolute);
  const root = own.length > 0 ? repositoryRoot(folder, cache) : folder;
  own.forEach((source, i) => {
    const namedAt = doc.valuePositionOf(['sources', i, 'path']);
    const absolute = resolve(folder, source.path);
    const display = posix.normalize(posix.join(posix.dirname(doc.file), source.path.replace(/\\/g, '/'))).replace(/\/$/, '');
    const refused = outsideRepository(absolute, root, source.path, namedAt, cache);
    if (refused) problems.push(refused);
    else requests.push({ type: source.type, absolute, display, namedAt });
  });
  requests.push(...extra);
  const facts: SourceFacts[] = [];
  const texts: Record<string, string> = {};
  for (const request of requests) {
    const read = readSource(request, texts, cache);
    if (read.ok) facts.push(read.value);
    else problems.push(...read.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { facts, texts } };
}

/** A `--source TYPE=PATH` argument; the user's own choice, so it may point anywhere. */
export function parseSourceFlag(flag: string, cwd: string): Result<SourceRequest> {
  const eq = flag.indexOf('=');
  const type = flag.slice(0, eq) as SourceType;
  const path = flag.slice(eq + 1);
  if (eq <= 0 || !SOURCE_TYPES.includes(type) || path === '') {
    return { ok: false, problems: [{ code: 'source-flag', message: `--source ${flag}: expected TYPE=PATH with TYPE one of ${SOURCE_TYPES.join(', ')}` }] };
  }
  const absolute = resolve(cwd, path);
  // A path on the command line that does not exist is a usage mistake, said once, before any
  // manifest is judged (the manifest's own `sources` are checked where they are written).
  if (!existsSync(absolute)) {
    return { ok: false, problems: [{ code: 'path-not-found', message: `--source ${flag}: no such file or folder`, hint: 'the path is relative to the current folder' }] };
  }
  return { ok: true, value: { type, absolute, display: relative(cwd, absolute).split(sep).join('/') || '.' } };
}

function readSource(request: SourceRequest, texts: Record<string, string>, cache: SourceCache): Result<SourceFacts> {
  const files: Result<{ absolute: string; display: string; template?: boolean }[]> =
    request.type === 'kubernetes' ? yamlFilesOf(request) : { ok: true, value: [{ absolute: request.absolute, display: request.display }] };
  if (!files.ok) return files;
  const loaded: LoadedFile[] = [];
  for (const file of files.value) {
    const bytes = readBytes(file.absolute, file.display, request);
    if (!bytes.ok) return bytes;
    // A chart's templates are refused before parsing (one may parse, with `{{ .Values }}` as
    // values); elsewhere a value that starts with a template action cannot parse, so the text is
    // looked at only when parsing failed.
    if (file.template) return { ok: false, problems: [templateProblem(file, bytes.value)!] };
    const parsed = loadCached(file.absolute, file.display, bytes.value, cache);
    if (!parsed.ok) {
      const template = request.type === 'kubernetes' ? templateProblem(file, bytes.value) : undefined;
      return template ? { ok: false, problems: [template] } : parsed;
    }
    texts[file.display] = parsed.value.text;
    loaded.push(parsed.value);
  }
  if (request.type === 'litellm') {
    const gateway = gatewayOf(loaded[0]!, cache);
    if (!gateway.ok) return gateway;
    // LiteLLM merges the files a config names under `include` into it: their models, fallbacks
    // and guardrails are part of the same gateway.
    const included = includedFiles(loaded[0]!, request, cache);
    if (!included.ok) return included;
    let facts = gateway.value;
    for (const file of included.value) {
      const bytes = readBytes(file.absolute, file.display, { ...request, namedAt: file.namedAt });
      if (!bytes.ok) return bytes;
      const parsed = loadCached(file.absolute, file.display, bytes.value, cache);
      if (!parsed.ok) return parsed;
      texts[file.display] = parsed.value.text;
      const more = gatewayOf(parsed.value, cache);
      if (!more.ok) return more;
      facts = {
        ...facts,
        deployments: [...facts.deployments, ...more.value.deployments],
        fallbacks: [...facts.fallbacks, ...more.value.fallbacks],
        guardrails: [...facts.guardrails, ...more.value.guardrails],
        databaseModels: facts.databaseModels ?? more.value.databaseModels,
      };
    }
    return { ok: true, value: { type: 'litellm', facts } };
  }
  return { ok: true, value: { type: 'kubernetes', facts: readKubernetes(request.display, loaded) } };
}

/**
 * A Helm chart's templates (or any file whose values are template actions) are not Kubernetes YAML
 * until rendered: their model is `{{ .Values.model }}`, not a model. Read as they are, they fail to
 * parse or give facts that are not the cluster's. Braces inside a quoted or plain text value
 * (`summary: "{{ $labels.instance }} is down"`) are text, and pass.
 */
function templateProblem(file: { display: string; template?: boolean }, bytes: Uint8Array): Problem | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // A value, list item or line that starts with an action: `name: {{ .Release.Name }}`, `{{- include ... }}`.
  const action = /^[ \t]*(?:-[ \t]+)?(?:[\w.\/-]+:[ \t]+)?\{\{/m.exec(text);
  if (!file.template && !action) return undefined;
  const at = action ? action.index + action[0].length - 2 : Math.max(0, text.indexOf('{{'));
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return {
    code: 'source-invalid',
    message: file.template
      ? `${file.display} is a Helm chart template, not Kubernetes YAML: what it serves is known only once the chart is rendered`
      : `${file.display} holds template actions (\`{{ ... }}\`) where values belong, not plain Kubernetes YAML: what it serves is known only once it is rendered`,
    position: { file: file.display, line, column },
    hint: 'render it first (`helm template <release> <chart> > rendered.yaml`) and name the rendered file or folder as the source',
  };
}

function gatewayOf(file: LoadedFile, cache: SourceCache): Result<GatewayFacts> {
  let gateway = cache.gateways.get(file);
  if (!gateway) cache.gateways.set(file, (gateway = readLitellm(file)));
  return gateway;
}

/**
 * The files a LiteLLM config includes (`include: file` or a list), relative to its folder. They
 * must lie in that folder or below it, links resolved: an include cannot reach other files.
 */
function includedFiles(config: LoadedFile, request: SourceRequest, cache: SourceCache): Result<{ absolute: string; display: string; namedAt: SourcePosition }[]> {
  const part = config.parts[0];
  const include = part?.data.include;
  if (!part || include === undefined || include === null) return { ok: true, value: [] };
  const entries: [string, SourcePosition][] = [];
  if (typeof include === 'string') entries.push([include, part.valuePositionOf(['include'])]);
  else if (Array.isArray(include) && include.every((e) => typeof e === 'string')) include.forEach((e, i) => entries.push([e as string, part.valuePositionOf(['include', i])]));
  else {
    return { ok: false, problems: [{ code: 'source-invalid', message: '`include` must be a file name or a list of file names', position: part.valuePositionOf(['include']), hint: 'write `include: [models.yaml]`, paths relative to the config' }] };
  }
  const folder = dirname(request.absolute);
  const out: { absolute: string; display: string; namedAt: SourcePosition }[] = [];
  for (const [written, namedAt] of entries) {
    const absolute = resolve(folder, written);
    const place = placeIn(absolute, folder, cache);
    if (place === 'missing') {
      return { ok: false, problems: [{ code: 'path-not-found', message: `included file ${written} does not exist`, position: namedAt, hint: 'the path is relative to the folder of the LiteLLM config' }] };
    }
    // The folder itself is no file to include.
    if (place === 'outside' || absolute === folder) {
      return { ok: false, problems: [{ code: 'source-outside-repository', message: `included file ${written} lies outside the folder of the LiteLLM config`, position: namedAt, hint: 'keep included files beside the config or below its folder (no `..` or symbolic link out of it)' }] };
    }
    out.push({ absolute, display: posix.normalize(posix.join(posix.dirname(request.display), written.replace(/\\/g, '/'))), namedAt });
  }
  return { ok: true, value: out };
}

/** A file read before in this run, as shown the same way and with the same bytes, is not parsed again. */
function loadCached(absolute: string, display: string, bytes: Uint8Array, cache: SourceCache): Result<LoadedFile> {
  const key = `${absolute}\u0000${display}`;
  const known = cache.files.get(key);
  if (known && Buffer.from(known.bytes.buffer, known.bytes.byteOffset, known.bytes.byteLength).equals(bytes)) return known.loaded;
  const loaded = loadDocuments(display, bytes);
  // An audit reads the sources of thousands of repositories, each once: the cache stays small.
  if (cache.files.size >= MAX_CACHED_FILES) cache.files.clear();
  cache.files.set(key, { bytes, loaded });
  return loaded;
}

/** The top of the git work tree holding `folder`, or the folder itself outside git. */
function repositoryRoot(folder: string, cache: SourceCache): string {
  const known = cache.roots.get(folder);
  if (known !== undefined) return known;
  let root = folder;
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (cache.roots.size >= MAX_CACHED_FILES) cache.roots.clear();
  cache.roots.set(folder, root);
  return root;
}

/** Where a path lies against a folder, links resolved: inside it (or the folder itself), outside, or nowhere. */
function placeIn(absolute: string, folder: string, cache: SourceCache): 'inside' | 'outside' | 'missing' {
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return 'missing';
  }
  let realFolder = cache.realRoots.get(folder);
  if (realFolder === undefined) cache.realRoots.set(folder, (realFolder = realpathSync(folder)));
  return real === realFolder || real.startsWith(realFolder + sep) ? 'inside' : 'outside';
}

function outsideRepository(absolute: string, root: string, written: string, at: SourcePosition, cache: SourceCache): Problem | undefined {
  const place = placeIn(absolute, root, cache);
  if (place === 'missing') return { code: 'path-not-found', message: `source ${written} does not exist`, position: at, hint: 'the path is relative to the folder of the manifest' };
  if (place === 'inside') return undefined;
  return {
    code: 'source-outside-repository',
    message: `source ${written} resolves outside the manifest's repository`,
    position: at,
    hint: 'sources stay inside the repository of the manifest (no `..` or symbolic link out of it); pass other files with --source',
  };
}

function yamlFilesOf(request: SourceRequest): Result<{ absolute: string; display: string; template?: boolean }[]> {
  let isFolder: boolean;
  try {
    isFolder = statSync(request.absolute).isDirectory();
  } catch {
    return unreadable(request, request.display, 'no such file or folder');
  }
  if (!isFolder) return { ok: true, value: [{ absolute: request.absolute, display: request.display, ...(inChartTemplates(dirname(request.absolute)) ? { template: true } : {}) }] };
  const found: { absolute: string; display: string; template?: boolean }[] = [];
  const pending: [string, string, boolean][] = [[request.absolute, request.display, inChartTemplates(request.absolute)]];
  let entries = 0;
  while (pending.length > 0) {
    const [dir, shown, templates] = pending.pop()!;
    const names = readdirSync(dir).sort();
    for (const name of names) {
      if (++entries > MAX_FOLDER_ENTRIES) {
        return {
          ok: false,
          problems: [
            {
              code: 'source-too-many-files',
              message: `source folder ${request.display} holds more than ${MAX_FOLDER_ENTRIES} entries; it was not read`,
              position: request.namedAt ?? { file: request.display, line: 1, column: 1 },
              hint: 'point the source at the folder that holds the Kubernetes manifests of the model servers',
            },
          ],
        };
      }
      if (name.startsWith('.')) continue;
      const absolute = join(dir, name);
      const display = `${shown}/${name}`;
      // Links inside a folder are not followed: they could lead out of the repository.
      const st = lstatSync(absolute);
      if (st.isDirectory()) pending.push([absolute, display, templates || (name === 'templates' && existsSync(join(dir, 'Chart.yaml')))]);
      else if (st.isFile() && /\.ya?ml$/i.test(name)) found.push({ absolute, display, ...(templates ? { template: true } : {}) });
    }
  }
  return { ok: true, value: found.sort((a, b) => (a.display < b.display ? -1 : 1)) };
}

/** Whether a folder is (or lies in) a Helm chart's templates: a `templates` folder beside a Chart.yaml. */
function inChartTemplates(dir: string): boolean {
  for (let d = dir; dirname(d) !== d; d = dirname(d)) {
    if (basename(d) === 'templates' && existsSync(join(dirname(d), 'Chart.yaml'))) return true;
  }
  return false;
}

function readBytes(absolute: string, display: string, request: SourceRequest): Result<Uint8Array> {
  try {
    const st = statSync(absolute);
    if (st.isDirectory()) return unreadable(request, display, 'a folder, not a file');
    if (st.size > MAX_SOURCE_BYTES) {
      return {
        ok: false,
        problems: [
          {
            code: 'file-too-large',
            message: `${display} is ${st.size} bytes; a source file may be at most 1 MB`,
            position: { file: display, line: 1, column: 1 },
            hint: 'check that this is the configuration you meant',
          },
        ],
      };
    }
    return { ok: true, value: readFileSync(absolute) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return unreadable(request, display, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read');
  }
}

function unreadable<T>(request: SourceRequest, display: string, why: string): Result<T> {
  return {
    ok: false,
    problems: [{ code: 'unreadable', message: `source ${display}: ${why}`, position: request.namedAt ?? { file: display, line: 1, column: 1 }, hint: 'check the path' }],
  };
}
