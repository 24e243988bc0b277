// The Action runs on a pull request's files: a committed link to a file outside the workspace is
// never read nor shown, a `sarif-file` under a linked folder is never written outside, and a wasm
// bundle that loops stops at its time limit. The bundled Action, run as the runner runs it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abiModule } from '../policy/wasm/abi-modules.ts';
import { buildActionCheckout, makeWorkspace, removeScratch, runAction } from '../action/run-action.ts';

const SECRET = 'ghp_FAKE_TOKEN_77aa01';
let bundle: string;
let outside: string;

beforeAll(() => {
  bundle = buildActionCheckout();
  outside = mkdtempSync(join(tmpdir(), 'rw-outside-'));
  writeFileSync(join(outside, 'token.yaml'), `apiVersion: routewise/v1\ntoken: ${SECRET}\n`);
});
afterAll(() => {
  removeScratch();
  rmSync(outside, { recursive: true, force: true });
});

describe('the Action on a hostile repository', () => {
  it('refuses a manifest that links outside the workspace, never printing what it points at', () => {
    const workspace = makeWorkspace({ 'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml' });
    mkdirSync(join(workspace, 'svc'));
    symlinkSync(join(outside, 'token.yaml'), join(workspace, 'svc', 'routewise.yaml'));
    const run = runAction(bundle, workspace, { now: '2026-01-15' });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('svc/routewise.yaml is a symbolic link that leads outside the workspace; not read');
    for (const text of [run.stdout, run.stderr, run.summary, readFileSync(run.outputs['sarif-file']!, 'utf8')]) expect(text).not.toContain(SECRET);
  });

  it('never writes the SARIF report through a linked folder out of the workspace', () => {
    const workspace = makeWorkspace({ 'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml' });
    symlinkSync(outside, join(workspace, 'reports'));
    const run = runAction(bundle, workspace, { now: '2026-01-15', 'sarif-file': 'reports/routewise.sarif' });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('its folder leads outside the workspace, through a symbolic link');
    expect(existsSync(join(outside, 'routewise.sarif'))).toBe(false);
  });

  it('stops a looping wasm bundle at the time limit', { timeout: 60_000 }, async () => {
    const workspace = makeWorkspace({
      'routewise.yaml': { text: readFileSync('examples/startup-cloud-api/routewise.yaml', 'utf8').replace(/^(\s*name:\s*).*$/m, '$1loop') },
    });
    writeFileSync(join(workspace, 'loop.wasm'), await abiModule('loop'));
    const run = runAction(bundle, workspace, { now: '2026-01-15', engine: 'wasm', bundle: 'loop.wasm' });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('eval_cancel_error');
  });
});
