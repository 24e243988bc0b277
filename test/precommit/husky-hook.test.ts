// The README's husky setup, in temporary repositories with husky's own installer: the pre-commit
// script kept in the repository runs from .husky/pre-commit and stops commits that fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitRepo, REPO, readmeHook, recordRoutewiseCalls, removeRepos } from './git-repo.ts';

afterAll(removeRepos);

/** The line the README tells husky users to put in .husky/pre-commit. */
function readmeHuskyLine(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const m = /add the\s+line `([^`]+)` to `\.husky\/pre-commit`/.exec(readme);
  if (!m) throw new Error('README: no husky line');
  return m[1]!;
}

function huskyRepo(): { repo: GitRepo; called: () => string[] } {
  const repo = new GitRepo();
  const called = recordRoutewiseCalls(repo);
  repo.write({ 'scripts/routewise-pre-commit': { text: readmeHook() }, '.husky/pre-commit': { text: readmeHuskyLine() + '\n' } });
  // What `npx husky` (the prepare script husky init writes) does: hooks from .husky/_.
  repo.must('node', [join(REPO, 'node_modules', 'husky', 'bin.js')]);
  expect(repo.must('git', ['config', 'core.hooksPath']).trim()).toBe('.husky/_');
  return { repo, called };
}

describe('the README husky setup', () => {
  it('checks the staged manifest and lets a passing one through', () => {
    const { repo, called } = huskyRepo();
    expect(repo.commit({ 'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml' }, 'first').code).toBe(0);
    expect(repo.log()).toEqual(['first']);
    expect(called()).toEqual(['check|routewise.yaml|']);
  });

  it('stops a commit whose manifest has error findings', () => {
    const { repo } = huskyRepo();
    const r = repo.commit({ 'svc/routewise.yaml': 'examples/violations/data/routewise.yaml' }, 'bad');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('RW-DATA-001');
    expect(repo.log()).toEqual([]);
  });
});
