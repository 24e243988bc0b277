// Bundles the CLI into dist/cli so `routewise` starts fast: one CommonJS file with its dependencies
// inlined, started by scripts/cli-loader.mjs with a V8 code cache the build writes beside it. Files are built aside and
// renamed into place, so a `routewise` already running (or a parallel test) never sees a half build.
// The built-in policies are parsed here too, once, instead of on every run.
import { build } from 'esbuild';
import { NODE_ESM_BUNDLE } from './esbuild-node.mjs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const outdir = new URL('../dist/cli/', import.meta.url).pathname;
const staging = new URL(`../dist/.cli-build-${process.pid}/`, import.meta.url).pathname;

await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: staging + 'routewise.cjs',
  bundle: true,
  // CommonJS, because Node 20 can cache V8's compiled code only for scripts (scripts/cli-loader.mjs).
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // The loader hands the bundle the URL of the file that starts it, beside the bundle.
  define: { 'import.meta.url': '__rwModuleUrl' },
  sourcemap: false,
  // Less source for V8 to read on a start without a usable cache; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Read only by the JSON Schema builtins, on first use: left to node_modules (the CLI's own
  // dependencies), so the bundle stays small. The Action bundle, which runs without node_modules,
  // inlines them. The linear-time regex engine likewise loads on the first pattern.
  external: ['ajv', 'ajv/*', 'ajv-draft-04', 'ajv-formats', 're2js'],
  plugins: [lazyBuiltins(['child_process', 'crypto'])],
});
assertAscii(staging + 'routewise.cjs');
copyFileSync(new URL('./cli-loader.mjs', import.meta.url), staging + 'main.js');

await parseBuiltinPolicies();

mkdirSync(outdir, { recursive: true });
const built = readdirSync(staging);
// The bundle first, the loader last: a process starting meanwhile finds what main.js reads.
for (const f of built.filter((f) => f !== 'main.js')) renameSync(staging + f, outdir + f);
renameSync(staging + 'main.js', outdir + 'main.js');
rmSync(staging, { recursive: true, force: true });
// Whatever an earlier build left (chunks, stores, the code cache of another bundle) goes.
const keep = new Set(built);
for (const f of readdirSync(outdir)) if (!keep.has(f)) rmSync(outdir + f, { force: true });
writeCodeCache();

/**
 * The loader reads the bundle as Latin-1, which copies bytes into a one-byte string without
 * decoding: right only for plain ASCII. esbuild escapes other characters except in regular
 * expression literals, so one there (write it as \\uXXXX) stops the build here.
 * @param {string} file
 */
function assertAscii(file) {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((byte) => byte > 0x7f);
  if (at === -1) return;
  const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
  throw new Error(`build: the CLI bundle must be plain ASCII, but line ${line} holds "${bytes.subarray(Math.max(0, at - 40), at + 10).toString('utf8')}"; escape the character in the source as \\uXXXX`);
}

/**
 * Node modules loaded on first use rather than when the bundle starts: commander asks for
 * child_process (to run external subcommands, which routewise has none of) and several Rego
 * builtins for crypto, and loading them costs a few milliseconds that a check never needs.
 * Imports of these names get an object whose properties load the module when first read.
 * @param {string[]} names
 * @returns {import('esbuild').Plugin}
 */
function lazyBuiltins(names) {
  const filter = new RegExp(`^(node:)?(${names.join('|')})$`);
  return {
    name: 'lazy-builtins',
    setup(b) {
      b.onResolve({ filter }, (args) =>
        args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
        const keys = Object.keys(await import(`node:${args.path}`)).filter((k) => k !== 'default');
        return {
          loader: 'js',
          contents:
            `let loaded;\nconst load = () => (loaded ??= require('node:${args.path}'));\n` +
            `for (const key of ${JSON.stringify(keys)}) Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });\n`,
        };
      });
    },
  };
}

/**
 * Runs the built CLI over the bundled examples, so the code cache it writes at exit holds the
 * functions a check compiles. Each run starts from the cache the one before wrote, which keeps
 * what that run compiled, so `cost` adds its own functions to those of `check`. Without
 * examples (an installed package) the first run of the CLI writes the cache.
 */
function writeCodeCache() {
  const examples = new URL('../examples/', import.meta.url).pathname;
  const manifests = existsSync(examples)
    ? readdirSync(examples).map((d) => `${examples}${d}/routewise.yaml`).filter((f) => existsSync(f))
    : [];
  const runs = manifests.length > 0
    ? [['check', ...manifests, '--now', '2026-11-27', '--format', 'json'], ['cost', ...manifests, '--now', '2026-11-27']]
    : [['policies', 'list']];
  for (const args of runs) {
    const r = spawnSync(process.execPath, [outdir + 'main.js', ...args], { env: { ...process.env, ROUTEWISE_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) {
      console.warn(`build: the code cache was not written (routewise ${args[0]} exited with ${r.status}): ${r.stderr.slice(0, 500)}`);
      return;
    }
  }
}

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
    const { notCompiled } = writeParsedPolicies(new URL('../policies/', import.meta.url).pathname, staging + PARSED_POLICIES_FILE);
    if (notCompiled) console.warn(`build: the built-in policies were not compiled ahead (${notCompiled}); routewise will compile them on each run`);
  } catch (e) {
    console.warn(`build: the built-in policies were not parsed ahead (${e instanceof Error ? e.message : e}); routewise will parse them on each run`);
  } finally {
    rmSync(tool, { recursive: true, force: true });
  }
}
