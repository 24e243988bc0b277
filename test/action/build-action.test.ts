// scripts/build-action.mjs in a scratch copy of the repository: builds the committed bundle, and
// its --check mode tells a fresh bundle from a stale or missing one.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

describe('scripts/build-action.mjs', () => {
  let root: string;
  const bundle = () => join(root, 'dist', 'action', 'index.mjs');
  const script = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts', 'build-action.mjs'), ...args], { cwd: root, encoding: 'utf8' });

  beforeAll(() => {
    // A snapshot of src/ and schemas/, so edits made meanwhile cannot change one build but not the other.
    root = mkdtempSync(join(tmpdir(), 'routewise-build-action-'));
    mkdirSync(join(root, 'scripts'));
    for (const f of ['build-action.mjs', 'esbuild-node.mjs']) cpSync(join(REPO, 'scripts', f), join(root, 'scripts', f));
    cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true });
    // The policy input's schema is bundled with the code that checks policies against it.
    cpSync(join(REPO, 'schemas'), join(root, 'schemas'), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    return () => rmSync(root, { recursive: true, force: true });
  });

  it('builds one ESM file that carries no HTTP client', () => {
    const r = script();
    expect(r.status).toBe(0);
    const text = readFileSync(bundle(), 'utf8');
    expect(text.startsWith("import { createRequire as __rwCreateRequire } from 'node:module';")).toBe(true);
    expect(text).toContain('the routewise Action makes no network requests');
    expect(text).not.toMatch(/node_modules\/(undici|@actions\/http-client)\//);
  });

  it('--check passes on a fresh bundle', () => {
    const r = script('--check');
    expect(r.stdout).toBe('build-action: dist/action/index.mjs is up to date\n');
    expect(r.status).toBe(0);
  });

  it('--check fails with a clear message when the bundle is stale or missing', () => {
    appendFileSync(bundle(), '// edited by hand\n');
    const stale = script('--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe(
      'build-action: dist/action/index.mjs is stale: it differs from a fresh build of src/. Run `node scripts/build-action.mjs` and commit the result\n',
    );
    rmSync(bundle());
    const missing = script('--check');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('dist/action/index.mjs is missing');
    expect(existsSync(bundle())).toBe(false);
  });

  it('refuses unknown arguments', () => {
    const r = script('--frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: node scripts/build-action.mjs [--check | --outfile FILE]');
  });
});
