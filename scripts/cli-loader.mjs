// The start of the `routewise` command, copied by the build to dist/cli/main.js. It runs the CLI
// bundle (routewise.cjs) with V8's code cache stored beside it, so a run neither parses nor compiles
// the 1.5 MB bundle again: Node 20 keeps no compile cache for ES modules, which is why the bundle is
// CommonJS. A cache this V8 cannot use (another Node version, other flags) is simply ignored, and
// rewritten at exit when the folder is writable. Worker threads of the CLI start on this file too.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script, constants } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

// A big run (an audit of thousands of repositories) spends most of its CPU in V8's optimizing
// compiler, which inlines callees into the evaluator and pipeline functions, recompiling them as
// manifests of new shapes arrive. A smaller inlining budget roughly halves that compile time: a
// 10,000-repository audit took about 8% less wall and CPU time in interleaved runs, and code at
// its fastest was no slower (bench/audit.ts). Set here, before the bundle is compiled, so the code
// cache is written and read under the same flags by the process and its worker threads (a change
// after loading would make V8 refuse the cache in every thread).
setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

const bundleUrl = new URL('./routewise.cjs', import.meta.url);
const bundle = fileURLToPath(bundleUrl);
const cacheFile = fileURLToPath(new URL('./routewise.code-cache', import.meta.url));

/** @type {Buffer | undefined} */
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// The bundle's own parameters: what CommonJS gives a module, plus the URL its `import.meta.url`
// stands for (this file's, so paths relative to the bundle's folder resolve as they would in it).
// Latin-1: the build makes sure the bundle is plain ASCII, which this reads without decoding.
const script = new Script(`(function (exports, require, module, __filename, __dirname, __rwModuleUrl) {${readFileSync(bundle, 'latin1')}\n})`, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});

const wanted = process.env.ROUTEWISE_WRITE_CODE_CACHE === '1';
if (isMainThread && (wanted || cachedData === undefined || script.cachedDataRejected)) {
  // Written at exit, when the functions the run used are compiled and so go into the cache too.
  process.on('exit', () => {
    const aside = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(aside, script.createCachedData());
      renameSync(aside, cacheFile);
    } catch {
      // A read-only install runs without the cache; nothing is lost but time.
      rmSync(aside, { force: true });
    }
  });
}

const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), import.meta.url);
