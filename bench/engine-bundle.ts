// Loads the Rego engine as the shipped CLI runs it: bundled by esbuild without the name-keeping
// wrappers a TypeScript loader adds to every closure, which would distort hot-path timings.
import { build } from 'esbuild';
import { NODE_ESM_BUNDLE } from '../scripts/esbuild-node.mjs';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

type EngineModule = typeof import('../src/rego/index.ts');

export async function loadBundledEngine(): Promise<EngineModule> {
  const outfile = fileURLToPath(new URL(`../dist/bench/rego-engine-${process.pid}.mjs`, import.meta.url));
  await build({
    entryPoints: [fileURLToPath(new URL('../src/rego/index.ts', import.meta.url))],
    outfile,
    ...NODE_ESM_BUNDLE,
  });
  try {
    return (await import(pathToFileURL(outfile).href)) as EngineModule;
  } finally {
    rmSync(outfile, { force: true });
  }
}
