// A run reads each source file once while its bytes stay the same: the facts of a cached read
// are those of a fresh one, an edited file is read again, and the repository boundary still holds.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import type { Manifest } from '../../src/manifest/manifest.ts';
import { newSourceCache, observeSources } from '../../src/sources/read-sources.ts';
import { validateManifest } from '../../src/validate/validate-manifest.ts';

const EXAMPLE = 'examples/hybrid-gateway';
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A repository holding two teams' copies of the example, each with its own sources. */
function repository(): string {
  const base = mkdtempSync(join(tmpdir(), 'rw-source-cache-'));
  folders.push(base);
  const root = join(base, 'repository');
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const team of ['a', 'b']) cpSync(EXAMPLE, join(root, team), { recursive: true });
  return root;
}

function observe(root: string, team: string, cache = newSourceCache(), text?: string) {
  const file = join(root, team, 'routewise.yaml');
  const loaded = loadDocument(`${team}/routewise.yaml`, text === undefined ? readFileSync(file) : Buffer.from(text));
  if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
  const valid = validateManifest(loaded.value);
  if (!valid.ok) throw new Error(valid.problems[0]!.message);
  return observeSources(valid.value as Manifest, loaded.value, file, [], cache);
}

describe('reading sources with a run cache', () => {
  it('gives the same facts and texts as reading afresh, for every manifest', () => {
    const root = repository();
    const cache = newSourceCache();
    for (const team of ['a', 'b', 'a', 'b']) {
      const cached = observe(root, team, cache);
      expect(cached.ok).toBe(true);
      expect(cached).toEqual(observe(root, team));
      if (cached.ok) expect(Object.keys(cached.value.texts).every((f) => f.startsWith(`${team}/`))).toBe(true);
    }
  });

  it('reads a source file again once its bytes change', () => {
    const root = repository();
    const cache = newSourceCache();
    const config = join(root, 'a', 'deploy/litellm/config.yaml');
    const before = observe(root, 'a', cache);
    writeFileSync(config, `${readFileSync(config, 'utf8')}\n# edited\n`);
    const after = observe(root, 'a', cache);
    expect(after).toEqual(observe(root, 'a'));
    expect(after).not.toEqual(before);
    if (after.ok) expect(after.value.texts['a/deploy/litellm/config.yaml']).toContain('# edited');
  });

  it('still refuses a source outside the repository after the root was found once', () => {
    const root = repository();
    const cache = newSourceCache();
    expect(observe(root, 'a', cache).ok).toBe(true);
    const text = readFileSync(join(root, 'a', 'routewise.yaml'), 'utf8').replace('path: deploy/k8s', 'path: ../../outside');
    mkdirSync(join(root, '..', 'outside'));
    const refused = observe(root, 'a', cache, text);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((p) => p.code)).toEqual(['source-outside-repository']);
  });
});
