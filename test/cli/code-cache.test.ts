// The built CLI runs its bundle with a V8 code cache stored beside it. A cache this Node cannot use
// (another version, a damaged file) must never change what a run does: the run goes on without it
// and leaves a usable cache behind. Runs here use a copy of dist/cli, so the shared build is untouched.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST = join(ROOT, 'examples/bank-hybrid/routewise.yaml');
let dir: string;
let cache: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-code-cache-'));
  mkdirSync(join(dir, 'dist/cli'), { recursive: true });
  for (const f of readdirSync(join(ROOT, 'dist/cli'))) copyFileSync(join(ROOT, 'dist/cli', f), join(dir, 'dist/cli', f));
  // What the bundle reads beside itself: the policies, the schemas and its external dependencies.
  for (const f of ['policies', 'schemas', 'node_modules', 'package.json']) symlinkSync(join(ROOT, f), join(dir, f));
  cache = join(dir, 'dist/cli/routewise.code-cache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function check(): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [join(dir, 'dist/cli/main.js'), 'check', MANIFEST, '--now', '2026-11-27', '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, ROUTEWISE_WRITE_CODE_CACHE: '' },
  });
  return { code: r.status, stdout: r.stdout };
}

describe('the code cache of the CLI bundle', () => {
  it('is built with the bundle, and a run that can use it leaves it as it is', () => {
    const before = readFileSync(cache);
    expect(before.length).toBeGreaterThan(100_000);
    const run = check();
    expect(run.code).toBe(0);
    expect(readFileSync(cache).equals(before)).toBe(true);
  });

  it('a damaged cache changes nothing in the run, and is replaced by one the next run keeps', () => {
    const expected = check();
    writeFileSync(cache, Buffer.from('not a code cache at all'));
    const damaged = check();
    expect(damaged).toEqual(expected);
    const rewritten = readFileSync(cache);
    expect(rewritten.length).toBeGreaterThan(100_000);
    const mtime = statSync(cache).mtimeMs;
    expect(check()).toEqual(expected);
    expect(readFileSync(cache).equals(rewritten)).toBe(true);
    expect(statSync(cache).mtimeMs).toBe(mtime);
  });

  it('is of a bundle in plain ASCII, which Node reads into a one-byte string without decoding', () => {
    // One character past ASCII (esbuild leaves those of regular expressions as they are) turns the
    // whole 1.5 MB source into a two-byte string, read several times slower on every start.
    const bundle = readFileSync(join(dir, 'dist/cli/routewise.cjs'));
    const at = bundle.findIndex((byte) => byte > 0x7f);
    expect(at === -1 ? '' : bundle.subarray(Math.max(0, at - 60), at + 20).toString('utf8')).toBe('');
  });

  it('a missing cache is written by the first run', () => {
    const expected = check();
    rmSync(cache);
    expect(check()).toEqual(expected);
    expect(statSync(cache).size).toBeGreaterThan(100_000);
  });
});
