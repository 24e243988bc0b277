// The pre-commit framework hook: its definition, and real `pre-commit` runs of the published hook
// in temporary git repositories, the hook repository being a local snapshot of this checkout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAMES } from '../../src/runner/discover.ts';
import { GitRepo, NOW, REPO, removeRepos, snapshotOfRouteWise } from './git-repo.ts';

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

interface PreCommitConfig {
  repos: { repo: string; rev: string; hooks: { id: string; args?: string[] }[] }[];
}

/** The `.pre-commit-config.yaml` the README shows under "As a pre-commit hook". */
function readmePreCommitConfig(): PreCommitConfig {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### As a pre-commit hook\n');
  const section = start < 0 ? '' : readme.slice(start, readme.indexOf('\n#', start + 1));
  const m = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README: no .pre-commit-config.yaml under "As a pre-commit hook"');
  const config = parse(m[1]!) as PreCommitConfig;
  expect(config.repos[0]!.hooks.map((h) => h.id)).toEqual(['routewise-check']);
  return config;
}

// The hook exactly as published (`language: node`): pre-commit clones the repository at `rev`,
// installs it with npm (packages from the registry) and packs it, as it does for every user.
// Locally the framework may be missing; in CI (which installs it) a missing pre-commit is a failure.
describe.runIf(available || process.env.CI)('the published routewise-check hook run by pre-commit', () => {
  let repo: GitRepo;
  let config: string;
  // One pre-commit cache for the file: the hook's environment is installed once, then reused.
  const cache = mkdtempSync(join(tmpdir(), 'routewise-pre-commit-cache-'));
  const INSTALL_TIMEOUT = 300_000;

  beforeAll(() => {
    if (!available) throw new Error('pre-commit is not installed; CI needs it for these tests (apt-get install pre-commit)');
    const hookRepo = snapshotOfRouteWise();
    // The README's configuration, its repository and rev pointing at the local snapshot.
    const readmeConfig = readmePreCommitConfig();
    const entry = readmeConfig.repos[0]!;
    expect(entry.repo).toMatch(/\/routewise$/);
    entry.repo = hookRepo.dir;
    entry.rev = hookRepo.rev;
    for (const h of entry.hooks) h.args = [...(h.args ?? []), '--now', NOW];
    config = JSON.stringify(readmeConfig, null, 2);
    repo = new GitRepo({ PRE_COMMIT_HOME: cache });
    repo.write({
      '.pre-commit-config.yaml': { text: config },
      'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml',
      'svc/routewise.yaml': 'examples/violations/data/routewise.yaml',
      'README.md': { text: '# demo\n' },
    });
    repo.must('git', ['add', '.']);
    // The first run installs the hook's environment (npm install, npm pack, npm install -g).
    repo.must('pre-commit', ['install-hooks'], INSTALL_TIMEOUT);
  }, INSTALL_TIMEOUT + 10_000);

  afterAll(() => rmSync(cache, { recursive: true, force: true }));

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
    const committing = new GitRepo({ PRE_COMMIT_HOME: cache });
    committing.write({ '.pre-commit-config.yaml': { text: config } });
    committing.must('pre-commit', ['install']);

    const passing = committing.commit({ 'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml' }, 'passing manifest');
    expect(passing.code, passing.output).toBe(0);

    const blocked = committing.commit({ 'svc/routewise.yaml': 'examples/violations/data/routewise.yaml' }, 'failing manifest');
    expect(blocked.code).not.toBe(0);
    expect(blocked.output).toContain('RW-DATA-001');
    expect(committing.log()).toEqual(['passing manifest']);
  });
});
