// Bundles the GitHub Action into the single committed file dist/action/index.mjs: the runner
// executes it straight from the checkout, without `npm install`. `--check` rebuilds aside and
// fails when the committed file is stale; `--outfile FILE` builds somewhere else (tests).
import { build } from 'esbuild';
import { NODE_ESM_BUNDLE } from './esbuild-node.mjs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
export const ACTION_BUNDLE = join(root, 'dist/action/index.mjs');

// The Action asks nothing of the network, and @actions/core only needs an HTTP client for OIDC
// tokens, which we never request. Leaving the client out keeps the bundle small and makes
// "no network access" something a reader can see in the committed file.
/** @type {import('esbuild').Plugin} */
const noHttpClient = {
  name: 'no-http-client',
  setup(b) {
    b.onResolve({ filter: /^@actions\/http-client(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'no-http-client' }));
    b.onLoad({ filter: /.*/, namespace: 'no-http-client' }, () => ({
      contents:
        "function refuse() { throw new Error('the routewise Action makes no network requests'); }\n" +
        'module.exports = { HttpClient: refuse, BearerCredentialHandler: refuse };\n',
      loader: 'js',
    }));
  },
};

/** Builds the bundle to `outfile`, written aside and renamed so a running Action never sees half a file. */
export async function buildAction(outfile = ACTION_BUNDLE) {
  const target = resolve(outfile);
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(root, 'src/action/main.ts')],
    outfile: staging,
    // Relative source paths in the bundle's comments: the same output on every machine.
    absWorkingDir: root,
    ...NODE_ESM_BUNDLE,
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    plugins: [noHttpClient],
  });
  renameSync(staging, target);
  return target;
}

/** Rebuilds into a temporary folder and compares with the committed bundle. */
export async function checkAction() {
  const dir = mkdtempSync(join(tmpdir(), 'routewise-action-'));
  try {
    const fresh = readFileSync(await buildAction(join(dir, 'index.mjs')), 'utf8');
    const shown = relative(process.cwd(), ACTION_BUNDLE) || ACTION_BUNDLE;
    if (!existsSync(ACTION_BUNDLE)) return { ok: false, message: `${shown} is missing; run \`node scripts/build-action.mjs\` and commit it` };
    if (readFileSync(ACTION_BUNDLE, 'utf8') !== fresh) {
      return { ok: false, message: `${shown} is stale: it differs from a fresh build of src/. Run \`node scripts/build-action.mjs\` and commit the result` };
    }
    return { ok: true, message: `${shown} is up to date` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--check') {
    const result = await checkAction();
    (result.ok ? process.stdout : process.stderr).write(`build-action: ${result.message}\n`);
    process.exitCode = result.ok ? 0 : 1;
  } else if (args[0] === '--outfile' && args[1]) {
    await buildAction(args[1]);
  } else if (args.length === 0) {
    await buildAction();
  } else {
    process.stderr.write('usage: node scripts/build-action.mjs [--check | --outfile FILE]\n');
    process.exitCode = 2;
  }
}
