// The README's lefthook.yml, installed by lefthook itself in temporary repositories where
// routewise is a local dependency (so `npx routewise` runs it without the network).
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitRepo, REPO, recordRoutewiseCalls, removeRepos } from './git-repo.ts';

afterAll(removeRepos);

function readmeLefthook(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const m = /With lefthook, in `lefthook\.yml`:\n\n```yaml\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README: no lefthook.yml block');
  return m[1]!;
}

function lefthookRepo(): { repo: GitRepo; called: () => string[] } {
  // lefthook's hook script finds the lefthook binary on PATH, as a global install would.
  const repo = new GitRepo({ PATH: [join(REPO, 'node_modules', '.bin'), process.env.PATH].join(delimiter) });
  const called = recordRoutewiseCalls(repo);
  repo.write({ 'lefthook.yml': { text: readmeLefthook() }, 'package.json': { text: '{"name": "svc", "private": true}\n' } });
  // routewise as the project's own dev dependency: its bin in node_modules/.bin.
  const bin = join(repo.dir, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'routewise'), '#!/bin/sh\nexec "$ROUTEWISE" "$@"\n');
  chmodSync(join(bin, 'routewise'), 0o755);
  repo.write({ '.gitignore': { text: 'node_modules/\n' } });
  repo.must('lefthook', ['install']);
  return { repo, called };
}

describe('the README lefthook setup', () => {
  it('checks the staged manifests only, and lets passing ones through', () => {
    const { repo, called } = lefthookRepo();
    repo.write({ 'routewise.yaml': 'examples/startup-cloud-api/routewise.yaml', 'notes.md': { text: 'x\n' } });
    repo.must('git', ['add', '.']);
    repo.must('git', ['commit', '-q', '-m', 'first']);
    expect(repo.log()).toEqual(['first']);
    expect(called()).toEqual(['check|routewise.yaml|']);
  });

  it('stops a commit whose manifest has error findings', () => {
    const { repo } = lefthookRepo();
    repo.write({ 'svc/routewise.yaml': 'examples/violations/data/routewise.yaml' });
    repo.must('git', ['add', '.']);
    const r = repo.run('git', ['commit', '-q', '-m', 'bad']);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('RW-DATA-001');
    expect(repo.log()).toEqual([]);
  });
});
