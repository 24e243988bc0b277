// The ways the README tells people to install routewise into their own repository, each run as
// a user would: a packed tarball and a git URL installed with npm into a new project, and the
// Action's committed bundle started the way the runner starts it (action.yml's `runs.main`).
// npm packages come from the registry; the routewise code comes from this checkout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepo, NOW, REPO, removeRepos, snapshotOfRouteWise } from '../precommit/git-repo.ts';
import { makeWorkspace, removeScratch, runAction } from '../action/run-action.ts';

const INSTALL_TIMEOUT = 300_000;
const PASSING = 'examples/startup-cloud-api/routewise.yaml';
const FAILING = 'examples/violations/data/routewise.yaml';

afterAll(() => {
  removeRepos();
  removeScratch();
});

/**
 * The README's `npm install` command (under "Install into your repository") for a git URL or a
 * tarball, as its arguments before the package spec, which the test supplies.
 */
function readmeInstallArgs(kind: 'git' | 'tarball'): string[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Install into your repository\n');
  const section = start < 0 ? '' : readme.slice(start, readme.indexOf('\n## ', start + 1));
  for (const [, command] of section.matchAll(/^(npm install .*?)(?:\s+#.*)?$/gm)) {
    const words = command!.split(/\s+/);
    const spec = words.at(-1)!;
    if (kind === 'git' ? spec.startsWith('git+') : spec.endsWith('.tgz')) return words.slice(1, -1);
  }
  throw new Error(`README: no \`npm install\` of a ${kind} under "Install into your repository"`);
}

/** A new npm project (a git repository, as users have) with routewise installed from `spec` as the README says. */
function projectWith(kind: 'git' | 'tarball', spec: string): GitRepo {
  const project = new GitRepo();
  project.write({ 'package.json': { text: JSON.stringify({ name: 'my-service', version: '1.0.0', private: true }, null, 2) } });
  project.must('npm', [...readmeInstallArgs(kind), '--no-audit', '--no-fund', spec], INSTALL_TIMEOUT);
  return project;
}

function expectChecksManifests(project: GitRepo): void {
  project.write({ 'routewise.yaml': PASSING, 'svc/routewise.yaml': FAILING });
  const passing = project.run('npx', ['routewise', 'check', 'routewise.yaml', '--now', NOW]);
  expect(passing.output).toMatch(/passed/);
  expect(passing.code, passing.output).toBe(0);
  const failing = project.run('npx', ['routewise', 'check', 'svc/routewise.yaml', '--now', NOW]);
  expect(failing.output).toContain('RW-DATA-001');
  expect(failing.code).toBe(1);
}

describe('npm install --save-dev of a packed tarball', () => {
  let project: GitRepo;
  beforeAll(() => {
    const packs = mkdtempSync(join(tmpdir(), 'routewise-pack-'));
    // Scripts are skipped: the checkout's dist/ is already built (the test setup builds it).
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packs], { cwd: REPO, encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
    const tarball = readdirSync(packs).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack wrote no tarball in ${packs}`);
    project = projectWith('tarball', join(packs, tarball));
  }, INSTALL_TIMEOUT + 10_000);

  it('gives a working `npx routewise check`', () => expectChecksManifests(project));

  it('records the dependency in package.json, as a development dependency', () => {
    const pkg = JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(pkg.devDependencies)).toEqual(['routewise']);
  });
});

describe('npm install --save-dev from a git URL', () => {
  let project: GitRepo;
  beforeAll(() => {
    const clone = snapshotOfRouteWise();
    // npm clones the repository and builds it with its `prepare` script, as from GitHub.
    project = projectWith('git', `git+file://${clone.dir}#${clone.rev}`);
  }, INSTALL_TIMEOUT + 10_000);

  it('gives a working `npx routewise check`', () => expectChecksManifests(project));
});

describe('the Action as a workflow references it (uses: <org>/routewise@<sha>)', () => {
  interface ActionDefinition {
    runs: { using: string; main: string };
  }
  const definition = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as ActionDefinition;

  it('runs on a Node.js the runner offers, from a committed file', () => {
    expect(definition.runs.using).toMatch(/^node(20|24)$/);
    const tracked = spawnSync('git', ['ls-files', '--error-unmatch', definition.runs.main], { cwd: REPO, encoding: 'utf8' });
    expect(tracked.status, `${definition.runs.main} must be committed: the runner does not build the Action`).toBe(0);
  });

  it('judges a pull request from the committed bundle in a checkout of the repository', () => {
    // The runner downloads the repository at the referenced commit and starts runs.main from it.
    const checkout = snapshotOfRouteWise().dir;
    const workspace = makeWorkspace({ 'routewise.yaml': PASSING, 'svc/routewise.yaml': FAILING });
    const run = runAction(join(checkout, definition.runs.main), workspace, { now: NOW });
    expect(run.code).toBe(1);
    expect(run.annotations.some((a) => a.level === 'error' && a.properties.title === 'RW-DATA-001')).toBe(true);
    expect(run.summary).toContain('svc/routewise.yaml');
    const clean = runAction(join(checkout, definition.runs.main), makeWorkspace({ 'routewise.yaml': PASSING }), { now: NOW });
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
  });
});
