// Reads an OPA bundle built with `opa build -t wasm` (a .tar.gz, a plain .tar, or a bare
// policy.wasm) into the module bytes, the bundle's base data and its .manifest.
import { gunzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { parse as parseYaml } from 'yaml';
import type { Problem, ProblemCode, Result } from '../../problems/problem.ts';

/** One `wasm` entry of a bundle's .manifest: which module serves which entrypoint. */
export interface WasmResolver {
  entrypoint: string;
  module: string;
  /** Rego METADATA of the entrypoint rule, when `opa build` recorded it. */
  annotations?: unknown[];
}

export interface BundleManifest {
  revision?: string;
  roots?: string[];
  wasm: WasmResolver[];
  metadata?: Record<string, unknown>;
}

export interface Bundle {
  wasm: Uint8Array;
  /** Base documents from every data.json / data.yaml, nested under their folders. */
  data: unknown;
  manifest?: BundleManifest;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const GZIP_MAGIC = [0x1f, 0x8b];
/**
 * Bounds what a bundle may decompress to, so a crafted archive cannot exhaust memory: real policy
 * bundles are a few megabytes, and every byte unpacked is held (and its data parsed) at once.
 */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

export async function readBundle(bytes: Uint8Array, name: string): Promise<Result<Bundle>> {
  if (startsWith(bytes, WASM_MAGIC)) return { ok: true, value: { wasm: bytes, data: {} } };
  let tarBytes = bytes;
  if (startsWith(bytes, GZIP_MAGIC)) {
    try {
      tarBytes = gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        return fail('wasm-bundle-unsupported', `${name}: the bundle unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB; routewise refuses bundles that large`, 'keep large data out of the bundle, or split it');
      }
      return fail('wasm-bundle-corrupt', `${name}: the gzip data is corrupt (${(e as Error).message})`);
    }
  } else if (bytes.length > MAX_UNPACKED_BYTES) {
    return fail('wasm-bundle-unsupported', `${name}: the bundle is larger than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB; routewise refuses bundles that large`, 'keep large data out of the bundle, or split it');
  } else if (!isTar(bytes)) {
    return fail('wasm-bundle-corrupt', `${name}: neither a bundle (.tar.gz) nor a wasm module`);
  }
  const files = await untar(tarBytes);
  if (!files.ok) {
    if (files.duplicate !== undefined) {
      return fail('wasm-bundle-corrupt', `${name}: the bundle holds /${files.duplicate} twice; refusing to guess which one runs`, 'rebuild the bundle so each path appears once');
    }
    return fail('wasm-bundle-corrupt', `${name}: not a readable tar archive (${files.error})`);
  }
  return assemble(files.value, name);
}

function assemble(files: Map<string, Uint8Array>, name: string): Result<Bundle> {
  let manifest: BundleManifest | undefined;
  const manifestBytes = files.get('.manifest');
  if (manifestBytes) {
    const m = readManifest(manifestBytes, name);
    if (!m.ok) return m;
    manifest = m.value;
  }
  const modules = [...new Set((manifest?.wasm ?? []).map((w) => normalize(w.module)))];
  if (modules.length > 1) {
    return fail('wasm-bundle-unsupported', `${name}: the bundle holds ${modules.length} wasm modules (${modules.join(', ')}); routewise runs bundles with one module`);
  }
  const modulePath = modules[0] ?? 'policy.wasm';
  const wasm = files.get(modulePath);
  if (!wasm) return fail('wasm-bundle-corrupt', `${name}: the bundle has no /${modulePath}`, 'build it with `opa build -t wasm -e <entrypoint> ...`');

  // Each file is merged into one tree in place: merging copies would cost quadratic time in the
  // number of data files.
  const data: Record<string, unknown> = {};
  const dataFiles = [...files.keys()].filter((p) => /(^|\/)data\.(json|ya?ml)$/.test(p)).sort();
  for (const path of dataFiles) {
    const text = new TextDecoder().decode(files.get(path));
    let doc: unknown;
    try {
      doc = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      return fail('wasm-bundle-corrupt', `${name}: /${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
    }
    const dirs = path.split('/').slice(0, -1);
    mergeAt(data, dirs, doc ?? {});
  }
  return { ok: true, value: { wasm, data, ...(manifest ? { manifest } : {}) } };
}

function readManifest(bytes: Uint8Array, name: string): Result<BundleManifest> {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return fail('wasm-bundle-corrupt', `${name}: /.manifest is not valid JSON: ${(e as Error).message}`);
  }
  if (!isRecord(doc)) return fail('wasm-bundle-corrupt', `${name}: /.manifest is not a JSON object`);
  const wasm: WasmResolver[] = [];
  for (const w of Array.isArray(doc.wasm) ? doc.wasm : []) {
    if (!isRecord(w) || typeof w.entrypoint !== 'string' || typeof w.module !== 'string') {
      return fail('wasm-bundle-corrupt', `${name}: /.manifest has a wasm entry without a string entrypoint and module`);
    }
    wasm.push({ entrypoint: w.entrypoint, module: w.module, ...(Array.isArray(w.annotations) ? { annotations: w.annotations } : {}) });
  }
  return {
    ok: true,
    value: {
      wasm,
      ...(typeof doc.revision === 'string' ? { revision: doc.revision } : {}),
      ...(Array.isArray(doc.roots) ? { roots: doc.roots.filter((r): r is string => typeof r === 'string') } : {}),
      ...(isRecord(doc.metadata) ? { metadata: doc.metadata } : {}),
    },
  };
}

/**
 * Lays `doc` over the tree at `path` (creating the folders on the way), objects merged key by key
 * and anything else replaced, as data files merge everywhere; `tree` is changed, nothing copied.
 */
function mergeAt(tree: Record<string, unknown>, path: readonly string[], doc: unknown): void {
  let node = tree;
  for (const [i, key] of path.entries()) {
    const next = node[key];
    if (i === path.length - 1 && !isRecord(doc)) {
      node[key] = doc;
      return;
    }
    if (!isRecord(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  if (!isRecord(doc)) return;
  for (const [k, v] of Object.entries(doc)) {
    if (isRecord(v) && isRecord(node[k])) mergeAt(node, [k], v);
    else node[k] = v;
  }
}

type Untarred = { ok: true; value: Map<string, Uint8Array> } | { ok: false; error: string; duplicate?: string };

async function untar(bytes: Uint8Array): Promise<Untarred> {
  const files = new Map<string, Uint8Array>();
  let duplicate: string | undefined;
  const extract = tar.extract();
  try {
    const done = (async () => {
      for await (const entry of extract) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        if (entry.header.type === 'file' || entry.header.type === 'contiguous-file') {
          const path = normalize(entry.header.name);
          // A later entry would silently replace the first: two `policy.wasm` and a reader that
          // disagrees with another tool about which one is the bundle.
          if (files.has(path)) duplicate ??= path;
          const bytes = Buffer.concat(chunks);
          files.set(path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        }
      }
    })();
    extract.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await done;
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  if (duplicate !== undefined) return { ok: false, error: 'duplicate entry', duplicate };
  if (files.size === 0) return { ok: false, error: 'it holds no files' };
  return { ok: true, value: files };
}

/** Bundle paths are written `/policy.wasm`, `./policy.wasm` or `policy.wasm`; keep one form. */
function normalize(path: string): string {
  return path.replace(/^(\.?\/)+/, '');
}

/** A POSIX tar header carries `ustar` at offset 257. */
function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function fail<T>(code: ProblemCode, message: string, hint?: string): Result<T> {
  const problem: Problem = { code, message, hint: hint ?? 'rebuild the bundle with `opa build -t wasm` and pass its .tar.gz (or the policy.wasm inside it)' };
  return { ok: false, problems: [problem] };
}
