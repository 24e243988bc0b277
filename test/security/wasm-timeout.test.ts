// A wasm bundle comes from another team and runs code routewise cannot inspect: a module that
// never returns must stop at the evaluation's time limit with eval_cancel_error, in `check`
// (exit 2) and in `audit` (that repository's failure, the others judged), never hang the run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmEngine } from '../../src/policy/wasm/wasm-engine.ts';
import { abiModule } from '../policy/wasm/abi-modules.ts';

const BIN = fileURLToPath(new URL('../../bin/routewise.mjs', import.meta.url));
const EXAMPLE = readFileSync(new URL('../../examples/startup-cloud-api/routewise.yaml', import.meta.url), 'utf8');
// The looping rule runs when the policy input holds the string "loop".
const LOOPING = EXAMPLE.replace(/^(\s*name:\s*).*$/m, '$1loop');

let dir: string;
let loop: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-wasm-loop-'));
  loop = await abiModule('loop');
  writeFileSync(join(dir, 'loop.wasm'), loop);
  writeFileSync(join(dir, 'looping.yaml'), LOOPING);
  for (const [repo, text] of [['org/spins', LOOPING], ['org/fine', EXAMPLE]] as const) {
    mkdirSync(join(dir, repo, '.git'), { recursive: true });
    writeFileSync(join(dir, repo, 'routewise.yaml'), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function routewise(args: string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (Date.now() - started) / 1000 };
}

describe('a wasm module that never returns', () => {
  it('is stopped at the time limit, and the next evaluation runs on a fresh thread', async () => {
    const engine = await createWasmEngine({ wasm: loop, data: {} }, { name: 'loop.wasm', data: {}, thread: true, timeoutMs: 300 });
    if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
    const stuck = engine.value.evaluate({ metadata: { name: 'loop' } });
    expect(stuck.ok ? [] : stuck.problems.map((p) => `${p.code}: ${p.message}`)).toEqual([
      'eval_cancel_error: loop.wasm: evaluating routewise/rules/deny took longer than 300 ms; stopped',
    ]);
    const fine = engine.value.evaluate({ metadata: { name: 'fine' } });
    expect(fine).toEqual({ ok: true, value: { findings: [] } });
  });

  it('ends `check` with exit 2 and eval_cancel_error instead of hanging', { timeout: 60_000 }, () => {
    const r = routewise(['check', '--engine', 'wasm', '--bundle', 'loop.wasm', 'looping.yaml', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('eval_cancel_error');
    expect(r.seconds).toBeLessThan(40);
  });

  it('fails only the looping repository of an audit, and still reports the others', { timeout: 60_000 }, () => {
    const r = routewise(['audit', 'org', '--engine', 'wasm', '--bundle', 'loop.wasm', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { repositories: { path: string; status: string; problems: { code: string }[] }[] };
    expect(report.repositories.map((e) => [e.path, e.status, e.problems.map((p) => p.code)])).toEqual([
      ['org/fine', 'pass', []],
      ['org/spins', 'invalid', ['eval_cancel_error']],
    ]);
  });
});
