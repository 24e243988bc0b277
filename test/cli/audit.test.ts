import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, INVALID_MANIFEST, organisation, type Organisation } from '../audit/organisation.ts';
import { runAudit } from './run-audit.ts';

const NOW = ['--now', '2026-11-27'];
let good: Organisation;
let mixed: Organisation;

beforeAll(() => {
  good = organisation();
  good.repo('bank', example('bank-hybrid'));
  good.repo('docs', example('startup-cloud-api'));
  good.write('hospital/routewise.yaml', example('hospital-on-prem'));
  good.write('empty/README.md', 'no manifest here');

  mixed = organisation();
  mixed.repo('acme/bank', example('bank-hybrid'));
  mixed.repo('acme/leaky', example('violations/data'));
  mixed.repo('acme/waivers', example('violations/waivers'));
  mixed.repo('acme/broken', INVALID_MANIFEST);
  mixed.repo('acme/binary', '\u0000\u0001\u0002');
  mixed.repo('acme/loop', example('startup-cloud-api'));
  symlinkSync(join(mixed.dir, 'acme/loop'), join(mixed.dir, 'acme/loop/back'));
  mixed.repo('acme/nothing');
  mixed.write('acme/nothing/node_modules/dep/routewise.yaml', example('violations/data'));
});
afterAll(() => {
  good.cleanup();
  mixed.cleanup();
});

function json(stdout: string) {
  return JSON.parse(stdout) as {
    version: number;
    repositories: { path: string; manifest: string | null; status: string; strategy: string | null; counts: Record<string, number>; problems: { code: string }[] }[];
    totals: Record<string, unknown> & { byStatus: Record<string, number>; failing: number };
    notes: { path: string; message: string }[];
  };
}

