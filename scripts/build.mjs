// Bundles the CLI into dist/cli so `routewise` starts fast: one file to load, dependencies inlined,
// rarely used parts (the wasm engine) split into chunks loaded on demand. Files are built aside and
// renamed into place, so a `routewise` already running (or a parallel test) never sees a half build.
// The built-in policies are parsed here too, once, instead of on every run.
import { build } from 'esbuild';
import { NODE_ESM_BUNDLE } from './esbuild-node.mjs';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const outdir = new URL('../dist/cli/', import.meta.url).pathname;
const staging = new URL(`../dist/.cli-build-${process.pid}/`, import.meta.url).pathname;

await build({
  entryPoints: { main: new URL('../src/cli/main.ts', import.meta.url).pathname },
  outdir: staging,
  ...NODE_ESM_BUNDLE,
  splitting: true,
  sourcemap: false,
  // Less source for V8 to parse on every start; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Read only by the JSON Schema builtins, on first use: left to node_modules (the CLI's own
  // dependencies), so the bundle every start parses stays small. The Action bundle, which runs
  // without node_modules, inlines them.
  // The linear-time regex engine likewise loads on the first pattern.
  external: ['ajv', 'ajv/*', 'ajv-draft-04', 'ajv-formats', 're2js'],
});

await parseBuiltinPolicies();

mkdirSync(outdir, { recursive: true });
const built = readdirSync(staging);
// Chunks first, the entry last: a process starting meanwhile finds every chunk main.js imports.
for (const f of built.filter((f) => f !== 'main.js')) renameSync(staging + f, outdir + f);
renameSync(staging + 'main.js', outdir + 'main.js');
rmSync(staging, { recursive: true, force: true });
const keep = new Set(built);
for (const f of readdirSync(outdir)) if (!keep.has(f) && f.endsWith('.js')) rmSync(outdir + f, { force: true });

/** Stores the parsed built-in policies beside the bundle; without them the CLI parses at run time. */
async function parseBuiltinPolicies() {
  const tool = new URL(`../dist/.policies-build-${process.pid}/`, import.meta.url).pathname;
  try {
    await build({
      entryPoints: { 'parsed-policies': new URL('../src/policy/parsed-policies.ts', import.meta.url).pathname },
      outdir: tool,
      outExtension: { '.js': '.mjs' },
      ...NODE_ESM_BUNDLE,
    });
    const { writeParsedPolicies, PARSED_POLICIES_FILE } = await import(pathToFileURL(tool + 'parsed-policies.mjs').href);
    writeParsedPolicies(new URL('../policies/', import.meta.url).pathname, staging + PARSED_POLICIES_FILE);
  } catch (e) {
    console.warn(`build: the built-in policies were not parsed ahead (${e instanceof Error ? e.message : e}); routewise will parse them on each run`);
  } finally {
    rmSync(tool, { recursive: true, force: true });
  }
}
