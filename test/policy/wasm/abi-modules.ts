// Assembles the hand-written ABI test modules (test/fixtures/wasm/*.wat) and packs them into
// bundles the way `opa build -t wasm` lays them out, so the loader is tested on real bytes.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import wabtInit from 'wabt';

const DIR = 'test/fixtures/wasm';
let wabt: Awaited<ReturnType<typeof wabtInit>> | undefined;

/**
 * A fixture's wasm bytes; a file that is not a whole `(module ...)` joins the shared ABI runtime,
 * whose memory import can be given other limits (`"40"`, `"2 64"`) to test how the host sizes memory.
 */
export async function abiModule(name: string, options: { memoryLimits?: string } = {}): Promise<Uint8Array> {
  wabt ??= await wabtInit();
  const own = readFileSync(`${DIR}/${name}.wat`, 'utf8');
  const whole = /^\s*(;;[^\n]*\n\s*)*\(module/.test(own);
  let runtime = readFileSync(`${DIR}/abi-runtime.wat`, 'utf8');
  if (options.memoryLimits) runtime = runtime.replace('(import "env" "memory" (memory 2))', `(import "env" "memory" (memory ${options.memoryLimits}))`);
  const text = whole ? own : `(module\n${runtime}\n${own}\n)`;
  const mod = wabt.parseWat(`${name}.wat`, text, { bulk_memory: true });
  try {
    mod.validate();
    return new Uint8Array(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
}

/** A tar archive of the given files (paths as in a bundle: `/policy.wasm`), gzipped unless asked not to. */
export async function packBundle(files: Record<string, Uint8Array | string>, options: { gzip?: boolean } = {}): Promise<Uint8Array> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) {
    pack.entry({ name, type: 'file' }, typeof content === 'string' ? content : Buffer.from(content));
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  const archive = Buffer.concat(chunks);
  return options.gzip === false ? archive : gzipSync(archive);
}
