import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverRepositories, type FolderReader } from '../../src/audit/discovery.ts';
import { MANIFEST_NAMES, SKIPPED_DIRECTORIES } from '../../src/runner/discover.ts';
import { nodeFolderReader } from '../../src/runner/folder-reader.ts';
import { example, organisation, type Organisation } from './organisation.ts';

const OPTIONS = { manifestNames: MANIFEST_NAMES, skippedDirectories: SKIPPED_DIRECTORIES };
let org: Organisation;
afterEach(() => org?.cleanup());

function root(shown = 'org') {
  return { absolute: org.dir, shown, real: realpathSync(org.dir) };
}

function discover(reader: FolderReader = nodeFolderReader) {
  return discoverRepositories({ roots: [root()], listed: [] }, reader, OPTIONS);
}

describe('repository discovery', () => {
  it('treats each direct subfolder of a root as a repository, with or without a .git', () => {
    org = organisation();
    org.repo('billing', example('bank-hybrid'));
    org.write('docs/routewise.yaml', example('startup-cloud-api'));
    mkdirSync(join(org.dir, 'empty'));
    expect(discover().map((r) => [r.path, r.manifests])).toEqual([
      ['org/billing', ['routewise.yaml']],
      ['org/docs', ['routewise.yaml']],
      ['org/empty', []],
    ]);
  });

  it('finds repositories with a .git at any depth, and a grouping folder is not one itself', () => {
    org = organisation();
    org.repo('group/api', example('bank-hybrid'));
    org.repo('group/sub/web');
    org.repo('solo', example('startup-cloud-api'), 'routewise.json');
    expect(discover().map((r) => r.path)).toEqual(['org/group/api', 'org/group/sub/web', 'org/solo']);
  });

  it('gives a manifest to the nearest repository that encloses it', () => {
    org = organisation();
    org.repo('mono', example('bank-hybrid'));
    org.write('mono/services/a/routewise.yaml', example('startup-cloud-api'));
    org.repo('mono/vendored-repo', example('hospital-on-prem'), '.routewise.yaml');
    expect(discover().map((r) => [r.path, r.manifests])).toEqual([
      ['org/mono', ['routewise.yaml', 'services/a/routewise.yaml']],
      ['org/mono/vendored-repo', ['.routewise.yaml']],
    ]);
  });

  it('never looks inside .git, node_modules or vendored folders', () => {
    org = organisation();
    org.repo('app', example('bank-hybrid'));
    org.write('app/node_modules/lib/routewise.yaml', 'x');
    org.write('app/vendor/lib/routewise.yaml', 'x');
    org.write('app/.git/routewise.yaml', 'x');
    expect(discover()).toEqual([
      { path: 'org/app', absolute: join(org.dir, 'app'), within: realpathSync(org.dir), manifests: ['routewise.yaml'], real: join(realpathSync(org.dir), 'app'), linked: [], problems: [], notes: [] },
    ]);
  });

  it('treats a root holding a .git as one repository', () => {
    org = organisation();
    org.repo('.', example('bank-hybrid'));
    org.write('sub/routewise.yaml', 'x');
    expect(discover().map((r) => [r.path, r.manifests])).toEqual([['org', ['routewise.yaml', 'sub/routewise.yaml']]]);
  });

  it('notes a symbolic link back to an enclosing folder once, on its repository, and keeps going', () => {
    org = organisation();
    org.repo('loopy', example('bank-hybrid'));
    symlinkSync(join(org.dir, 'loopy'), join(org.dir, 'loopy', 'again'));
    symlinkSync(join(org.dir, 'loopy', 'self'), join(org.dir, 'loopy', 'self'));
    org.repo('fine', example('startup-cloud-api'));
    const found = discover();
    expect(found.map((r) => r.path)).toEqual(['org/fine', 'org/loopy']);
    const loopy = found[1]!;
    expect(loopy.manifests).toEqual(['routewise.yaml']);
    expect(loopy.problems).toEqual([]);
    expect(loopy.notes).toEqual([
      'org/loopy/again is a symbolic link to a folder that encloses it; not followed',
      'org/loopy/self is a symbolic link that leads back to itself; not followed',
    ]);
    expect(found[0]!.problems).toEqual([]);
  });

  it('reads manifests linked from elsewhere in the root, and notes links to folders of another repository', () => {
    org = organisation();
    org.write('shared/routewise.yaml', example('bank-hybrid'));
    org.repo('app');
    symlinkSync(join(org.dir, 'shared', 'routewise.yaml'), join(org.dir, 'app', 'routewise.yaml'));
    symlinkSync(join(org.dir, 'shared'), join(org.dir, 'app', 'config'));
    const app = discover().find((r) => r.path === 'org/app')!;
    expect(app.manifests).toEqual(['routewise.yaml']);
    expect(app.notes).toEqual(['org/app/config is a symbolic link to a folder outside its repository; not followed']);
    expect(app.problems).toEqual([]);
  });

  it('knows the real path of each manifest that is a plain file, and leaves linked ones to be resolved when read', () => {
    org = organisation();
    org.write('shared/routewise.yaml', example('bank-hybrid'));
    org.repo('app', example('startup-cloud-api'));
    org.write('app/real/deploy/routewise.yaml', example('startup-cloud-api'));
    symlinkSync(join(org.dir, 'app', 'real'), join(org.dir, 'app', 'via-link'));
    mkdirSync(join(org.dir, 'app', 'links'));
    symlinkSync(join(org.dir, 'shared', 'routewise.yaml'), join(org.dir, 'app', 'links', 'routewise.yaml'));
    // A file reached only through a linked folder (its real folder is one the walk skips).
    org.write('app/node_modules/cfg/routewise.yaml', example('startup-cloud-api'));
    symlinkSync(join(org.dir, 'app', 'node_modules', 'cfg'), join(org.dir, 'app', 'config'));
    const app = discover().find((r) => r.path === 'org/app')!;
    const real = realpathSync(org.dir);
    expect(app.manifests).toEqual(['config/routewise.yaml', 'links/routewise.yaml', 'real/deploy/routewise.yaml', 'routewise.yaml']);
    expect(app.real).toBe(`${real}/app`);
    expect(app.linked).toEqual(['config/routewise.yaml', 'links/routewise.yaml']);
    for (const path of app.manifests.filter((m) => !app.linked.includes(m))) expect(realpathSync(join(org.dir, 'app', path))).toBe(`${app.real}/${path}`);
  });

  it('follows a link to a folder inside its repository, and never lets a link take a nested repository away', () => {
    org = organisation();
    org.repo('mono', example('bank-hybrid'));
    org.write('mono/tools/extra/routewise.yaml', example('startup-cloud-api'));
    symlinkSync(join(org.dir, 'mono', 'tools', 'extra'), join(org.dir, 'mono', 'a-link'));
    org.repo('mono/z/nested', example('hospital-on-prem'));
    symlinkSync(join(org.dir, 'mono', 'z'), join(org.dir, 'mono', 'b-link'));
    expect(discover().map((r) => [r.path, r.manifests])).toEqual([
      ['org/mono', ['routewise.yaml', 'tools/extra/routewise.yaml']],
      ['org/mono/z/nested', ['routewise.yaml']],
    ]);
  });

  it('reports an unreadable folder on its repository and audits the rest', () => {
    org = organisation();
    org.repo('locked', example('bank-hybrid'));
    org.repo('open', example('startup-cloud-api'));
    const reader: FolderReader = {
      ...nodeFolderReader,
      list(path) {
        if (path.endsWith('locked')) throw Object.assign(new Error('denied'), { code: 'EACCES' });
        return nodeFolderReader.list(path);
      },
    };
    const found = discover(reader);
    expect(found.map((r) => [r.path, r.manifests, r.problems.map((p) => p.code)])).toEqual([
      ['org/locked', [], ['unreadable']],
      ['org/open', ['routewise.yaml'], []],
    ]);
    expect(found[0]!.problems[0]!.message).toContain('permission denied');
  });

  it('takes listed folders as repositories and reports those that do not exist', () => {
    org = organisation();
    org.write('plain/routewise.yaml', example('bank-hybrid'));
    const listed = [
      { absolute: join(org.dir, 'plain'), shown: 'x/plain', real: realpathSync(join(org.dir, 'plain')) },
      { absolute: join(org.dir, 'gone'), shown: 'x/gone', real: join(org.dir, 'gone') },
    ];
    const found = discoverRepositories({ roots: [], listed }, nodeFolderReader, OPTIONS);
    expect(found.map((r) => [r.path, r.manifests, r.problems.map((p) => p.code)])).toEqual([
      ['x/gone', [], ['path-not-found']],
      ['x/plain', ['routewise.yaml'], []],
    ]);
  });
});
