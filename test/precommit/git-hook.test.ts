// The plain git pre-commit hook from the README, installed as-is in temporary repositories: it
// checks exactly the staged manifests and stops commits that fail.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { GitRepo, REPO, readmeHook, recordRoutewiseCalls, removeRepos } from './git-repo.ts';

afterAll(removeRepos);

describe('the README git pre-commit hook', () => {
  let repo: GitRepo;
  let called: () => string[];

  beforeEach(() => {
    repo = new GitRepo();
    called = recordRoutewiseCalls(repo);
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, readmeHook());
    chmodSync(hook, 0o755);
  });

  it('lets a passing manifest through, checking only the staged manifests', () => {
    repo.write({ 'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml', 'README.md': { text: 'hi\n' } });
    repo.must('git', ['add', '.']);
    repo.must('git', ['commit', '-q', '-m', 'first']);
    expect(repo.log()).toEqual(['first']);
    expect(called()).toEqual(['check|routewise.yaml|']);
  });

  it('stops a commit whose manifest has error findings, showing them', () => {
    const r = repo.commit({ 'svc/routewise.yaml': 'examples/violations/data/routewise.yaml' }, 'bad');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('RW-DATA-001');
    expect(repo.log()).toEqual([]);
  });

  it('stops a commit whose manifest cannot be judged', () => {
    repo.write({ '.routewise.yaml': { text: 'version: 1\nversion: 2\n' } });
    repo.must('git', ['add', '.']);
    const r = repo.run('git', ['commit', '-q', '-m', 'broken']);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('yaml-duplicate-key');
    expect(repo.log()).toEqual([]);
  });

  it('does not run routewise when no manifest is staged, or when one is deleted', () => {
    repo.write({ 'app/routewise.json': { text: readFileSync(join(REPO, 'examples/startup-cloud-api/routewise.yaml'), 'utf8') } });
    repo.write({ 'notes.md': { text: 'x\n' } });
    repo.must('git', ['add', 'notes.md']);
    repo.must('git', ['commit', '-q', '-m', 'notes']);
    expect(called()).toEqual([]);
    rmSync(join(repo.dir, 'app'), { recursive: true });
    repo.write({ 'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml' });
    repo.must('git', ['add', 'routewise.yaml']);
    repo.must('git', ['commit', '-q', '-m', 'manifest']);
    repo.must('git', ['rm', '-q', 'routewise.yaml']);
    repo.must('git', ['commit', '-q', '-m', 'remove']);
    expect(repo.log()).toEqual(['remove', 'manifest', 'notes']);
    expect(called()).toEqual(['check|routewise.yaml|']);
  });

  it('passes file names with spaces and non-ASCII letters intact', () => {
    repo.write({ 'my service/routewise.yaml': 'examples/startup-cloud-api/routewise.yaml', 'équipe/routewise.yml': 'examples/bank-hybrid/routewise.yaml' });
    repo.must('git', ['add', '.']);
    repo.must('git', ['commit', '-q', '-m', 'two']);
    expect(repo.log()).toEqual(['two']);
    expect(called()).toEqual(['check|my service/routewise.yaml|équipe/routewise.yml|']);
  });
});
