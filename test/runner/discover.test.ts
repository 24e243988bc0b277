import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverManifests } from '../../src/runner/discover.ts';

let root: string;

function touch(relative: string): void {
  const file = join(root, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, 'apiVersion: routewise/v1\n');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'discover-'));
  for (const file of [
    'routewise.yaml',
    'services/billing/routewise.yml',
    'services/chat/.routewise.yaml',
    'services/chat/notes.yaml',
    'services/search/routewise.json',
    'services/search/node_modules/dep/routewise.yaml',
    'services/search/vendor/lib/routewise.yaml',
    '.git/routewise.yaml',
    'docs/readme.md',
    'other/custom-name.yaml',
  ]) {
    touch(file);
  }
  symlinkSync(join(root, 'services'), join(root, 'services-link'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('discoverManifests', () => {
  it('finds the manifest in the current directory when given no paths', async () => {
    expect(await discoverManifests([], root)).toEqual({ files: ['routewise.yaml'], problems: [] });
  });

  it('reports a directory without a manifest when given no paths', async () => {
    const result = await discoverManifests([], join(root, 'docs'));
    expect(result.files).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['manifest-not-found']);
  });

  it('searches directories recursively for every manifest name, skipping vendored and tool directories', async () => {
    expect(await discoverManifests(['services'], root)).toEqual({
      files: ['services/billing/routewise.yml', 'services/chat/.routewise.yaml', 'services/search/routewise.json'],
      problems: [],
    });
  });

  it('does not follow symlinked directories', async () => {
    const result = await discoverManifests(['.'], root);
    expect(result.files).toEqual([
      'routewise.yaml',
      'services/billing/routewise.yml',
      'services/chat/.routewise.yaml',
      'services/search/routewise.json',
    ]);
  });

  it('takes files as given, whatever their name', async () => {
    expect(await discoverManifests(['other/custom-name.yaml'], root)).toEqual({ files: ['other/custom-name.yaml'], problems: [] });
  });

  it('expands globs', async () => {
    const result = await discoverManifests(['services/*/routewise.*'], root);
    expect(result).toEqual({ files: ['services/billing/routewise.yml', 'services/search/routewise.json'], problems: [] });
  });

  it('searches directories that a glob matches', async () => {
    const result = await discoverManifests(['services/c*'], root);
    expect(result.files).toEqual(['services/chat/.routewise.yaml']);
  });

  it('leaves vendored directories out of glob matches', async () => {
    const result = await discoverManifests(['services/**/routewise.yaml'], root);
    expect(result.files).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['glob-no-match']);
  });

  it('reports a path that does not exist, and keeps the others', async () => {
    const result = await discoverManifests(['missing.yaml', 'routewise.yaml'], root);
    expect(result.files).toEqual(['routewise.yaml']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'path-not-found', message: 'no such file or directory: missing.yaml' });
  });

  it('reports a directory without manifests', async () => {
    const result = await discoverManifests(['docs'], root);
    expect(result.problems.map((p) => [p.code, p.message.endsWith('under docs')])).toEqual([['manifest-not-found', true]]);
  });

  it('returns each file once, sorted, whatever the argument order', async () => {
    const a = await discoverManifests(['services/search/routewise.json', '.', 'routewise.yaml'], root);
    const b = await discoverManifests(['routewise.yaml', '.', './services/search/routewise.json'], root);
    expect(a.files).toEqual(['routewise.yaml', 'services/billing/routewise.yml', 'services/chat/.routewise.yaml', 'services/search/routewise.json']);
    expect(b.files).toHaveLength(4);
  });

  it('keeps absolute paths absolute', async () => {
    const result = await discoverManifests([join(root, 'services', 'billing')], '/');
    expect(result.files).toEqual([join(root, 'services', 'billing', 'routewise.yml')]);
  });
});
