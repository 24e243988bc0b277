// Bundles the CLI into dist/cli so `routewise` starts fast: one file to load, dependencies inlined,
// rarely used parts (the wasm engine) split into chunks loaded on demand.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = new URL('../dist/cli/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { main: new URL('../src/cli/main.ts', import.meta.url).pathname },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled CommonJS packages call require() for Node built-ins.
  banner: { js: "import { createRequire as __rwCreateRequire } from 'node:module'; const require = __rwCreateRequire(import.meta.url);" },
});
