// The pre-commit framework hook: its definition, and real `pre-commit` runs in temporary git
// repositories with a local copy of the hook (the hook repository cannot be fetched offline).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAMES } from '../../src/runner/discover.ts';
import { BIN, GitRepo, NOW, REPO, removeRepos } from './git-repo.ts';

afterAll(removeRepos);

interface HookDefinition {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}

const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const hook = hooks[0]!;

describe('.pre-commit-hooks.yaml', () => {
  it('defines routewise-check running the routewise command on the files passed', () => {
    expect(hooks.map((h) => h.id)).toEqual(['routewise-check']);
    expect(hook).toMatchObject({ entry: 'routewise check', language: 'node', pass_filenames: true });
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
  });

  it('selects every manifest name, at the root and in folders, and nothing else', () => {
    const files = new RegExp(hook.files);
    for (const name of MANIFEST_NAMES) {
      expect(files.test(name), name).toBe(true);
      expect(files.test(`services/api/${name}`), name).toBe(true);
    }
    for (const other of ['routewise.yaml.bak', 'myroutewise.yaml', 'docs/routewise.md', 'routewise.yaml/notes.txt', 'routewise-json']) {
      expect(files.test(other), other).toBe(false);
    }
  });
});

const available = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

// Locally the framework may be missing; in CI (which installs it) a missing pre-commit is a failure.
describe.runIf(available || process.env.CI)('the routewise-check hook run by pre-commit', () => {
  let repo: GitRepo;

  beforeAll(() => {
    if (!available) throw new Error('pre-commit is not installed; CI needs it for these tests (apt-get install pre-commit)');
    repo = new GitRepo();
    // The published hook with only what running offline needs changed: where the command comes from.
    const local = { ...hook, language: 'system', entry: `node ${BIN} check`, args: ['--now', NOW] };
    repo.write({
      '.pre-commit-config.yaml': { text: JSON.stringify({ repos: [{ repo: 'local', hooks: [local] }] }, null, 2) },
      'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml',
      'svc/routewise.yaml': 'examples/violations/data/routewise.yaml',
      'README.md': { text: '# demo\n' },
    });
    repo.must('git', ['add', '.']);
  });

  it('passes a manifest without error findings', () => {
    const r = repo.run('pre-commit', ['run', '--color', 'never', '--files', 'routewise.yaml']);
    expect(r.output).toMatch(/routewise check\.+Passed/);
    expect(r.code).toBe(0);
  });

  it('fails a manifest with error findings and shows them', () => {
    const r = repo.run('pre-commit', ['run', '--color', 'never', '--files', 'svc/routewise.yaml']);
    expect(r.output).toMatch(/routewise check\.+Failed/);
    expect(r.output).toContain('svc/routewise.yaml');
    expect(r.output).toContain('RW-DATA-001');
    expect(r.code).toBe(1);
  });

  it('runs only on manifests: other files are skipped', () => {
    const r = repo.run('pre-commit', ['run', '--color', 'never', '--files', 'README.md']);
    expect(r.output).toMatch(/routewise check\.+\(no files to check\)Skipped/);
    expect(r.code).toBe(0);
  });

  it('fails on --all-files when any manifest fails', () => {
    const r = repo.run('pre-commit', ['run', '--color', 'never', '--all-files']);
    expect(r.output).toMatch(/routewise check\.+Failed/);
    expect(r.output).toContain('svc/routewise.yaml');
    expect(r.code).toBe(1);
  });

  it('blocks a commit of a failing manifest once installed as the git hook, and lets a passing one through', () => {
    const committing = new GitRepo();
    const local = { ...hook, language: 'system', entry: `node ${BIN} check`, args: ['--now', NOW] };
    committing.write({ '.pre-commit-config.yaml': { text: JSON.stringify({ repos: [{ repo: 'local', hooks: [local] }] }) } });
    committing.must('pre-commit', ['install']);

    committing.write({ 'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml' });
    committing.must('git', ['add', '.']);
    committing.must('git', ['commit', '-q', '-m', 'passing manifest']);

    committing.write({ 'svc/routewise.yaml': 'examples/violations/data/routewise.yaml' });
    committing.must('git', ['add', '.']);
    const blocked = committing.run('git', ['commit', '-q', '-m', 'failing manifest']);
    expect(blocked.code).not.toBe(0);
    expect(blocked.output).toContain('RW-DATA-001');
    expect(committing.log()).toEqual(['passing manifest']);
  });
});
