// Loads the Rego engine as the shipped CLI runs it: bundled by esbuild without the name-keeping
// wrappers a TypeScript loader adds to every closure, which would distort hot-path timings.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

type EngineModule = typeof import('../src/rego/index.ts');

export async function loadBundledEngine(): Promise<EngineModule> {
  const outfile = fileURLToPath(new URL(`../dist/bench/rego-engine-${process.pid}.mjs`, import.meta.url));
  await build({
    entryPoints: [fileURLToPath(new URL('../src/rego/index.ts', import.meta.url))],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __rwCreateRequire } from 'node:module'; const require = __rwCreateRequire(import.meta.url);" },
  });
  try {
    return (await import(pathToFileURL(outfile).href)) as EngineModule;
  } finally {
    rmSync(outfile, { force: true });
  }
}