describe('routewise audit', () => {
  it('exits 0 when every repository passes, printing the table and nothing on a non-terminal stderr', () => {
    const r = runAudit(['.', ...NOW], good.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^REPOSITORY +MANIFEST +STRATEGY +STATUS/);
    expect(r.stdout).toMatch(/\nbank +routewise\.yaml +hybrid +pass/);
    expect(r.stdout).toMatch(/\nempty +- +- +none/);
    expect(r.stdout).toContain('4 repositories, 3 manifests (3 pass); 1 repository without a judged manifest (1 none)');
  });

  it('reads a --bundle without --engine, so a bundle it cannot read stops the audit (exit 2)', () => {
    const r = runAudit(['.', '--bundle', 'org.tar.gz', ...NOW], good.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/org\.tar\.gz: cannot read the bundle file/);
  });

  it('reports every repository of a mixed organisation and exits 1, never stopping on a bad one', () => {
    const r = runAudit(['acme', ...NOW, '--format', 'json'], mixed.dir);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(Object.keys(report)).toEqual(['version', 'repositories', 'totals', 'notes']);
    expect(report.version).toBe(1);
    expect(report.repositories.map((e) => [e.path, e.manifest, e.status])).toEqual([
      ['acme/bank', 'routewise.yaml', 'pass'],
      ['acme/binary', 'routewise.yaml', 'invalid'],
      ['acme/broken', 'routewise.yaml', 'invalid'],
      ['acme/leaky', 'routewise.yaml', 'fail'],
      ['acme/loop', 'routewise.yaml', 'pass'],
      ['acme/nothing', null, 'none'],
      ['acme/waivers', 'routewise.yaml', 'fail'],
    ]);
    // A link back up the tree is a note, never a failure of its repository.
    expect(report.notes).toEqual([{ path: 'acme/loop', message: 'acme/loop/back is a symbolic link to a folder that encloses it; not followed' }]);
    expect(Object.keys(report.repositories[0]!).slice(0, 6)).toEqual(['path', 'manifest', 'strategy', 'status', 'counts', 'findings']);
    expect(report.totals.byStatus).toEqual({ pass: 2, fail: 2, invalid: 2, error: 0, missing: 0, none: 1 });
    expect(report.totals.failing).toBe(4);
  });

  it('reports repositories without a manifest as missing under --expect-manifest, and fails', () => {
    const r = runAudit(['.', ...NOW, '--expect-manifest', '--format', 'json'], good.dir);
    expect(r.code).toBe(1);
    const empty = json(r.stdout).repositories.find((e) => e.path === 'empty')!;
    expect(empty.status).toBe('missing');
  });

  it('applies --fail-on to every repository', () => {
    const r = runAudit(['acme', ...NOW, '--format', 'json', '--fail-on', 'never'], mixed.dir);
    const statuses = json(r.stdout).repositories.filter((e) => e.path === 'acme/leaky' || e.path === 'acme/waivers').map((e) => e.status);
    expect(statuses).toEqual(['pass', 'pass']);
    // Invalid manifests and unreadable folders still fail the audit.
    expect(r.code).toBe(1);
  });

  it('lists waivers expiring within --waiver-horizon days, and expired ones', () => {
    const near = json(runAudit(['acme', '--now', '2027-03-20', '--format', 'json', '--waiver-horizon', '15'], mixed.dir).stdout);
    const far = json(runAudit(['acme', '--now', '2027-03-20', '--format', 'json', '--waiver-horizon', '5'], mixed.dir).stdout);
    const waivers = (t: Record<string, unknown>) => t.waivers as { expiring: { rule: string; expires: string }[]; expired: { expires: string }[] };
    expect(waivers(near.totals).expiring.map((w) => [w.rule, w.expires])).toEqual([['RW-DATA-004', '2027-03-31']]);
    expect(waivers(far.totals).expiring).toEqual([]);
    expect(waivers(far.totals).expired.map((w) => w.expires)).toEqual(['2026-10-31']);
  });

  it('takes repositories from --list, and reports a listed one that does not exist', () => {
    writeFileSync(join(mixed.dir, 'repos.txt'), '# audited on request\nacme/bank\n\nacme/gone\n');
    const r = runAudit(['--list', 'repos.txt', ...NOW, '--format', 'json'], mixed.dir);
    expect(json(r.stdout).repositories.map((e) => [e.path, e.status, e.problems.map((p) => p.code)])).toEqual([
      ['acme/bank', 'pass', []],
      ['acme/gone', 'error', ['path-not-found']],
    ]);
    expect(r.code).toBe(1);
  });

  it('gives the same report on worker threads as in process', () => {
    const threads = runAudit(['acme', ...NOW, '--format', 'json', '--jobs', '2'], mixed.dir);
    const inProcess = runAudit(['acme', ...NOW, '--format', 'json', '--jobs', '0'], mixed.dir);
    expect(threads.code).toBe(1);
    expect(threads.stdout).toBe(inProcess.stdout);
  });

  it('writes each format to its own file with name=path', () => {
    const r = runAudit(['acme', ...NOW, '--format', 'csv=out.csv', '--format', 'markdown=out.md', '--format', 'html=out.html', '--format', 'json'], mixed.dir);
    expect(r.code).toBe(1);
    expect(json(r.stdout).version).toBe(1);
    expect(readFileSync(join(mixed.dir, 'out.csv'), 'utf8').split('\r\n')[0]).toBe('path,manifest,strategy,status,errors,warnings,infos,waived,problems,rules,api_monthly_usd,self_hosted_monthly_usd,staff_monthly_usd,monthly_usd,unpriced');
    expect(readFileSync(join(mixed.dir, 'out.md'), 'utf8')).toMatch(/^## routewise audit failed/);
    expect(readFileSync(join(mixed.dir, 'out.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  describe('exits 2 when the audit itself cannot run', () => {
    it.each([
      [[], 'no roots to audit'],
      [['nowhere'], 'no such folder: nowhere'],
      [['.', '--fail-on', 'sometimes'], 'unknown --fail-on sometimes'],
      [['.', '--format', 'pdf'], 'unknown --format pdf'],
      [['.', '--shard', '5/4'], '--shard 5/4 is not a shard'],
      [['.', '--waiver-horizon', 'soon'], '--waiver-horizon soon is not a whole number'],
      [['.', '--now', '2026-02-30'], '--now 2026-02-30 is not a date'],
      [['.', '--unknown-flag'], "unknown option '--unknown-flag'"],
    ])('%j', (args, message) => {
      const r = runAudit(args, good.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    });

    it('on policies that do not compile, in process and on worker threads', () => {
      const policies = organisation('rw-policies-');
      policies.write('broken.rego', 'package acme\n\ndeny contains x if {\n');
      try {
        for (const jobs of ['0', '2']) {
          const r = runAudit(['.', '--policy', policies.dir, '--jobs', jobs], good.dir);
          expect(r.code).toBe(2);
          expect(r.stderr).toContain('the policies could not be loaded');
          expect(r.stdout).toBe('');
        }
      } finally {
        policies.cleanup();
      }
    });
  });
});
