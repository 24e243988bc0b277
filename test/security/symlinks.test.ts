// A pull request controls every symbolic link in the repository. A manifest that is a link to a
// file elsewhere (a token, another team's config) is never read nor printed by the Action or the
// audit; `check` run by a user says where such a link leads. Reports never go through a link out
// of the workspace or the current folder. The audit stays inside its roots: links out and loops
// are notes, and a manifest path that is no regular file is its repository's problem.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRun } from '../../src/runner/audit-run.ts';
import { checkRun } from '../../src/runner/check-run.ts';
import { readManifestBytes } from '../../src/runner/read-manifest.ts';
import type { RunOptions } from '../../src/runner/options.ts';
import { reportScope, writeReportFile } from '../../src/runner/write-report.ts';
import { jsonReporter } from '../../src/report/check/json.ts';
import { textAuditReporter } from '../../src/report/audit/text.ts';
import { runCli } from '../cli/run-cli.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'startup-cloud-api', 'routewise.yaml'), 'utf8');
const SECRET = 'ghp_FAKE_TOKEN_4f9a8b7c6d5e';
const OPTIONS: RunOptions = { engine: { policy: [], builtin: true, data: [] }, failOn: 'error', today: '2026-01-15', notes: [] };

let dir: string;
let outside: string;
let workspace: string;

beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'rw-links-')));
  outside = join(dir, 'outside');
  workspace = join(dir, 'workspace');
  mkdirSync(outside);
  mkdirSync(workspace);
  // A file a runner could hold: YAML-looking, so a reader would print its lines in a code frame.
  writeFileSync(join(outside, 'token.yaml'), `apiVersion: routewise/v1\ntoken: ${SECRET}\n`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('manifests that are links out of the workspace (the Action)', () => {
  it('refuses a committed routewise.yaml that links to a file outside, without reading it', async () => {
    symlinkSync(join(outside, 'token.yaml'), join(workspace, 'routewise.yaml'));
    const run = await checkRun([], { ...OPTIONS, cwd: workspace, refuseLinksOut: true });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const [manifest] = run.value.manifests;
    expect(manifest!.problems.map((p) => `${p.code}: ${p.message}`)).toEqual([
      'outside-root: routewise.yaml is a symbolic link that leads outside the workspace; not read',
    ]);
    expect(jsonReporter.render(run.value, { color: false })).not.toContain(SECRET);
  });

  it('refuses a manifest reached through a linked folder that leads outside', async () => {
    writeFileSync(join(outside, 'routewise.yaml'), EXAMPLE);
    symlinkSync(outside, join(workspace, 'config'));
    const run = await checkRun(['config/routewise.yaml'], { ...OPTIONS, cwd: workspace, refuseLinksOut: true });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    expect(run.value.manifests.map((m) => m.problems.map((p) => p.code))).toEqual([['outside-root']]);
  });

  it('still reads a manifest linked to another file inside the workspace', async () => {
    mkdirSync(join(workspace, 'shared'));
    writeFileSync(join(workspace, 'shared', 'routewise.yaml'), EXAMPLE);
    symlinkSync(join(workspace, 'shared', 'routewise.yaml'), join(workspace, 'routewise.yaml'));
    const run = await checkRun(['routewise.yaml'], { ...OPTIONS, cwd: workspace, refuseLinksOut: true });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    expect(run.value.manifests[0]!.problems).toEqual([]);
  });
});

describe('check on the command line', () => {
  it('reads a linked manifest (the user chose it) and says where the link leads', async () => {
    writeFileSync(join(outside, 'routewise.yaml'), EXAMPLE);
    symlinkSync(join(outside, 'routewise.yaml'), join(workspace, 'routewise.yaml'));
    const notes: string[] = [];
    const run = await checkRun([], { ...OPTIONS, cwd: workspace, onNote: (n) => notes.push(n) });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    expect(run.value.manifests[0]!.problems).toEqual([]);
    expect(notes).toEqual([`routewise.yaml is a symbolic link to ${join(outside, 'routewise.yaml')}`]);
  });

  it('prints the note on standard error', () => {
    writeFileSync(join(outside, 'routewise.yaml'), EXAMPLE);
    symlinkSync(join(outside, 'routewise.yaml'), join(workspace, 'routewise.yaml'));
    const r = runCli(['check'], { cwd: workspace });
    expect(r.stderr).toContain(`routewise: note: routewise.yaml is a symbolic link to ${join(outside, 'routewise.yaml')}`);
    expect(r.code).toBe(0);
  });

  it('does not hang reading a manifest that is a named pipe', () => {
    execFileSync('mkfifo', [join(workspace, 'routewise.yaml')]);
    const read = readManifestBytes(join(workspace, 'routewise.yaml'), 'routewise.yaml');
    expect(read.ok ? [] : read.problems.map((p) => p.message)).toEqual(['routewise.yaml is a named pipe (FIFO), not a manifest file']);
  });
});

describe('report files', () => {
  const write = (path: string) => writeReportFile(join(workspace, path), path, 'report\n', reportScope(path, workspace));

  it('refuses a report path whose folder is a committed link out of the current folder', () => {
    symlinkSync(outside, join(workspace, 'reports'));
    expect(() => write('reports/x.sarif')).toThrow(/cannot write the report reports\/x\.sarif \(its folder leads outside the current folder, through a symbolic link\)/);
    expect(() => write('reports/new/x.sarif')).toThrow(/leads outside the current folder/);
    expect(existsSync(join(outside, 'x.sarif'))).toBe(false);
    expect(existsSync(join(outside, 'new'))).toBe(false);
  });

  it('never writes through a link at the report name itself', () => {
    symlinkSync(join(outside, 'token.yaml'), join(workspace, 'out.sarif'));
    expect(() => write('out.sarif')).toThrow(/out\.sarif \(it is a symbolic link; routewise does not write through links\)/);
    expect(readFileSync(join(outside, 'token.yaml'), 'utf8')).toContain(SECRET);
    expect(lstatSync(join(workspace, 'out.sarif')).isSymbolicLink()).toBe(true);
  });

  it('writes a new file in place of an old one, and creates missing folders inside', () => {
    write('reports/deep/x.sarif');
    write('reports/deep/x.sarif');
    expect(readFileSync(join(workspace, 'reports', 'deep', 'x.sarif'), 'utf8')).toBe('report\n');
  });

  it('lets the user name an absolute path of their own', () => {
    const path = join(outside, 'mine.sarif');
    writeReportFile(path, path, 'report\n', reportScope(path, workspace));
    expect(readFileSync(path, 'utf8')).toBe('report\n');
  });

  it('keeps the CLI from writing through a linked reports folder (exit 2, nothing written outside)', () => {
    writeFileSync(join(workspace, 'routewise.yaml'), EXAMPLE);
    symlinkSync(outside, join(workspace, 'reports'));
    const r = runCli(['check', '--format', 'sarif=reports/x.sarif'], { cwd: workspace });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('leads outside the current folder');
    expect(existsSync(join(outside, 'x.sarif'))).toBe(false);
  });
});

describe('audit inside its roots', () => {
  /** `root` as given on the command line, relative to the scratch folder. */
  async function audit(root: string) {
    const run = await auditRun({ ...OPTIONS, roots: [root], expectManifest: false, waiverHorizonDays: 30, jobs: 1, cwd: dir });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    return run.value;
  }

  it('never reads a manifest that links outside the root, nor follows folders out; loops are notes', async () => {
    const org = join(dir, 'org');
    for (const name of ['leaky', 'fine', 'loopy', 'escape']) mkdirSync(join(org, name, '.git'), { recursive: true });
    symlinkSync(join(outside, 'token.yaml'), join(org, 'leaky', 'routewise.yaml'));
    writeFileSync(join(org, 'fine', 'routewise.yaml'), EXAMPLE);
    writeFileSync(join(org, 'loopy', 'routewise.yaml'), EXAMPLE);
    symlinkSync('..', join(org, 'loopy', 'up'));
    writeFileSync(join(org, 'escape', 'routewise.yaml'), EXAMPLE);
    writeFileSync(join(outside, 'routewise.yaml'), EXAMPLE);
    symlinkSync(outside, join(org, 'escape', 'etc'));

    const report = await audit('org');
    expect(report.repositories.map((e) => [e.path, e.manifest, e.status, e.problems.map((p) => p.code)])).toEqual([
      ['org/escape', 'routewise.yaml', 'pass', []],
      ['org/fine', 'routewise.yaml', 'pass', []],
      ['org/leaky', null, 'error', ['outside-root']],
      ['org/loopy', 'routewise.yaml', 'pass', []],
    ]);
    expect(report.notes).toEqual([
      { path: 'org/escape', message: 'org/escape/etc is a symbolic link to a folder outside the audited folder; not followed' },
      { path: 'org/loopy', message: 'org/loopy/up is a symbolic link to a folder that encloses it; not followed' },
    ]);
    const text = textAuditReporter.render(report, { color: false });
    expect(text).not.toContain(SECRET);
    expect(text).toContain('Notes\n  org/escape  org/escape/etc is a symbolic link');
  });

  it('makes a manifest path that is a FIFO, a dangling link or a folder its repository problem, with the reason', async () => {
    const org = join(dir, 'org');
    for (const name of ['pipe', 'dangling', 'folder', 'selfloop']) mkdirSync(join(org, name), { recursive: true });
    execFileSync('mkfifo', [join(org, 'pipe', 'routewise.yaml')]);
    symlinkSync(join(org, 'nowhere.yaml'), join(org, 'dangling', 'routewise.yaml'));
    mkdirSync(join(org, 'folder', 'routewise.yaml'));
    symlinkSync(join(org, 'selfloop', 'routewise.yaml'), join(org, 'selfloop', 'routewise.yaml'));
    const report = await audit('org');
    expect(report.repositories.map((e) => [e.path, e.status, e.problems.map((p) => p.message)])).toEqual([
      ['org/dangling', 'error', ['org/dangling/routewise.yaml is a symbolic link to nothing (its target does not exist), not a manifest file']],
      ['org/folder', 'error', ['org/folder/routewise.yaml is a folder, not a manifest file']],
      ['org/pipe', 'error', ['org/pipe/routewise.yaml is a named pipe (FIFO), not a manifest file']],
      ['org/selfloop', 'error', ['org/selfloop/routewise.yaml is a symbolic link that leads back to itself, not a manifest file']],
    ]);
  });
});
