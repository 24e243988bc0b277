// `check --jobs N` judges the manifests on worker threads; the report must be exactly the one an
// in-process check gives (order, findings, problems, code frames, exit code), whatever the format.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-check-threads-'));
  // Passing, failing and invalid manifests, with the gateway and cluster files beside them.
  const sources = [
    ...readdirSync(EXAMPLES).filter((d) => existsSync(join(EXAMPLES, d, 'routewise.yaml'))).map((d) => join(EXAMPLES, d)),
    ...readdirSync(join(EXAMPLES, 'violations')).map((d) => join(EXAMPLES, 'violations', d)),
  ];
  for (let i = 0; i < 170; i++) {
    const into = join(dir, `team-${String(i).padStart(3, '0')}`);
    cpSync(sources[i % sources.length]!, into, { recursive: true });
  }
  mkdirSync(join(dir, 'team-broken'));
  writeFileSync(join(dir, 'team-broken', 'routewise.yaml'), 'version: 1\nproject: [unclosed\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check on worker threads', () => {
  it.each(['json', 'text', 'sarif'])('gives the %s report an in-process check gives', (format) => {
    const threaded = runCli(['check', '.', '--now', '2026-11-27', '--format', format, '--jobs', '2'], { cwd: dir });
    const inProcess = runCli(['check', '.', '--now', '2026-11-27', '--format', format, '--jobs', '1'], { cwd: dir });
    expect(threaded.stderr).toBe(inProcess.stderr);
    expect(threaded.code).toBe(2);
    expect(threaded.code).toBe(inProcess.code);
    expect(threaded.stdout).toBe(inProcess.stdout);
    expect(threaded.stdout.length).toBeGreaterThan(10_000);
  });

  it('judges on the threads --jobs asks for, with the same report', () => {
    const debug = { env: { ROUTEWISE_DEBUG: '1' }, cwd: dir };
    const byDefault = runCli(['check', '.', '--now', '2026-11-27', '--format', 'json', '--jobs', '2'], debug);
    const inProcess = runCli(['check', '.', '--now', '2026-11-27', '--format', 'json', '--jobs', '0'], debug);
    expect(byDefault.stderr).toContain('judged on 2 worker threads');
    expect(inProcess.stderr).not.toContain('worker threads');
    expect(byDefault.stdout).toBe(inProcess.stdout);
    const report = JSON.parse(byDefault.stdout) as { manifests: { file: string }[] };
    expect(report.manifests).toHaveLength(171);
  });

  it('judges in process unless --jobs asks for threads', () => {
    const debug = { env: { ROUTEWISE_DEBUG: '1' }, cwd: dir };
    expect(runCli(['check', '.', '--now', '2026-11-27'], debug).stderr).not.toContain('worker threads');
    expect(runCli(['check', 'team-000', 'team-001', '--now', '2026-11-27', '--jobs', '2'], debug).stderr).toContain('judged on 2 worker threads');
  });

  it('refuses a --jobs that is not a whole number', () => {
    const r = runCli(['check', '.', '--jobs', 'many'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs many is not a whole number');
  });
});
