// Bundles the CLI into dist/cli so `routewise` starts fast: one file to load, dependencies inlined,
// rarely used parts (the wasm engine) split into chunks loaded on demand. Files are built aside and
// renamed into place, so a `routewise` already running (or a parallel test) never sees a half build.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';

const outdir = new URL('../dist/cli/', import.meta.url).pathname;
const staging = new URL(`../dist/.cli-build-${process.pid}/`, import.meta.url).pathname;

await build({
  entryPoints: { main: new URL('../src/cli/main.ts', import.meta.url).pathname },
  outdir: staging,
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

mkdirSync(outdir, { recursive: true });
const built = readdirSync(staging);
// Chunks first, the entry last: a process starting meanwhile finds every chunk main.js imports.
for (const f of built.filter((f) => f !== 'main.js')) renameSync(staging + f, outdir + f);
renameSync(staging + 'main.js', outdir + 'main.js');
rmSync(staging, { recursive: true, force: true });
const keep = new Set(built);
for (const f of readdirSync(outdir)) if (!keep.has(f) && f.endsWith('.js')) rmSync(outdir + f, { force: true });
